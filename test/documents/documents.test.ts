/**
 * The protocol's documents for the seed's case study, issued through the bundle as the desk asks
 * for them: each holds its figures and its clauses in both languages, is recorded with its
 * fingerprint, keeps its revision while nothing changes and takes a new one after a correction.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, loadExample } from '../../preview/example';
import { sha256Hex } from '../../src/documents/sha256';
import { QR_QUIET, qrSvg } from '../../src/documents/qr';
import { esc } from '../../src/documents/html';
import type { CaseView, DocumentView } from '../../src/shared/contract';
import { Desk } from '../support/desk';

/** The page's text as a reader sees it: tags dropped, entities read. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('documents of the case study', () => {
  const desk = new Desk();
  let id = '';
  const doc = (kind: string, language?: string, caseId: string = id) => desk.ok<DocumentView>('rdGetDocument', { caseId, kind, language });
  beforeAll(() => {
    id = loadExample((handler, request) => desk.raw(handler, request));
  });

  it('lists every document once the case is settled', () => {
    expect(desk.view(id).documents).toEqual(['hold-notice', 'evidence', 'rework-agreement', 'reinspection', 'settlement']);
  });

  it('OQC report and hold notice: the plan, the counts against Ac/Re, the hold, in both languages', () => {
    const page = doc('hold-notice', 'both');
    const text = textOf(page.html);
    for (const figure of [
      '1,500',
      'K',
      '125',
      'Huadu Leather Goods',
      'PO-2025-031',
      'Li Wei',
      'Factory finished-goods warehouse',
      'USD 15,000.00',
    ]) {
      expect(text).toContain(figure);
    }
    expect(text).toMatch(/Major 严重缺陷 2\.5 7 8 12/);
    expect(text).toMatch(/Minor 轻微缺陷 4 10 11 22/);
    expect(text).toContain('Major: 12 found reaches Re 8');
    expect(text).toContain('严重缺陷：发现 12，达到拒收数 Re 8');
    expect(text).toContain('All finished goods remain in the factory warehouse pending resolution.');
    expect(text).toContain('所有成品须留存于工厂仓库，待问题解决后方可出货。');
    expect(text).toMatch(/Cartons sealed with hold tags 封箱并贴暂扣标签的箱数 60/);
    expect(text).toMatch(/In reject sample box 已放入不良品留样箱 12 \/ 34/);
    expect(page.html).toContain('lang="zh-Hans"');
    expect(text).toContain("Factory's OQC inspector");
    expect(text).toContain('买方检验员或采购代理');
  });

  it('each language alone carries no words of the other', () => {
    const en = doc('hold-notice', 'en').html;
    const zh = doc('hold-notice', 'zh').html;
    expect(en).not.toMatch(/lang="zh-Hans"/);
    expect(textOf(en)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/<html lang="zh-Hans">/);
    expect(textOf(zh)).toContain('质量暂扣通知书');
    expect(textOf(zh)).not.toContain('Quality Hold Notice');
    // The toolbar speaks the reader's language too.
    expect(textOf(zh)).toContain('打印 / 另存为 PDF');
    expect(textOf(zh)).not.toContain('Print / Save as PDF');
  });

  it('evidence sheet: a block per unit with each photo as a link and a QR code', () => {
    const page = doc('evidence', 'en');
    expect(page.html.match(/<section class="unit"/g)).toHaveLength(34);
    expect(page.html.match(/<svg class="qr"/g)).toHaveLength(34 * 5);
    expect(page.html).toContain('href="https://photos.example.com/K-001/close-up.jpg"');
  });

  it('rework agreement: cause, cost, shares, scope, supervision and the two clauses in both languages', () => {
    const text = textOf(doc('rework-agreement', 'both').html);
    expect(text).toContain('Process deviation');
    expect(text).toContain('工艺偏离');
    expect(text).toMatch(/Quoted price per unit 单件报价 USD 18\.00/);
    expect(text).toMatch(/Units to rework 返工件数 12/);
    expect(text).toMatch(/Total rework cost 返工总费用 USD 216\.00/);
    expect(text).toMatch(/Factory share 工厂承担 USD 216\.00/);
    expect(text).toMatch(/Buyer share 买方承担 USD 0\.00/);
    for (const unit of EXAMPLE.majorUnits) expect(text).toContain(unit);
    expect(text).toContain('The re-inspection is done by a different inspector.');
    expect(text).toContain('复检须由另一名检验员执行。');
    expect(text).toContain('Any new major defect found on re-inspection fails the lot at once');
    expect(text).toContain('复检中如发现任何新的严重缺陷，该批立即判定不合格');
    expect(text).toMatch(/code letter L, sample size 200/);
    expect(text).toContain('concession discount of 3% of the order value: a credit of USD 450.00');
    expect(text).toContain('让步折扣为订单金额的 3%：从工厂货款中抵扣 USD 450.00');
    expect(text).toContain('BOM');
  });

  it('re-inspection report: 100% of the reworked units, Level III on the rest, the verdict and the inspector', () => {
    const text = textOf(doc('reinspection', 'both').html);
    expect(text).toContain('Chen Jie');
    expect(text).toMatch(/Place 地点 Factory finished-goods warehouse, Huadu, Guangzhou/);
    expect(text).toMatch(/Reworked and adjacent units, inspected 100% 返工及相邻产品（全数检验） 12/);
    expect(text).toMatch(/Sample size 样本量 200/);
    expect(text).toContain('Verdict: PASS 判定：合格');
  });

  it('settlement statement: order value, rework, credit, value kept, recovery', () => {
    const text = textOf(doc('settlement', 'both').html);
    expect(text).toMatch(/Order value \(FOB\) 订单金额（FOB） USD 15,000\.00/);
    expect(text).toMatch(/Rework cost 返工费用 USD 216\.00/);
    expect(text).toMatch(/Concession credit 让步抵扣金额 USD 450\.00/);
    expect(text).toMatch(/Value kept 保留货值 USD 14,334\.00/);
    expect(text).toMatch(/Recovery rate 挽回率 95\.56%/);
  });

  it('PO quality annex: the settings as clauses, with the catalogue and the allocation table', () => {
    const page = desk.ok<DocumentView>('rdGetDocument', { kind: 'po-annex' });
    const text = textOf(page.html);
    expect(page.language).toBe('both');
    expect(text).toContain('AQL 2.5 for major defects and AQL 4 for minor defects');
    expect(text).toContain('ΔE above 1.5 under D65 against the approved lab dip is major');
    expect(text).toContain('色差：测量值 > 1.5 ΔE，判为严重缺陷');
    expect(text).toContain('Specification ambiguity');
    expect(text).toMatch(/规格不明确 50% \/ 50% \/ 50%/);
    expect(text).toContain(EXAMPLE.factory === '' ? 'never' : 'within 2 hours');
  });

  it('records each issue once per language and revision, with the fingerprint printed on it', () => {
    const first = doc('settlement', 'en');
    const again = doc('settlement', 'en');
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.revision).toBe(first.revision);
    expect(again.newIssue).toBe(false);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(first.html).toContain(first.fingerprint);
    const rows = desk
      .sheet('RD Documents')
      .dump()
      .filter((r) => r[0] === id && r[1] === 'settlement');
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([
      ['both', 1, first.fingerprint],
      ['en', 1, first.fingerprint],
    ]);
  });

  it('opens the page in a modal dialog over the spreadsheet', () => {
    const page = doc('evidence', 'zh');
    const shown = desk.bundle.ui.shown.at(-1)!;
    expect(shown.kind).toBe('modal');
    expect(shown.title).toBe(page.title);
    expect(shown.html?.getContent()).toBe(page.html);
  });
});

describe('revisions and refusals', () => {
  it('a correction after issue makes the next issue a new revision', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'F', style: 'S', orderValue: 1000, lotSize: 500 });
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 0, majorFound: 9, minorFound: 0, cartonsSealed: 12 });
    const first = desk.ok<DocumentView>('rdGetDocument', { caseId: id, kind: 'hold-notice' });
    expect(first.revision).toBe(1);
    expect(desk.ok<DocumentView>('rdGetDocument', { caseId: id, kind: 'hold-notice', language: 'zh' }).revision).toBe(1);
    desk.ok('rdCorrect', { caseId: id, fact: 'cartonsSealed', value: 14, reason: 'two more cartons found on the line' });
    const second = desk.ok<DocumentView>('rdGetDocument', { caseId: id, kind: 'hold-notice' });
    expect(second.revision).toBe(2);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(textOf(second.html)).toMatch(/Cartons sealed with hold tags 封箱并贴暂扣标签的箱数 14/);
    expect(textOf(second.html)).toContain(`${id} · OQC Inspection Report`);
    const log = desk
      .sheet('RD Log')
      .dump()
      .map((r) => String(r[3]));
    expect(log).toContain('Corrected the cartons sealed with hold tags: 12 → 14; reason: two more cartons found on the line');
    expect(log.filter((a) => a.startsWith('Issued OQC Inspection Report'))).toHaveLength(3);
  });

  it('refuses a document the case has not reached, naming the step, and writes nothing', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'F', style: 'S', orderValue: 1000, lotSize: 500 });
    expect(desk.view(id).documents).toEqual([]);
    expect(desk.refused('rdGetDocument', { caseId: id, kind: 'hold-notice' })).toMatch(/record the OQC inspection first/);
    expect(desk.refused('rdGetDocument', { caseId: id, kind: 'settlement' })).toMatch(/once the case is settled/);
    expect(desk.refused('rdGetDocument', { caseId: id, kind: 'invoice' })).toMatch(/Document must be one of/);
    expect(desk.refused('rdGetDocument', { caseId: id, kind: 'evidence', language: 'fr' })).toMatch(/Language must be one of en, zh, both/);
    expect(desk.bundle.ui.shown.filter((s) => s.kind === 'modal')).toHaveLength(0);
  });

  it('a hold notice issued before classification says what follows, with the deadline to tell the agent', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'F', style: 'S', orderValue: 1000, lotSize: 500 });
    desk.ok('rdRecordInspection', {
      caseId: id,
      inspector: 'Ann',
      at: '2026-03-02T08:00:00Z',
      criticalFound: 0,
      majorFound: 9,
      minorFound: 0,
    });
    const text = textOf(desk.ok<DocumentView>('rdGetDocument', { caseId: id, kind: 'hold-notice', language: 'both' }).html);
    expect(text).toContain('The defective units are being classified; the defect evidence sheet follows.');
    expect(text).not.toContain('Defects by type and class');
    expect(text).toMatch(/Sourcing agent to be told by 通知采购代理的期限 2026-03-02 10:00/);
  });

  it('names each class’s severity on the OQC report where the switching rules put them apart', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const lot = (majorFound: number) => {
      const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'Panyu Straps', style: 'S', orderValue: 1000, lotSize: 1500 });
      desk.ok('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 0, majorFound, minorFound: 0 });
      return id;
    };
    lot(12);
    lot(12);
    const third = lot(7);
    const text = textOf(desk.ok<DocumentView>('rdGetDocument', { caseId: third, kind: 'hold-notice', language: 'both' }).html);
    expect(text).toContain('Major: Tightened inspection; minor: Normal inspection 严重缺陷：加严检验；轻微缺陷：正常检验');
    expect(text).toMatch(/Major 严重缺陷 2\.5 5 6 7/);
  });

  it('keeps cartons sealed within the lot, and none from a voided passing OQC', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'F', style: 'S', orderValue: 1000, lotSize: 500 });
    expect(
      desk.refused('rdRecordInspection', {
        caseId: id,
        inspector: 'Ann',
        criticalFound: 0,
        majorFound: 9,
        minorFound: 0,
        cartonsSealed: 501,
      }),
    ).toMatch(/Cartons sealed with hold tags must be 500 or less/);
    expect(
      desk.refused('rdRecordInspection', {
        caseId: id,
        inspector: 'Ann',
        criticalFound: 0,
        majorFound: 0,
        minorFound: 0,
        cartonsSealed: 0,
      }),
    ).toMatch(/passed OQC/);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 0, majorFound: 0, minorFound: 0 });
    desk.ok('rdReopen', { caseId: id, reason: 'counts typed in the wrong boxes' });
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 1, majorFound: 0, minorFound: 0 });
    expect(desk.view(id).cartonsSealed).toBeNull();
    expect(desk.refused('rdCorrect', { caseId: id, fact: 'cartonsSealed', value: 900, reason: 'recount' })).toMatch(/500 or less/);
  });

  it('refuses cartons sealed on a lot that passed, before writing anything', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'F', style: 'S', orderValue: 1000, lotSize: 500 });
    expect(
      desk.refused('rdRecordInspection', {
        caseId: id,
        inspector: 'Ann',
        criticalFound: 0,
        majorFound: 0,
        minorFound: 0,
        cartonsSealed: 3,
      }),
    ).toMatch(/passed OQC/);
  });

  it('shows typed text as text: markup in any field never becomes markup in a document', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { id } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: payload,
      style: `"'><b>`,
      po: payload,
      orderValue: 1000,
      lotSize: 500,
    });
    desk.ok('rdRecordInspection', { caseId: id, inspector: payload, place: payload, criticalFound: 0, majorFound: 9, minorFound: 0 });
    desk.ok('rdAddDefects', {
      caseId: id,
      defects: [{ unitRef: payload, carton: payload, defectType: 'coating delamination', cause: 'workmanship' }],
    });
    expect(desk.refused('rdSaveEvidence', { caseId: id, unitRef: payload, wide: 'javascript:alert(3)' })).toMatch(
      /must be a link starting with https/,
    );
    desk.ok('rdSaveEvidence', { caseId: id, unitRef: payload, closeUp: `https://x.example/"><script>alert(4)</script>` });
    for (const kind of ['hold-notice', 'evidence']) {
      for (const language of ['en', 'zh', 'both']) {
        const { html } = desk.ok<DocumentView>('rdGetDocument', { caseId: id, kind, language });
        expect(html).not.toContain('<img src=x');
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('href="javascript:');
        expect(textOf(html)).toContain(payload);
      }
    }
  });
});

describe('fingerprint and QR code', () => {
  it('SHA-256 matches Node’s for any text, Chinese and emoji included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('a QR code reads back as its link', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.constant('https://drive.google.com/file/d/1AbC/view?usp=共享')), (link) => {
        expect(decode(qrSvg(link))).toBe(link);
      }),
      { numRuns: 40 },
    );
  });

  it('escapes the five characters that matter in HTML', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

/** Reads an SVG's hex modules into pixels (as the page's script draws them) and decodes them with a QR reader. */
function decode(svg: string): string | undefined {
  const n = Number(/data-n="(\d+)"/.exec(svg)![1]);
  const hex = /data-qr="([0-9a-f]+)"/.exec(svg)![1];
  const dark = (i: number) => (parseInt(hex[i >> 2], 16) >> (3 - (i & 3))) & 1;
  const scale = 4;
  const span = n + 2 * QR_QUIET;
  const size = span * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let i = 0; i < n * n; i++) {
    if (!dark(i)) continue;
    const [x, y] = [(i % n) + QR_QUIET, Math.floor(i / n) + QR_QUIET];
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((y * scale + dy) * size + x * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  const found = jsQR(pixels, size, size);
  return found ? new TextDecoder().decode(new Uint8Array(found.binaryData)) : undefined;
}

export type { CaseView };
