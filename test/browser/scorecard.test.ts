/** The factory scorecard in the preview: RD Factories after the case study, and RD Charts drawn. */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { SHOTS, browserOnPreview } from './browser';

const on = browserOnPreview();

describe('the factory scorecard in the preview', () => {
  it('fills RD Factories when the case study settles, and draws RD Charts’ charts from the menu', async () => {
    const page = await on.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(on.preview.url);
    await page.click('#example');
    await page.waitForFunction(() => !document.getElementById('note')!.textContent);
    await page.click('#tabs button:has-text("RD Factories")');
    await page.waitForFunction(() => document.querySelector('#grid th:nth-child(2)')?.textContent === 'Next lot: major');
    expect(await page.locator('#grid tr').nth(1).locator('td').first().textContent()).toBe('Huadu Leather Goods');
    // A second lot from the same factory, failed, then the menu's refresh.
    const call = (name: string, request: unknown) => on.preview.bundle.call<{ ok: boolean; data: { id: string } }>(name, request);
    const { data } = call('rdCreateCase', { factory: 'Huadu Leather Goods', style: 'Tote', orderValue: 9000, lotSize: 1500 });
    call('rdRecordInspection', { caseId: data.id, inspector: 'Li Wei', criticalFound: 0, majorFound: 10, minorFound: 3 });
    await page.click('#scorecard');
    await page.waitForFunction(() => document.getElementById('note')!.textContent!.startsWith('Factory scorecard refreshed'));
    expect(await page.textContent('#note')).toBe('Factory scorecard refreshed: 1 factories in RD Factories, 4 charts in RD Charts.');
    await page.waitForSelector('.charts figure');
    expect(await page.locator('.charts figure').evaluateAll((figs) => figs.map((f) => (f as HTMLElement).dataset.type))).toEqual([
      'LINE',
      'LINE',
      'BAR',
      'COMBO',
    ]);
    expect(await page.locator('.charts figcaption').first().textContent()).toBe(
      'OC curve — lot 1500, II, AQL 2.5, normal: n 125, Ac 7 (line)',
    );
    expect(await page.locator('.charts figure').first().locator('polyline').count()).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('.charts').screenshot({ path: new URL('preview-scorecard-charts.png', SHOTS).pathname });
    await page.click('#tabs button:has-text("RD Factories")');
    await page.waitForFunction(() => document.querySelector('#grid th:nth-child(2)')?.textContent === 'Next lot: major');
    const header = await page.locator('#grid tr').first().locator('th').allTextContents();
    const row = await page.locator('#grid tr').nth(1).locator('td').allTextContents();
    expect(row[header.indexOf('Next lot: major')]).toBe('tightened');
    expect(row[header.indexOf('Lots inspected')]).toBe('2');
    // The agent's own columns are typed into, as in Sheets: a double-click, then the value.
    page.once('dialog', (dialog) => void dialog.accept('2026-11-20'));
    await page.locator('#grid tr').nth(1).locator('td').nth(header.indexOf('Corrective action on')).dblclick();
    await page.waitForFunction(() => document.querySelector('#grid tr:nth-child(2)')?.textContent?.includes('2026-11-20'));
    const typed = on.preview.bundle.spreadsheet.sheet('RD Factories').dump()[1][header.indexOf('Corrective action on')];
    // Read as a date, as Sheets reads a typed date (the fake hands it back in the script's realm).
    expect(Object.prototype.toString.call(typed)).toBe('[object Date]');
    expect((typed as Date).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    await page.close();
  });
});
