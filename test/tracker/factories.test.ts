/**
 * Factory history through the bundle: a factory's next case starts at the severity its lots call
 * for, a discontinued factory is refused until its corrective action is recorded, and the
 * scorecard (RD Factories) and its charts (RD Charts) hold what a naive recount of the lots gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, loadExample } from '../../preview/example';
import type { CaseView, FactoryStatusView, ScorecardResult } from '../../src/shared/contract';
import type { FakeEmbeddedChart } from '../../fakes/spreadsheet';
import { Desk } from '../support/desk';

function setUp(): Desk {
  const desk = new Desk();
  desk.ok('rdSetupTracker');
  return desk;
}

function lot(desk: Desk, factory: string, majorFound: number, minorFound = 0, criticalFound = 0, at?: string): string {
  const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory, style: 'Tote', orderValue: 10000, lotSize: 1500 });
  desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', at, criticalFound, majorFound, minorFound });
  return id;
}

describe('switching from a factory’s lots', () => {
  it('starts a factory’s next case at its severity per class, with the reason, whatever the spelling of its name', () => {
    const desk = setUp();
    const a = lot(desk, 'Huadu Leather Goods', 12, 0);
    lot(desk, 'Baiyun Bags', 12, 0);
    const b = lot(desk, 'huadu  LEATHER goods.', 9, 3);
    const status = desk.ok<FactoryStatusView>('rdFactoryStatus', { factory: 'Huadu Leather Goods' });
    expect(status.major).toEqual({
      severity: 'tightened',
      score: null,
      reason: `tightened: 2 of the last 2 lots not accepted — ${a}, ${b}`,
    });
    // Per class: both lots were accepted on their minor counts (0 and 3, within AQL 2.5's Ac 7 as well): +3 each.
    expect(status.minor).toMatchObject({ severity: 'normal', score: 6 });
    expect(status).toMatchObject({ edition: 'ISO 2859-1', discontinued: false, lots: 2 });
    const { id } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: 'Huadu Leather Goods',
      style: 'Tote',
      orderValue: 10000,
      lotSize: 1500,
    });
    const view = desk.view(id);
    expect(view.severity).toBe('tightened');
    // Tightened K: Ac 5 for major; the minor class stays on normal (AQL 4.0: Ac 10).
    expect(view.planMajor).toMatchObject({ letter: 'K', sampleSize: 125, acceptance: 5 });
    expect(view.planMinor).toMatchObject({ acceptance: 10 });
    expect(desk.sheet('RD Log').dump().at(-1)![3]).toBe(
      'Case opened (major tightened from the factory’s record; minor normal from the factory’s record)',
    );
    // A severity the agent sets stands.
    const set = desk.ok<{ id: string }>('rdCreateCase', {
      factory: 'Huadu Leather Goods',
      style: 'Tote',
      orderValue: 1,
      lotSize: 1500,
      severity: 'normal',
    });
    expect(desk.view(set.id)).toMatchObject({ severity: 'normal', severityMinor: 'normal' });
    expect(desk.sheet('RD Log').dump().at(-1)![3]).toBe(
      'Case opened (major normal set by the agent; the factory’s record calls for tightened; minor normal from the factory’s record)',
    );
  });

  it('refuses a case for a discontinued factory until its corrective action is recorded, then resumes on tightened', () => {
    const desk = setUp();
    const days = (n: number) => `2026-01-${String(n).padStart(2, '0')}T08:00:00Z`;
    // 2 not accepted on normal, then 5 not accepted on tightened.
    for (let i = 1; i <= 7; i++) lot(desk, 'Shiling Hardware', 12, 0, 0, days(i));
    const refusal = desk.refused('rdCreateCase', { factory: 'Shiling Hardware', style: 'Tote', orderValue: 1, lotSize: 1500 });
    expect(refusal).toMatch(
      /^Inspection of Shiling Hardware is discontinued: 5 lots not accepted on tightened inspection — RD-\d{4}-0003, .*RD-\d{4}-0007\. Record its corrective action in "RD Factories"/,
    );
    desk.ok<ScorecardResult>('rdRefreshScorecard');
    const sheet = desk.sheet('RD Factories');
    const header = sheet.dump()[0];
    const row = sheet.dump().findIndex((r) => r[0] === 'Shiling Hardware') + 1;
    expect(sheet.dump()[row - 1][header.indexOf('Next lot: major')]).toBe('discontinued');
    sheet.getRange(row, header.indexOf('Corrective action on') + 1).setValue('2026-01-20 09:00');
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'Shiling Hardware', style: 'Tote', orderValue: 1, lotSize: 1500 });
    expect(desk.view(id).severity).toBe('tightened');
    expect(desk.ok<FactoryStatusView>('rdFactoryStatus', { factory: 'Shiling Hardware' }).major.reason).toBe(
      'tightened: resumed after the corrective action of 2026-01-20',
    );
  });

  it('goes to reduced only when the agent ticks reduced inspection approved in RD Factories', () => {
    const desk = setUp();
    for (let i = 1; i <= 10; i++) lot(desk, 'Panyu Packaging', 0, 0, 0, `2026-02-${String(i).padStart(2, '0')}T08:00:00Z`);
    expect(desk.ok<FactoryStatusView>('rdFactoryStatus', { factory: 'Panyu Packaging' }).major).toEqual({
      severity: 'normal (reduced eligible)',
      score: 30,
      reason: 'normal (reduced eligible): switching score 30; reduced inspection needs steady production and approval',
    });
    desk.ok('rdRefreshScorecard');
    const sheet = desk.sheet('RD Factories');
    const header = sheet.dump()[0];
    const row = sheet.dump().findIndex((r) => r[0] === 'Panyu Packaging') + 1;
    sheet.getRange(row, header.indexOf('Reduced inspection approved') + 1).setValue(true);
    const { id } = desk.ok<{ id: string }>('rdCreateCase', { factory: 'Panyu Packaging', style: 'Tote', orderValue: 1, lotSize: 1500 });
    expect(desk.view(id)).toMatchObject({ severity: 'reduced', planMajor: { sampleSize: 50, acceptance: 3 } });
  });
});

describe('the factory scorecard', () => {
  it('refreshes the factory’s row after a settlement, and the charts from the menu', () => {
    const desk = setUp();
    loadExample((handler, request) => desk.raw(handler, request));
    const sheet = desk.sheet('RD Factories');
    const [header, row] = sheet.dump();
    const at = (h: string) => row[header.indexOf(h)];
    expect(at('Factory')).toBe(EXAMPLE.factory);
    expect(at('Lots inspected')).toBe(1);
    expect(at('OQC first pass')).toBe(0);
    expect(at('Cases (lots held)')).toBe(1);
    expect(at('Major /100 sampled')).toBe(9.6);
    expect(at('Minor /100 sampled')).toBe(17.6);
    expect(at('Top defects')).toBe('Edge paint defect (22), Misalignment (12)');
    expect(at('Rework cost')).toBe('216.00 USD');
    expect(at('Factory paid')).toBe('216.00 USD');
    expect(at('Concession credits')).toBe('450.00 USD');
    expect(at('Re-inspection first pass')).toBe(1);
    // Held eight days ago at 08:00 UTC, released by today's re-inspection.
    expect(at('Mean days hold → release')).toBeGreaterThan(7.5);
    expect(at('Mean days hold → release')).toBeLessThan(9);
    expect(at('New-major failures')).toBe(0);
    expect(at('Average recovery')).toBeCloseTo(0.9556, 4);
    expect(at('Next lot: major')).toBe('normal');
    expect(desk.bundle.spreadsheet.getSheetByName('RD Charts')).toBeNull();

    // The menu's full refresh gives the settlement's factory the same row, and draws the charts.
    const refreshedAt = header.indexOf('Refreshed');
    desk.ok('rdRefreshScorecard');
    const [, full] = sheet.dump();
    expect(full.filter((_, i) => i !== refreshedAt)).toEqual(row.filter((_, i) => i !== refreshedAt));
    const charts = desk.sheet('RD Charts').charts as FakeEmbeddedChart[];
    const summary = charts.map((c) => [c.type, c.ranges.map((r) => r.getA1Notation()).join(' '), c.options.title]);
    expect(summary).toEqual([
      ['LINE', 'A7:B48', 'OC curve — lot 1500, II, AQL 2.5, normal: n 125, Ac 7'],
      ['LINE', 'D7:D8 F7:F8', 'OQC first-pass rate by month'],
      ['BAR', 'H7:I8', 'Average recovery by factory'],
      ['COMBO', 'K8:M10', `Defect Pareto — ${EXAMPLE.factory}`],
    ]);
    const grid = desk.sheet('RD Charts').dump();
    expect(grid[7].slice(0, 2)).toEqual([0, 1]);
    expect(grid[8][10]).toBe('Edge paint defect');
    expect(grid[8][12]).toBeCloseTo(22 / 34, 10);
  });

  it('draws the OC curve of the plan typed in B2:B5, and says so when it cannot read it', () => {
    const desk = setUp();
    lot(desk, 'F', 12);
    desk.ok('rdRefreshScorecard');
    const sheet = desk.sheet('RD Charts');
    sheet.getRange(2, 2, 4, 1).setValues([[500], ['III'], [1], ['tightened']]);
    desk.ok('rdRefreshScorecard');
    expect((sheet.charts[0] as FakeEmbeddedChart).options.title).toBe('OC curve — lot 500, III, AQL 1, tightened: n 80, Ac 1');
    sheet.getRange(2, 2).setValue('lots');
    desk.ok('rdRefreshScorecard');
    expect(sheet.dump()[5][0]).toMatch(/^Could not read the plan \(lot size must be a whole number/);
  });

  it('matches a naive recount of every factory’s lots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            factory: fc.integer({ min: 0, max: 4 }),
            major: fc.integer({ min: 0, max: 12 }),
            minor: fc.integer({ min: 0, max: 14 }),
            critical: fc.integer({ min: 0, max: 1 }),
          }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (lots) => {
          const desk = setUp();
          const done: typeof lots = [];
          lots.forEach((l, i) => {
            const factory = `Factory ${l.factory}`;
            const opened = desk.raw<{ id: string }>('rdCreateCase', { factory, style: 'Tote', orderValue: 1000, lotSize: 1500 });
            if (!opened.ok) return; // discontinued: no lot
            desk.ok('rdRecordInspection', {
              caseId: opened.data.id,
              inspector: 'Li Wei',
              at: `2026-03-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
              criticalFound: l.critical,
              majorFound: l.major,
              minorFound: l.minor,
            });
            done.push(l);
          });
          desk.ok('rdRefreshScorecard');
          const [header, ...rows] = desk.sheet('RD Factories').dump();
          const cell = (r: unknown[], h: string) => r[header.indexOf(h)];
          for (const r of rows) {
            const mine = done.filter((l) => `Factory ${l.factory}` === r[0]);
            // Every lot here is 1,500 units with a sample of 125, on normal or tightened inspection.
            expect(cell(r, 'Lots inspected')).toBe(mine.length);
            expect(cell(r, 'Major /100 sampled')).toBeCloseTo((mine.reduce((s, l) => s + l.major, 0) / (125 * mine.length)) * 100, 2);
            expect(cell(r, 'Minor /100 sampled')).toBeCloseTo((mine.reduce((s, l) => s + l.minor, 0) / (125 * mine.length)) * 100, 2);
            expect(cell(r, 'Critical /100 sampled')).toBeCloseTo((mine.reduce((s, l) => s + l.critical, 0) / (125 * mine.length)) * 100, 2);
          }
          // Held lots are the cases; a lot's verdict is the case's status.
          const cases = desk.sheet('RD Cases').records();
          for (const r of rows) {
            const held = cases.filter((c) => c.Factory === r[0] && c.Status === 'on-hold').length;
            const passed = cases.filter((c) => c.Factory === r[0] && c.Status === 'released').length;
            expect(cell(r, 'Cases (lots held)')).toBe(held);
            expect(cell(r, 'OQC first pass')).toBeCloseTo(passed / (held + passed), 10);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

export type { CaseView };

describe('cases opened ahead of their OQC', () => {
  it('are judged under the severity the factory’s record calls for at the OQC, unless the agent chose one', () => {
    const desk = setUp();
    const open = (severity?: string) =>
      desk.ok<{ id: string }>('rdCreateCase', { factory: 'Foshan Batch', style: 'Tote', orderValue: 1, lotSize: 1500, severity }).id;
    const [a, b, c, chosen] = [open(), open(), open(), open('normal')];
    for (const id of [a, b])
      desk.ok('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 0, majorFound: 8, minorFound: 0 });
    // Opened on normal; two lots failed since: its OQC is on tightened (K: Ac 5), so 7 major rejects it.
    expect(desk.view(c)).toMatchObject({ severity: 'tightened', planMajor: { acceptance: 5 } });
    const judged = desk.ok<{ passed: boolean }>('rdRecordInspection', {
      caseId: c,
      inspector: 'Ann',
      criticalFound: 0,
      majorFound: 7,
      minorFound: 0,
    });
    expect(judged.passed).toBe(false);
    // The agent's own choice stands: normal, Ac 7.
    expect(
      desk.ok<{ passed: boolean }>('rdRecordInspection', {
        caseId: chosen,
        inspector: 'Ann',
        criticalFound: 0,
        majorFound: 7,
        minorFound: 0,
      }).passed,
    ).toBe(true);
  });

  it('a corrective action dated the day inspection was discontinued resumes it; one dated before says so', () => {
    const desk = setUp();
    for (let i = 1; i <= 7; i++) lot(desk, 'Shiling Hardware', 12, 0, 0, `2026-01-07T0${i}:00:00Z`);
    desk.ok('rdRefreshScorecard');
    const sheet = desk.sheet('RD Factories');
    const header = sheet.dump()[0];
    const cell = sheet.getRange(2, header.indexOf('Corrective action on') + 1);
    cell.setValue('2026-01-06');
    expect(desk.ok<FactoryStatusView>('rdFactoryStatus', { factory: 'Shiling Hardware' }).major.reason).toMatch(
      /\(the corrective action of 2026-01-06 is before the discontinuation on 2026-01-07\)$/,
    );
    cell.setValue('2026-01-07');
    expect(desk.ok<FactoryStatusView>('rdFactoryStatus', { factory: 'Shiling Hardware' }).major.severity).toBe('tightened');
  });
});

describe('the edition in RD Settings', () => {
  it('judges a reduced lot as ISO 2859-1 does: a count above Ac is not accepted', () => {
    const desk = setUp();
    const { id } = desk.ok<{ id: string }>('rdCreateCase', {
      factory: 'New Co',
      style: 'Tote',
      orderValue: 1,
      lotSize: 1500,
      severity: 'reduced',
    });
    expect(desk.view(id)).toMatchObject({ edition: 'ISO 2859-1', planMajor: { sampleSize: 50, acceptance: 3, rejection: 4 } });
    expect(
      desk.ok<{ passed: boolean }>('rdRecordInspection', { caseId: id, inspector: 'Ann', criticalFound: 0, majorFound: 4, minorFound: 0 })
        .passed,
    ).toBe(false);
  });
});
