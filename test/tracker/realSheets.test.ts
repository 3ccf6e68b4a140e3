// The tracker on the strict fake, as a new user meets it in a real workbook: a brand-new
// spreadsheet, long histories, text that Sheets would otherwise reinterpret, a user's own formula
// column, and two people saving at once.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, loadExample } from '../../preview/example';
import type { CaseList, CaseSummary, SetupResult } from '../../src/shared/contract';
import { loadBundle } from '../../fakes/runtime';
import { FakeSpreadsheet } from '../../fakes/spreadsheet';
import { formatInZone } from '../../src/core/time';
import { Desk } from '../support/desk';
import { CASES } from '../../src/tracker/schema';

const NEW_CASE = { factory: 'Baiyun Bags', style: 'Tote T-40', orderValue: 8000, lotSize: 1200 };

function setUp(): Desk {
  const desk = new Desk();
  desk.ok<SetupResult>('rdSetupTracker');
  return desk;
}

describe('a real workbook', () => {
  it('sets up on a brand-new spreadsheet, widening sheets past 26 columns', () => {
    const desk = setUp();
    expect(desk.sheet('RD Cases').getMaxColumns()).toBeGreaterThanOrEqual(28);
    expect(desk.sheet('RD Cases').dump()[0]).toHaveLength(CASES.columns.length);
  });

  it('runs 25 case studies in a row, RD Log and RD Evidence growing well past 1,000 rows', () => {
    const desk = setUp();
    const call = (handler: string, request?: unknown) => desk.raw(handler, request);
    // One factory each: 25 failed lots from one factory would discontinue its inspection (the switching rules).
    const ids = Array.from({ length: 25 }, (_, i) => loadExample(call, { factory: `${EXAMPLE.factory} #${i + 1}` }));
    expect(new Set(ids).size).toBe(25);
    expect(ids[24]).toMatch(/-0025$/);
    const log = desk.sheet('RD Log');
    expect(log.getMaxRows()).toBeGreaterThan(1000);
    expect(log.records().length).toBeGreaterThan(1000);
    expect(desk.sheet('RD Evidence').records().length).toBe(25 * (EXAMPLE.majorUnits.length + EXAMPLE.minorUnits.length));
    const last = desk.view(ids[24]);
    expect(last.settlement!.valueKept).toBeCloseTo(14334, 6);
    // Rows past the first 1,000 are formatted as setup formats the rest: text stays text.
    expect(log.cell(1001, 2).numberFormat).toBe('@');
  });

  it('reads back every string exactly as typed', () => {
    const desk = setUp();
    const typed = { po: '0045012', style: '10/24', factory: "'Tis Leather" };
    const { id } = desk.ok<CaseSummary>('rdCreateCase', { ...NEW_CASE, ...typed, currency: 'usd' });
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'TRUE', criticalFound: 0, majorFound: 9, minorFound: 0 });
    desk.ok('rdAddDefects', {
      caseId: id,
      defects: [
        { unitRef: '007', carton: '15%', defectType: 'colour deviation', measurement: '1.7' },
        { unitRef: '=HYPERLINK("x")', carton: '1e3', defectType: 'colour deviation', measurement: '2' },
      ],
    });
    const view = desk.view(id);
    expect(view).toMatchObject({ po: '0045012', style: '10/24', factory: "'Tis Leather", inspector: 'TRUE' });
    expect(view.defects.map((d) => d.unitRef)).toEqual(['007', '=HYPERLINK("x")']);
    const defects = desk.sheet('RD Defects').records();
    expect(defects.map((d) => [d.Unit, d.Carton])).toEqual([
      ['007', '15%'],
      ['=HYPERLINK("x")', '1e3'],
    ]);
    expect(desk.sheet('RD Defects').formulaAt(3, 2)).toBe('');
    // Unit 007 is still unit 007: its evidence is accepted.
    desk.ok('rdSaveEvidence', { caseId: id, unitRef: '007', wide: 'https://photos.example.com/007/wide.jpg' });
    // A second save of the case leaves the style as typed, not a date.
    desk.ok('rdRecordAgentNotified', { caseId: id });
    expect(desk.sheet('RD Cases').records()[0].Style).toBe('10/24');
  });

  it('appends after its own last row when a user formula fills a column of their own to row 1,000', () => {
    const desk = setUp();
    const cases = desk.sheet('RD Cases');
    const userColumn = cases.getLastColumn() + 1;
    cases.insertColumnsAfter(cases.getMaxColumns(), 1);
    cases.getRange(1, userColumn).setValue('Days open');
    for (let r = 2; r <= 1000; r++) cases.getRange(r, userColumn).setValue(`=IF(A${r}="","",TODAY()-D${r})`);
    const first = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    const second = desk.ok<CaseSummary>('rdCreateCase', { ...NEW_CASE, style: 'Second' });
    expect(cases.getRange(2, 1).getValue()).toBe(first.id);
    expect(cases.getRange(3, 1).getValue()).toBe(second.id);
    expect(cases.getMaxRows()).toBe(1000);
    expect(cases.formulaAt(2, userColumn)).toBe('=IF(A2="","",TODAY()-D2)');
  });

  it('gives two saves that meet at the lock distinct IDs and rows: the first flushes before it lets go', () => {
    const desk = setUp();
    const counter = desk.bundle.spreadsheet.counter;
    let second: CaseSummary | undefined;
    // The second save starts the moment the first releases the lock, before its execution ends.
    counter.afterCall = (name) => {
      if (name !== 'releaseLock' || second) return;
      counter.afterCall = undefined;
      second = desk.ok<CaseSummary>('rdCreateCase', { ...NEW_CASE, style: 'second' });
    };
    const first = desk.ok<CaseSummary>('rdCreateCase', { ...NEW_CASE, style: 'first' });
    expect(second!.id).not.toBe(first.id);
    expect(
      desk
        .sheet('RD Cases')
        .records()
        .map((r) => [r['Case ID'], r.Style]),
    ).toEqual([
      [first.id, 'first'],
      [second!.id, 'second'],
    ]);
    expect(desk.bundle.spreadsheet.counter.get('flush')).toBeGreaterThanOrEqual(2);
  });

  it('reports a non-date typed into a date column as that cell’s problem, and still lists the other cases', () => {
    const desk = setUp();
    const bad = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    const good = desk.ok<CaseSummary>('rdCreateCase', { ...NEW_CASE, style: 'Fine' });
    const cases = desk.sheet('RD Cases');
    const header = cases.dump()[0].map(String);
    cases.getRange(2, header.indexOf('Created') + 1).setValue('last Tuesday');
    expect(desk.refused('rdGetCase', { caseId: bad.id })).toBe(
      `Could not read case ${bad.id}: "RD Cases" row 2, Created: "last Tuesday" is not a date.`,
    );
    const list = desk.ok<CaseList>('rdListCases');
    expect(list.cases.map((c) => c.id)).toEqual([good.id]);
    expect(list.problems).toEqual([
      `"RD Cases" row 2: could not read case ${bad.id}: "RD Cases" row 2, Created: "last Tuesday" is not a date.`,
    ]);
  });

  it('skips rows without a case ID: a note typed on an empty row breaks nothing', () => {
    const desk = setUp();
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.sheet('RD Cases').getRange(5, 5).setValue('note to self');
    expect(desk.ok<CaseList>('rdListCases').cases.map((c) => c.id)).toEqual([id]);
  });

  it('never hands out a deleted case’s ID again, and lists a case whose status was typed over as a problem', () => {
    const desk = setUp();
    const first = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    const second = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    const cases = desk.sheet('RD Cases');
    const width = cases.getLastColumn();
    cases.getRange(3, 1, 1, width).setValues([Array.from({ length: width }, () => '')]);
    const third = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    expect([first.id, second.id, third.id].map((id) => id.slice(-4))).toEqual(['0001', '0002', '0003']);
    expect(
      desk
        .sheet('RD Settings')
        .records()
        .find((r) => r.Setting === 'Last case ID')?.Value,
    ).toBe(third.id);
    cases.getRange(2, 2).setValue('on hold?');
    const list = desk.ok<CaseList>('rdListCases');
    expect(list.cases.map((c) => c.id)).toEqual([third.id]);
    expect(list.problems).toEqual([
      `"RD Cases" row 2: could not read case ${first.id}: its status "on hold?" is not one of the tracker's; put the status back (RD Log has it).`,
    ]);
  });

  it('reads and shows times in the spreadsheet’s time zone, refusing days that do not exist and times not yet come', () => {
    const desk = new Desk(loadBundle(new FakeSpreadsheet(undefined, 'Shanghai office', 'Asia/Shanghai')));
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    const inspected = new Date(Date.now() - 3 * 3600_000);
    const wall = (date: Date) => formatInZone(date, 'Asia/Shanghai').replace(' ', 'T');
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', at: wall(inspected), criticalFound: 0, majorFound: 9, minorFound: 0 });
    const told = new Date(inspected.getTime() + 30 * 60_000);
    desk.ok('rdRecordAgentNotified', { caseId: id, at: wall(told) });
    const view = desk.view(id);
    expect(view.timeZone).toBe('Asia/Shanghai');
    // Typed as Shanghai wall time, stored as the instant: 30 minutes after the hold, not 8 hours off.
    expect(new Date(view.agentNotifiedAt).getTime() - new Date(view.holdAt).getTime()).toBe(30 * 60_000);
    expect(view.holdOverdue).toBe(false);
    const next = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: next.id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    expect(desk.refused('rdRecordAgentNotified', { caseId: next.id, at: '2025-02-30T10:00' })).toBe(
      'Agent told at: 2025-02-30 is not a date on the calendar.',
    );
    expect(desk.refused('rdRecordAgentNotified', { caseId: next.id, at: '2099-01-01T10:00' })).toBe(
      'Agent told at is in the future (2099-01-01 10:00, Asia/Shanghai time); record it once it has happened.',
    );
  });
});
