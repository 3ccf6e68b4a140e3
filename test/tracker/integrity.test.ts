// A dispute record a factory owner cannot find a hole in: every step all or nothing, rework bound
// to the defective units, recorded facts changed only by a logged correction, and inputs refused
// before anything is written. Every refusal here is also checked (by Desk.refused) to leave the
// workbook exactly as it was.
import { describe, expect, it } from 'vitest';
import { photosOf } from '../../preview/example';
import type { CaseSummary, CaseView } from '../../src/shared/contract';
import { Desk } from '../support/desk';

const NEW_CASE = { factory: 'Baiyun Bags', style: 'Tote T-40', orderValue: 25000, lotSize: 1500 };
const SIGNED = { materialsVerified: true, dedicatedStation: true, seniorOperators: true, inspectorSignOff: true };
const CLEAN = { fullInspectionFailures: 0, sampleMajor: 0, sampleMinor: 0, newMajorDefects: 0 };
const TERMS = { cause: 'workmanship', labourMinutes: 30, hourlyRate: 20, consumables: 1.5 };
const MAJORS = ['K-001', 'K-002', 'K-003'];

/** A held case with three major units, their evidence complete. */
function evidenced(): { desk: Desk; id: string } {
  const desk = new Desk();
  desk.ok('rdSetupTracker');
  const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
  desk.ok('rdRecordInspection', {
    caseId: id,
    inspector: 'Li Wei',
    at: '2025-03-10T08:00:00Z',
    criticalFound: 0,
    majorFound: 9,
    minorFound: 0,
  });
  desk.ok('rdAddDefects', {
    caseId: id,
    defects: MAJORS.map((unitRef) => ({ unitRef, defectType: 'colour deviation', measurement: 1.8 })),
  });
  for (const unitRef of MAJORS) desk.ok('rdSaveEvidence', { caseId: id, unitRef, ...photosOf(unitRef) });
  return { desk, id };
}

const log = (desk: Desk, id: string, unitRef: string) =>
  desk.raw('rdLogReworkedUnit', { caseId: id, unitRef, operatorId: 'OP-1', nature: 're-dyed', signedOffBy: 'Wang Fang' });

function reworkedAll(desk: Desk, id: string, units = MAJORS): void {
  for (const unitRef of units) expect(log(desk, id, unitRef)).toMatchObject({ ok: true });
  desk.ok('rdSignChecklist', { caseId: id, ...SIGNED });
  desk.ok('rdCompleteRework', { caseId: id });
}

describe('steps that used to write, then refuse', () => {
  it('saving evidence on a released or settled case is refused and writes nothing', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    desk.ok('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', ...CLEAN });
    expect(desk.refused('rdSaveEvidence', { caseId: id, unitRef: 'K-001', video: 'https://photos.example.com/x.mp4' })).toMatch(
      /^RD-\d{4}-0001 is at "Released": recording evidence needs it at/,
    );
    desk.ok('rdSettle', { caseId: id });
    expect(desk.refused('rdSaveEvidence', { caseId: id, unitRef: 'K-001', wide: 'https://photos.example.com/other.jpg' })).toMatch(
      /"Settled"/,
    );
  });

  it('a renamed or deleted RD Log refuses every step before anything is written', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const logSheet = desk.sheet('RD Log');
    logSheet.getRange(1, 2).setValue('Person');
    expect(desk.refused('rdCreateCase', NEW_CASE)).toBe('"RD Log" lacks the column(s) "Who": run Set up case tracker to add them back.');
    logSheet.setName('Old log');
    expect(desk.refused('rdCreateCase', NEW_CASE)).toMatch(/^The sheet "RD Log" is missing/);
    expect(desk.sheet('RD Cases').records()).toHaveLength(0);
  });

  it('a re-inspection refused for a bad setting leaves no FAIL row behind', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    const settings = desk.sheet('RD Settings');
    const row = settings.records().findIndex((r) => r.Setting === 'Currency') + 2;
    settings.getRange(row, 2).setValue('€€€');
    expect(desk.refused('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', ...CLEAN, sampleMajor: 20 })).toMatch(
      /^Setting "Currency" must be an ISO 4217/,
    );
    expect(desk.sheet('RD Inspections').records()).toHaveLength(1);
  });
});

describe('rework bound to the defective units', () => {
  it('covers every major unit, unless it names those it leaves out and why; never more than the lot', () => {
    const { desk, id } = evidenced();
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 1 } })).toBe(
      'Units to rework (1) must cover the 3 major and critical unit(s) recorded; leave units out by name, with a reason, to rework fewer.',
    );
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 2000 } })).toBe(
      'Units to rework (2000) cannot exceed the lot size (1500).',
    );
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 2, leftOut: 'K-003' } })).toBe(
      'Say why units are left out of the rework.',
    );
    desk.ok('rdAgree', {
      caseId: id,
      rework: { ...TERMS, units: 2, leftOut: 'K-003', leftOutReason: 'sent to the buyer as a reference sample' },
    });
    const [rework] = desk.sheet('RD Rework').records();
    expect(rework).toMatchObject({
      'Units in scope': 'K-001\nK-002',
      'Left out, and why': 'K-003: sent to the buyer as a reference sample',
    });
  });

  it('logs only the cycle’s units, each once, and is done only when every one is logged', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    for (const stranger of ['Z-999', 'NOT-A-UNIT'])
      expect(desk.refused('rdLogReworkedUnit', { caseId: id, unitRef: stranger, operatorId: 'OP-1', nature: 'x', signedOffBy: 'W' })).toBe(
        `Unit ${stranger} is not one of the 3 units to rework in cycle 1 (K-001, K-002, K-003).`,
      );
    log(desk, id, 'K-001');
    log(desk, id, 'K-002');
    desk.ok('rdSignChecklist', { caseId: id, ...SIGNED });
    expect(desk.refused('rdCompleteRework', { caseId: id })).toBe(
      'Only 2 of the 3 units to rework are in the Reworked log; not yet: K-003.',
    );
    log(desk, id, 'K-003');
    desk.ok('rdCompleteRework', { caseId: id });
  });

  it('a failed re-inspection records the units found and opens the next cycle on them, at the factory’s cost', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, cause: 'specification ambiguity', units: 3 } });
    reworkedAll(desk, id);
    const result = desk.ok<{ passed: boolean }>('rdRecordReinspection', {
      caseId: id,
      inspector: 'Chen Jie',
      ...CLEAN,
      fullInspectionFailures: 1,
      newMajorDefects: 1,
      defects: [
        { unitRef: 'K-002', defectType: 'colour deviation', measurement: 1.9 },
        { unitRef: 'R-101', defectType: 'skipped stitches', measurement: 5 },
      ],
    });
    expect(result.passed).toBe(false);
    const found = desk
      .sheet('RD Defects')
      .records()
      .filter((r) => r['Found at'] === 'Re-inspection 1');
    expect(found.map((r) => [r.Unit, r.Class])).toEqual([
      ['K-002', 'MAJOR'],
      ['R-101', 'MAJOR'],
    ]);
    const second = desk.sheet('RD Rework').records()[1];
    expect(second).toMatchObject({ Cycle: 2, Units: 2, 'Units in scope': 'K-002\nR-101', 'Buyer pays': 0 });
    expect(second['Factory pays']).toBe(second['Total cost']);
    expect(desk.refused('rdLogReworkedUnit', { caseId: id, unitRef: 'K-001', operatorId: 'OP-1', nature: 'x', signedOffBy: 'W' })).toMatch(
      /^Unit K-001 is not one of the 2 units to rework in cycle 2/,
    );
  });

  it('a critical found at re-inspection quarantines the lot', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    desk.ok('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', ...CLEAN, sampleCritical: 1 });
    expect(desk.view(id)).toMatchObject({ quarantined: true, status: 'agreed', reworkCycle: 2 });
  });
});

describe('identity and history', () => {
  it.each(['Li  Wei', 'Li\u00a0Wei', 'Li\u200bWei', 'Ｌｉ Ｗｅｉ', 'Li-Wei', 'Li Wei.', 'LiWei', 'Lì Wei', ' li wei '])(
    'the re-inspector "%s" is the OQC inspector Li Wei',
    (name) => {
      const { desk, id } = evidenced();
      desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
      reworkedAll(desk, id);
      expect(desk.refused('rdRecordReinspection', { caseId: id, inspector: name, ...CLEAN })).toBe(
        `Re-inspector: ${name.trim()} is the original OQC inspector (Li Wei); the re-inspection needs someone else.`,
      );
    },
  );

  it('names from RD People are stored under the roster’s spelling, operators as their ID; other names are kept as typed', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    desk
      .sheet('RD People')
      .getRange(2, 1, 3, 3)
      .setValues([
        ['Li Wei', 'Inspector', 'QC-01'],
        ['Wang Fang', 'Operator', 'OP-17'],
        ['Chen Jie', 'Inspector', 'QC-02'],
      ]);
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'li  wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    expect(desk.view(id).inspector).toBe('Li Wei');
    desk.ok('rdAddDefects', { caseId: id, defects: [{ unitRef: 'K-001', defectType: 'colour deviation', measurement: 1.8 }] });
    desk.ok('rdSaveEvidence', { caseId: id, unitRef: 'K-001', ...photosOf('K-001') });
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 1 } });
    desk.ok('rdLogReworkedUnit', { caseId: id, unitRef: 'K-001', operatorId: 'wang fang', nature: 're-dyed', signedOffBy: 'Zhao Min' });
    expect(desk.sheet('RD Reworked log').records()[0]).toMatchObject({ 'Operator ID': 'OP-17', 'Signed off by': 'Zhao Min' });
    expect(desk.ok<{ people: unknown[] }>('rdGetSettings').people).toEqual([
      { name: 'Li Wei', role: 'Inspector', id: 'QC-01' },
      { name: 'Wang Fang', role: 'Operator', id: 'OP-17' },
      { name: 'Chen Jie', role: 'Inspector', id: 'QC-02' },
    ]);
  });

  it('a workbook set up before RD People existed keeps working, with no roster', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    desk.sheet('RD People').setName('Old roster');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'li wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    expect(desk.view(id).inspector).toBe('li wei');
  });

  it('the time the agent was told is kept: it changes only by a correction with a reason, logged old → new, and never after settlement', () => {
    const { desk, id } = evidenced();
    desk.ok('rdRecordAgentNotified', { caseId: id, at: '2025-03-10T11:30:00Z' });
    expect(desk.view(id).holdOverdue).toBe(true);
    expect(desk.refused('rdRecordAgentNotified', { caseId: id, at: '2025-03-10T09:00:00Z' })).toMatch(
      /^The agent was already recorded as told at 2025-03-10T11:30:00.000Z; a recorded time changes only by a correction with a reason\.$/,
    );
    expect(desk.refused('rdCorrect', { caseId: id, fact: 'agentNotifiedAt', value: '2025-03-10T09:00:00Z' })).toBe(
      'A correction needs a reason, for the log.',
    );
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'agentNotifiedAt',
      value: '2025-03-10T09:00:00Z',
      reason: 'typed 11:30 for 09:00; WeChat message at 09:00',
    });
    expect(desk.view(id).holdOverdue).toBe(false);
    const last = desk.sheet('RD Log').records().at(-1)!;
    expect(last.Action).toBe(
      'Corrected the time the agent was told: 2025-03-10 11:30 → 2025-03-10 09:00 (Etc/UTC); reason: typed 11:30 for 09:00; WeChat message at 09:00',
    );
  });

  it('OQC counts are corrected with a reason while the verdict holds; a correction that would turn it is refused', () => {
    const { desk, id } = evidenced();
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'oqcCounts',
      criticalFound: 0,
      majorFound: 12,
      minorFound: 3,
      reason: 'tally sheet re-counted',
    });
    const [oqc] = desk.sheet('RD Inspections').records();
    expect(oqc).toMatchObject({ 'Major found': 12, 'Minor found': 3, Verdict: 'REJECT', Reasons: '12 major reaches Re 8 (Ac 7)' });
    expect(desk.sheet('RD Log').records().at(-1)!.Action).toBe(
      'Corrected the OQC counts (critical/major/minor): 0/9/0 → 0/12/3; reason: tally sheet re-counted',
    );
    expect(desk.refused('rdCorrect', { caseId: id, fact: 'oqcCounts', criticalFound: 0, majorFound: 2, minorFound: 0, reason: 'x' })).toBe(
      'The corrected counts would pass the lot, and the case has acted on the recorded verdict; the hold stands as recorded.',
    );
  });

  it('a defective unit’s measurement is corrected and classified again, until something is agreed on the units', () => {
    const { desk, id } = evidenced();
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'defect',
      unitRef: 'K-003',
      defectType: 'Colour deviation',
      measurement: 1.2,
      reason: 'spectro read twice',
    });
    expect(desk.view(id).defects.find((d) => d.unitRef === 'K-003')).toMatchObject({ class: 'MINOR', measurement: '1.2' });
    expect(desk.sheet('RD Log').records().at(-1)!.Action).toBe(
      'Corrected colour deviation of K-003: 1.8 MAJOR → 1.2 MINOR; reason: spectro read twice',
    );
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 2 } });
    expect(desk.sheet('RD Rework').records()[0]['Units in scope']).toBe('K-001\nK-002');
    expect(
      desk.refused('rdCorrect', {
        caseId: id,
        fact: 'defect',
        unitRef: 'K-003',
        defectType: 'Colour deviation',
        measurement: 2,
        reason: 'x',
      }),
    ).toMatch(/has an agreement on its units/);
  });

  it('a recorded link changes only by correction, which can also clear it', () => {
    const { desk, id } = evidenced();
    expect(desk.refused('rdSaveEvidence', { caseId: id, unitRef: 'K-001', wide: 'https://photos.example.com/other.jpg' })).toBe(
      'Wide shot with batch/style/date label for K-001 is already recorded; a recorded link changes only by a correction with a reason.',
    );
    desk.ok('rdCorrect', { caseId: id, fact: 'wide', unitRef: 'K-001', value: '', reason: 'photo of the wrong carton' });
    expect(desk.view(id)).toMatchObject({
      status: 'classified',
      evidenceGaps: [{ unitRef: 'K-001', missing: ['Wide shot with batch/style/date label'] }],
    });
  });
});

describe('reopening, with a reason', () => {
  it('a lot released by a mistaken OQC entry is reopened, its inspection voided, and inspected again', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 0, minorFound: 0 });
    expect(desk.view(id).status).toBe('released');
    expect(desk.refused('rdReopen', { caseId: id })).toBe('Reopening a case needs a reason, for the log.');
    desk.ok('rdReopen', { caseId: id, reason: 'counts typed on the wrong case: 12 major were found' });
    expect(desk.view(id)).toMatchObject({ status: 'open', inspector: '' });
    const [oqc] = desk.sheet('RD Inspections').records();
    expect(oqc.Verdict).toBe('VOID');
    expect(String(oqc.Reasons)).toMatch(/^voided: counts typed on the wrong case: 12 major were found \(.*\); was ACCEPT/);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 12, minorFound: 0 });
    expect(desk.view(id).status).toBe('on-hold');
    expect(desk.view(id).inspections.map((i) => i.verdict)).toEqual(['VOID', 'REJECT']);
  });

  it('a settled case is reopened with its settlement voided, and nothing else reopens', () => {
    const { desk, id } = evidenced();
    expect(desk.refused('rdReopen', { caseId: id, reason: 'second thoughts' })).toMatch(
      /only a settled case, or a lot released by its OQC, is reopened/,
    );
    desk.ok('rdAgree', { caseId: id, concession: { groups: [{ share: 0.1, discount: 0.1 }] } });
    desk.ok('rdSettle', { caseId: id });
    expect(desk.refused('rdCorrect', { caseId: id, fact: 'wide', unitRef: 'K-001', value: '', reason: 'x' })).toMatch(
      /is settled: its record can no longer be corrected/,
    );
    desk.ok('rdReopen', { caseId: id, reason: 'credit note issued for a different amount' });
    expect(desk.view(id)).toMatchObject({ status: 'released' });
    expect(desk.view(id).settlement).toBeUndefined();
    desk.ok('rdSettle', { caseId: id });
    const rows = desk.sheet('RD Settlements').records();
    expect(rows.map((r) => Boolean(r['Voided, and why']))).toEqual([true, false]);
    expect(desk.view(id).settlement!.valueKept).toBe(24750);
  });
});

describe('inputs refused before anything is written', () => {
  it.each([
    ['+1+1', /^Currency must be an ISO 4217 currency code/],
    ['€€€€', /^Currency must be an ISO 4217 currency code/],
    ['12', /^Currency must be an ISO 4217 currency code/],
  ])('currency %s', (currency, message) => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, currency })).toMatch(message);
  });

  it('numbers are decimal numerals of a sane size; counts cannot exceed the sample', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, lotSize: '0x5DC' })).toBe('Lot size must be a number.');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, orderValue: 'NaN' })).toBe('Order value must be a number.');
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, orderValue: 1e308 })).toBe('Order value must be at most 1,000,000,000,000.');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    expect(desk.refused('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9999, minorFound: 0 })).toBe(
      '9999 major found cannot be more than the 125 units sampled.',
    );
  });

  it('money is recorded in the currency’s minor unit, and a concession above the order is refused at agreement', () => {
    const { desk, id } = evidenced();
    expect(desk.refused('rdAgree', { caseId: id, concession: { groups: [{ share: 1, discount: 1 }], reworkCostSaved: 5000 } })).toBe(
      'The concession comes to 110.00% of the order value; it cannot be more than the whole order.',
    );
    desk.ok('rdAgree', {
      caseId: id,
      rework: { ...TERMS, units: 3, consumables: 1.333 },
      concession: { groups: [{ share: 1 / 3, discount: 0.1 }] },
    });
    const [rework] = desk.sheet('RD Rework').records();
    expect(rework['Total cost']).toBe(34); // 3 × (30 min × 20/h + 1.333) = 33.999
    const view: CaseView = desk.view(id);
    expect(desk.sheet('RD Cases').records()[0]['Concession credit']).toBe(833.33);
    expect(view.status).toBe('agreed');
  });

  it('a re-inspection cannot come before the rework was done', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    expect(desk.refused('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', at: '2025-03-11T08:00:00Z', ...CLEAN })).toMatch(
      /^The re-inspection cannot come before the rework was done/,
    );
  });
});

describe('reads and writes that keep the user’s sheet', () => {
  it('a save writes only the cells it changes: a formula in the PO cell survives', () => {
    const { desk, id } = evidenced();
    const cases = desk.sheet('RD Cases');
    const po = cases.dump()[0].map(String).indexOf('PO') + 1;
    cases.getRange(2, po).setValue('=CONCAT("PO-","777")');
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    expect(cases.formulaAt(2, po)).toBe('=CONCAT("PO-","777")');
  });

  it('every log row of the rework says before → after', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    const rows = desk.sheet('RD Log').records();
    expect(rows.every((r) => String(r.Before) !== '' || r.Action === 'Case opened')).toBe(true);
    expect(rows.find((r) => r.Action === 'Reworked unit K-002 logged')).toMatchObject({
      Before: 'status=agreed; cycle=1; rework agreed; logged 1 of 3; checklist 0 of 4',
    });
  });

  it('a sign-off is not withdrawn by unticking it', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    desk.ok('rdSignChecklist', { caseId: id, materialsVerified: true });
    expect(desk.refused('rdSignChecklist', { caseId: id, materialsVerified: false })).toBe(
      '"Replacement materials verified against the BOM" is already signed; a sign-off is not withdrawn.',
    );
  });
});

describe('found by probing the handlers', () => {
  it('the time the agent was told cannot be added to a settled case', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, concession: { groups: [{ share: 0.1, discount: 0.1 }] } });
    desk.ok('rdSettle', { caseId: id });
    expect(desk.refused('rdRecordAgentNotified', { caseId: id, at: '2025-03-10T09:00:00Z' })).toMatch(
      /is settled: its record can no longer be changed/,
    );
  });

  it('a critical unit recorded at re-inspection fails the lot and quarantines it, whatever the counts', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    const result = desk.ok<{ passed: boolean; reasons: string[] }>('rdRecordReinspection', {
      caseId: id,
      inspector: 'Chen Jie',
      ...CLEAN,
      defects: [{ unitRef: 'X-1', defectType: 'lead content', measurement: 150 }],
    });
    expect(result.passed).toBe(false);
    expect(result.reasons).toContain('1 critical unit(s) found: zero tolerance');
    expect(desk.view(id)).toMatchObject({ quarantined: true, status: 'agreed' });
  });

  it('OQC counts are corrected only before anything is agreed, within the sample, and quarantine follows the record', () => {
    const { desk, id } = evidenced();
    expect(
      desk.refused('rdCorrect', { caseId: id, fact: 'oqcCounts', criticalFound: 0, majorFound: 9999, minorFound: 0, reason: 'x' }),
    ).toBe('9999 major found cannot be more than the 125 units sampled.');
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'oqcCounts',
      criticalFound: 1,
      majorFound: 9,
      minorFound: 0,
      reason: 'a sharp edge was missed',
    });
    expect(desk.view(id).quarantined).toBe(true);
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'oqcCounts',
      criticalFound: 0,
      majorFound: 9,
      minorFound: 0,
      reason: 'the sharp edge was a burr, filed',
    });
    expect(desk.view(id).quarantined).toBe(false);
    expect(
      desk.refused('rdCorrect', { caseId: id, fact: 'oqcCounts', criticalFound: 0, majorFound: 9, minorFound: 0, reason: 'again' }),
    ).toBe('The OQC counts are already 0/9/0.');
    desk.ok('rdAgree', { caseId: id, concession: { groups: [{ share: 0.1, discount: 0.1 }] } });
    expect(
      desk.refused('rdCorrect', { caseId: id, fact: 'oqcCounts', criticalFound: 2, majorFound: 9, minorFound: 0, reason: 'x' }),
    ).toMatch(/has an agreement on its lot/);
  });

  it('a unit corrected from critical lifts the quarantine it caused; the defect type is read as it is typed elsewhere', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAddDefects', { caseId: id, defects: [{ unitRef: 'U3', defectType: 'lead content', measurement: 150 }] });
    expect(desk.view(id).quarantined).toBe(true);
    desk.ok('rdCorrect', { caseId: id, fact: 'defect', unitRef: 'U3', defectType: 'lead', measurement: 10, reason: 'lab retest: 10 ppm' });
    expect(desk.view(id).quarantined).toBe(false);
    expect(
      desk.refused('rdCorrect', { caseId: id, fact: 'defect', unitRef: 'U3', defectType: 'lead content', measurement: 10, reason: 'x' }),
    ).toMatch(/is already recorded as 10 OK\.$/);
  });

  it('a cleared link can be put back by correction once the case has moved on', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, concession: { groups: [{ share: 0.1, discount: 0.1 }] } });
    desk.ok('rdCorrect', { caseId: id, fact: 'wide', unitRef: 'K-001', value: '', reason: 'photo of the wrong carton' });
    desk.ok('rdCorrect', {
      caseId: id,
      fact: 'wide',
      unitRef: 'K-001',
      value: 'https://photos.example.com/K-001/wide-2.jpg',
      reason: 'the right carton',
    });
    expect(desk.sheet('RD Evidence').records()[0]).toMatchObject({ Complete: true });
  });

  it('a cell Sheets could not hold is refused before anything is written', () => {
    const { desk, id } = evidenced();
    const many = Array.from({ length: 900 }, (_, i) => ({
      unitRef: `UNIT-${String(i).padStart(55, '0')}`,
      defectType: 'skipped stitches',
      measurement: 5,
    }));
    desk.ok('rdAddDefects', { caseId: id, defects: many.slice(0, 450) });
    desk.ok('rdAddDefects', { caseId: id, defects: many.slice(450) });
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 903 }, overrideReason: 'photos follow' })).toMatch(
      /^"RD Rework", Units in scope: 5\d,\d{3} characters is more than a cell holds \(50,000\); nothing was saved\.$/,
    );
  });

  it('a failed re-inspection charges the next cycle for the units it covers', () => {
    const { desk, id } = evidenced();
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    reworkedAll(desk, id);
    desk.ok('rdRecordReinspection', {
      caseId: id,
      inspector: 'Chen Jie',
      ...CLEAN,
      fullInspectionFailures: 1,
      defects: [
        { unitRef: 'N-1', defectType: 'skipped stitches', measurement: 5 },
        { unitRef: 'N-2', defectType: 'skipped stitches', measurement: 2 },
      ],
    });
    expect(desk.sheet('RD Rework').records()[1]).toMatchObject({ Units: 1, 'Units in scope': 'N-1' });
  });

  it('refuses hex measurements, a level of "-1", rework dated before its agreement, and rework costing more than any order', () => {
    const { desk, id } = evidenced();
    expect(
      desk.refused('rdAddDefects', { caseId: id, defects: [{ unitRef: 'H-1', defectType: 'colour deviation', measurement: '0x10' }] }),
    ).toMatch(/^The measurement for colour deviation must be a number/);
    expect(desk.refused('rdCreateCase', { ...NEW_CASE, level: '-1' })).toMatch(/^Level "-1" is not an inspection level/);
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 3, labourMinutes: 1e12, hourlyRate: 1e12 } })).toMatch(
      /^The rework comes to .*, beyond any order/,
    );
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 3 } });
    expect(
      desk.refused('rdLogReworkedUnit', {
        caseId: id,
        unitRef: 'K-001',
        operatorId: 'OP-1',
        nature: 'x',
        signedOffBy: 'W',
        at: '2020-01-01 00:00',
      }),
    ).toMatch(/^Rework date: a unit cannot be reworked before the rework was agreed/);
  });
});

describe('evidence for many units at once', () => {
  it('saves the links of every unit listed in one step with one log row, or none when one is wrong', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    desk.ok('rdAddDefects', {
      caseId: id,
      defects: MAJORS.map((unitRef) => ({ unitRef, defectType: 'colour deviation', measurement: 1.8 })),
    });
    const units = MAJORS.map((unitRef) => ({ unitRef, ...photosOf(unitRef) }));
    expect(desk.refused('rdSaveEvidence', { caseId: id, units: [...units.slice(0, 2), { ...units[2], wide: 'ftp://x' }] })).toBe(
      'Unit 3: Wide shot with batch/style/date label must be a link starting with https://.',
    );
    const logBefore = desk.sheet('RD Log').records().length;
    desk.ok('rdSaveEvidence', { caseId: id, units });
    expect(desk.view(id)).toMatchObject({ status: 'evidence-complete', evidenceGaps: [] });
    expect(desk.sheet('RD Evidence').records()).toHaveLength(3);
    expect(
      desk
        .sheet('RD Log')
        .records()
        .slice(logBefore)
        .map((r) => r.Action),
    ).toEqual(['Evidence for 3 units: K-001, K-002, K-003 — all complete']);
  });
});

describe('a quoted price per unit', () => {
  it('stands for labour and consumables, never beside them', () => {
    const { desk, id } = evidenced();
    expect(desk.refused('rdAgree', { caseId: id, rework: { ...TERMS, units: 3, quotedPrice: 18 } })).toBe(
      'Give either a quoted price per unit or labour and consumables, not both.',
    );
    desk.ok('rdAgree', { caseId: id, rework: { cause: 'workmanship', units: 3, quotedPrice: 18 } });
    expect(desk.sheet('RD Rework').records()[0]).toMatchObject({ 'Quoted price/unit': 18, 'Total cost': 54, 'Labour min/unit': '' });
  });
});

describe('the next step, as the record stands', () => {
  it('asks for the hold notice first, and for "rework done" once every unit is logged and the checklist signed', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const { id } = desk.ok<CaseSummary>('rdCreateCase', NEW_CASE);
    desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 0 });
    expect(desk.view(id).nextStep).toBe('Tell the agent of the hold, then classify the defective units.');
    desk.ok('rdRecordAgentNotified', { caseId: id });
    expect(desk.view(id).nextStep).toBe('Classify the defective units.');
    desk.ok('rdAddDefects', { caseId: id, defects: [{ unitRef: 'K-001', defectType: 'colour deviation', measurement: 1.8 }] });
    desk.ok('rdSaveEvidence', { caseId: id, unitRef: 'K-001', ...photosOf('K-001') });
    desk.ok('rdAgree', { caseId: id, rework: { ...TERMS, units: 1 } });
    desk.ok('rdSignChecklist', { caseId: id, ...SIGNED });
    desk.ok('rdLogReworkedUnit', { caseId: id, unitRef: 'K-001', operatorId: 'OP-1', nature: 're-dyed', signedOffBy: 'li  wei' });
    expect(desk.view(id).nextStep).toBe('Record rework cycle 1 as done, then re-inspect.');
    // A sign-off by the OQC inspector in another spelling is stored as the inspector was.
    expect(desk.sheet('RD Reworked log').records()[0]['Signed off by']).toBe('Li Wei');
  });
});
