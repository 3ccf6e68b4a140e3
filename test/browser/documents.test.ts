/**
 * The documents as a browser prints them: every one to an A4 PDF, read back with PDF.js to check
 * what landed on which page. This machine has no CJK font installed, so the page gets one the way
 * a user's system provides it (Noto Sans SC, from an npm package, served to the page like a local
 * font); the documents themselves name system fonts only.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from '../../preview/example';
import { startPreview } from '../../preview/server';
import type { DocumentView } from '../../src/shared/contract';
import { Desk } from '../support/desk';
import { SHOTS, launch, screenshot } from './browser';

const ORIGIN = 'http://documents.test';
const FONT_DIR = new URL('../../node_modules/@fontsource/noto-sans-sc/', import.meta.url);
const FONT_CSS = ['400.css', '700.css']
  .map((f) => readFileSync(new URL(f, FONT_DIR), 'utf8').replaceAll('./files/', `${ORIGIN}/fonts/`))
  .join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A page showing one document; any script dialog (an alert from injected markup) fails the test. */
async function open(html: string, width = 900): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/doc`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith(`${ORIGIN}/fonts/`))
      return route.fulfill({ body: readFileSync(new URL(`files/${url.slice(ORIGIN.length + 7)}`, FONT_DIR)) });
    return route.abort();
  });
  await page.goto(`${ORIGIN}/doc`);
  await page.addStyleTag({ content: FONT_CSS });
  await page.evaluate(() => document.fonts.ready);
  return { page, dialogs };
}

/** Prints to PDF as Chrome's Save as PDF does with the page's own @page size; answers each page's text and size. */
async function print(html: string): Promise<Array<{ text: string; width: number; height: number }>> {
  const { page } = await open(html);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const content = await p.getTextContent();
    const [, , width, height] = p.view;
    pages.push({ text: content.items.map((i) => ('str' in i ? i.str : '')).join(''), width, height });
  }
  return pages;
}

describe('printed documents', () => {
  const desk = new Desk();
  let id = '';
  let big = '';
  const doc = (kind: string, language: string, caseId = id) => desk.ok<DocumentView>('rdGetDocument', { caseId, kind, language });
  beforeAll(() => {
    id = loadExample((handler, request) => desk.raw(handler, request));
    // A bigger lot: 12 major defects at OQC, 40 defective units in all with five photos each.
    ({ id: big } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: 'Dongguan Bags',
      style: 'Tote 22',
      orderValue: 40000,
      lotSize: 3000,
    }));
    desk.ok('rdRecordInspection', {
      caseId: big,
      inspector: 'Li Wei',
      criticalFound: 0,
      majorFound: 12,
      minorFound: 28,
      cartonsSealed: 120,
    });
    const units = Array.from({ length: 40 }, (_, i) => `U-${String(i + 1).padStart(3, '0')}`);
    desk.ok('rdAddDefects', {
      caseId: big,
      defects: units.map((unitRef, i) =>
        i < 12
          ? { unitRef, carton: `C-${i}`, defectType: 'colour deviation', measurement: 1.8, cause: 'workmanship', inRejectBox: true }
          : { unitRef, carton: `C-${i}`, defectType: 'loose thread', measurement: 2, context: 'exterior', cause: 'workmanship' },
      ),
    });
    for (const unitRef of units) {
      const base = `https://drive.example.com/${unitRef}`;
      desk.ok('rdSaveEvidence', {
        caseId: big,
        unitRef,
        wide: `${base}/wide`,
        closeUp: `${base}/close`,
        vsApproved: `${base}/vs`,
        measurement: `${base}/measure`,
        batchContext: `${base}/batch`,
      });
    }
  });

  it('prints every document, in every language, on A4 with the case and revision on every page', async () => {
    const kinds = ['hold-notice', 'evidence', 'rework-agreement', 'reinspection', 'settlement', 'po-annex'];
    for (const kind of kinds) {
      for (const language of ['en', 'zh', 'both']) {
        const pages = await print(doc(kind, language).html);
        for (const p of pages) {
          // A4 is 210 × 297 mm: 595.28 × 841.89 points.
          expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
          expect(p.text).toContain(kind === 'po-annex' ? 'PO annex' : id);
          expect(p.text).toMatch(language === 'zh' ? /版本\s*1/ : language === 'en' ? /Revision\s*1/ : /Revision\s*版本\s*1/);
        }
      }
    }
  });

  it('the hold notice for 12 defects fits on two pages', async () => {
    const { id: twelve } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: 'Dongguan Bags',
      style: 'Tote 24',
      orderValue: 20000,
      lotSize: 1500,
    });
    desk.ok('rdRecordInspection', {
      caseId: twelve,
      inspector: 'Li Wei',
      place: 'Factory warehouse',
      criticalFound: 0,
      majorFound: 12,
      minorFound: 0,
      cartonsSealed: 60,
    });
    desk.ok('rdAddDefects', {
      caseId: twelve,
      defects: Array.from({ length: 12 }, (_, i) => ({
        unitRef: `T-${i + 1}`,
        carton: `C-${i}`,
        defectType: 'misalignment',
        measurement: 4,
        context: 'hardware',
        cause: 'process deviation',
        inRejectBox: true,
      })),
    });
    for (const language of ['en', 'zh', 'both']) {
      const pages = await print(doc('hold-notice', language, twelve).html);
      expect(pages.length).toBeLessThanOrEqual(2);
    }
  });

  it('draws each QR code as the page loads, and a drawn code reads back as its link', async () => {
    const { page } = await open(doc('evidence', 'en', big).html);
    expect(await page.locator('svg.qr').count()).toBe(200);
    expect(await page.locator('svg.qr path').count()).toBe(200);
    // The first code, drawn on a canvas as a phone camera would see the print.
    const pixels = await page.evaluate(async () => {
      const svg = document.querySelector('svg.qr')!;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 240;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 240, 240);
      return Array.from(ctx.getImageData(0, 0, 240, 240).data);
    });
    expect(jsQR(Uint8ClampedArray.from(pixels), 240, 240)?.data).toBe('https://drive.example.com/U-001/wide');
    // The copy "Open in its own tab" and "Download" save holds the drawn codes, and draws none twice.
    const saved = await page.evaluate(() => '<!DOCTYPE html>' + document.documentElement.outerHTML);
    await page.close();
    const copy = await open(saved);
    expect(await copy.page.locator('svg.qr path').count()).toBe(200);
    await copy.page.close();
  });

  it('the evidence sheet for 40 units keeps each unit’s block on one page', async () => {
    const pages = await print(doc('evidence', 'both', big).html);
    expect(pages.length).toBeGreaterThan(1);
    for (let n = 1; n <= 40; n++) {
      const unit = `U-${String(n).padStart(3, '0')}`;
      // The block names its unit in its heading and in each of its five links.
      const on = pages.map((p, i) => ({ i, hits: p.text.split(unit).length - 1 })).filter((p) => p.hits > 0);
      expect(on, unit).toHaveLength(1);
      expect(on[0].hits, unit).toBe(6);
    }
  });

  it('shows markup typed into any field as text: no script runs, no element is made', async () => {
    const payload = `<img src=x onerror="alert('img')"><script>alert('script')</script>`;
    const { id: bad } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: payload,
      style: payload,
      po: payload,
      orderValue: 100,
      lotSize: 200,
    });
    desk.ok('rdRecordInspection', {
      caseId: bad,
      inspector: payload,
      place: payload,
      criticalFound: 1,
      majorFound: 0,
      minorFound: 0,
      cartonsSealed: 2,
    });
    const unit = `<img src=x onerror=alert(1)>`;
    desk.ok('rdAddDefects', { caseId: bad, defects: [{ unitRef: unit, carton: unit, defectType: 'sharp edge', cause: 'workmanship' }] });
    desk.ok('rdSaveEvidence', { caseId: bad, unitRef: unit, closeUp: `https://x.example/"><img/src=x/onerror=alert(3)>` });
    for (const kind of ['hold-notice', 'evidence']) {
      for (const language of ['en', 'zh', 'both']) {
        const { page, dialogs } = await open(doc(kind, language, bad).html);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(1);
        expect(await page.locator('body').innerText()).toContain(payload);
        expect(dialogs).toEqual([]);
        await page.close();
      }
    }
  });

  it('screenshots: each document in English, Chinese and both', async () => {
    for (const kind of ['hold-notice', 'evidence', 'rework-agreement', 'reinspection', 'settlement', 'po-annex']) {
      for (const language of ['en', 'zh', 'both']) {
        const { page } = await open(doc(kind, language).html, 860);
        await screenshot(page, `document-${kind}-${language}`);
        await page.close();
      }
    }
  });
});

describe('documents from the desk, in the preview', () => {
  it('opens a case’s document from the sidebar’s Documents list in a dialog, and the PO annex from the menu', async () => {
    const preview = await startPreview();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route(`${ORIGIN}/fonts/**`, (route) =>
      route.fulfill({
        body: readFileSync(
          new URL(
            `files/${route
              .request()
              .url()
              .slice(ORIGIN.length + 7)}`,
            FONT_DIR,
          ),
        ),
      }),
    );
    try {
      await page.goto(preview.url);
      await page.click('#example');
      const sidebar = page.frameLocator('#sidebar');
      await page.waitForFunction(() => !document.getElementById('note')!.textContent);
      await sidebar.locator('body[data-ready=true] #case-select').selectOption({ index: 1 });
      await sidebar.locator('#documents summary').click();
      const items = sidebar.locator('#documents li .document-title');
      expect(await items.allTextContents()).toEqual([
        'OQC Inspection Report and Quality Hold Notice',
        'Defect Evidence Sheet',
        'Rework Agreement',
        'Re-inspection Report',
        'Settlement Statement',
        'Purchase Order Quality Annex',
      ]);
      // Factory-facing documents open in both languages unless another is chosen.
      expect(await sidebar.locator('#doc-hold-notice-language').inputValue()).toBe('both');
      await sidebar.locator('#doc-hold-notice-open').click();
      await page.waitForSelector('#dialog:not([hidden])');
      expect(await page.textContent('#dialog-title')).toMatch(/^OQC Inspection Report and Quality Hold Notice — RD-\d{4}-\d{4}, rev 1$/);
      const dialog = page.frameLocator('#dialog-frame');
      await dialog.locator('h1').waitFor();
      expect(await dialog.locator('h1').textContent()).toContain('质量暂扣通知书');
      expect(await sidebar.locator('#message').textContent()).toMatch(
        /^Issued OQC Inspection Report and Quality Hold Notice, revision 1 \(fingerprint [0-9a-f]{12}\)/,
      );
      // The page frames the dialog and offers printing; the issue is recorded in the workbook.
      expect(await dialog.locator('#rd-print').textContent()).toBe('Print / Save as PDF');
      expect(preview.bundle.spreadsheet.sheet('RD Documents').dump()).toHaveLength(2);
      // The system font a user's machine has for Chinese (see the top of this file).
      const frame = page.frames().find((f) => f.url().includes('/dialog/'))!;
      await frame.addStyleTag({ content: FONT_CSS });
      await frame.evaluate(() => document.fonts.ready);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: new URL('preview-document-dialog.png', SHOTS).pathname });
      await page.click('#dialog-close');
      // A second opening of the same revision in Chinese is recorded once more, under the same revision.
      await sidebar.locator('#doc-hold-notice-language').selectOption('zh');
      await sidebar.locator('#doc-hold-notice-open').click();
      await page.waitForSelector('#dialog:not([hidden])');
      await page.frameLocator('#dialog-frame').locator('h1').waitFor();
      expect(await page.frameLocator('#dialog-frame').locator('h1').textContent()).toBe('出货检验报告及质量暂扣通知书');
      await page.click('#dialog-close');
      await page.click('#annex');
      await page.waitForSelector('#dialog:not([hidden])');
      await page.frameLocator('#dialog-frame').locator('h1').waitFor();
      expect(await page.frameLocator('#dialog-frame').locator('h1').textContent()).toContain('Purchase Order Quality Annex');
      const rows = preview.bundle.spreadsheet.sheet('RD Documents').dump().slice(1);
      expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
        ['hold-notice', 'both', 1],
        ['hold-notice', 'zh', 1],
        ['po-annex', 'both', 1],
      ]);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
