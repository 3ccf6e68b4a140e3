import { describe, expect, it } from 'vitest';
import { photosOf as PHOTOS } from '../../preview/example';
import { Desk } from '../support/desk';

const NEW_CASE = { factory: 'Baiyun Bags', style: 'Tote T-40', orderValue: 8000, lotSize: 1200 };
const REWORK = { cause: 'workmanship', units: 2, labourMinutes: 40, hourlyRate: 30, consumables: 1.2, days: 1, hoursPerDay: 8 };

/** A held case with two major defective units; `evidence` completes their photos. */
function heldCase(options: { critical?: boolean; evidence?: boolean; functional?: boolean } = {}) {
  const desk = new Desk();
  desk.ok('rdSetupTracker');
  const id = desk.ok('rdCreateCase', NEW_CASE).id;
  desk.ok('rdRecordInspection', {
    caseId: id,
    inspector: 'Li Wei',
    at: '2025-03-10T08:00:00Z',
    criticalFound: options.critical ? 1 : 0,
    majorFound: 9,
    minorFound: 0,
  });
  const defects = [
    {
      unitRef: 'U1',
      defectType: options.functional ? 'seam pull test' : 'colour deviation',
      measurement: options.functional ? 9 : 1.8,
      context: options.functional ? 'shoulder strap' : '',
    },
    { unitRef: 'U2', defectType: 'colour deviation', measurement: 1.6 },
  ];
  if (options.critical) defects.push({ unitRef: 'U3', defectType: 'lead content', measurement: 150, context: '' });
  desk.ok('rdAddDefects', { caseId: id, defects });
  if (options.evidence)
    for (const unitRef of defects.map((d) => d.unitRef)) desk.ok('rdSaveEvidence', { caseId: id, unitRef, ...PHOTOS(unitRef) });
  return { desk, id };
}

/** Runs a rework cycle to "done": the agreement (unless the cycle was agreed already), log, checklist. */
function reworked(desk: Desk, id: string, terms: typeof REWORK | null = REWORK) {
  if (terms) desk.ok('rdAgree', { caseId: id, rework: terms });
  for (const unitRef of ['U1', 'U2'])
    desk.ok('rdLogReworkedUnit', { caseId: id, unitRef, operatorId: 'OP-3', nature: 're-dyed panel replaced', signedOffBy: 'Li Wei' });
  desk.ok('rdSignChecklist', { caseId: id, ...SIGNED });
  desk.ok('rdCompleteRework', { caseId: id });
}

const SIGNED = { materialsVerified: true, dedicatedStation: true, seniorOperators: true, inspectorSignOff: true };
const CLEAN = { fullInspectionFailures: 0, sampleMajor: 0, sampleMinor: 0, newMajorDefects: 0 };

describe('the protocol’s gates, each refusing with its reason', () => {
  it('a failed lot gets a hold with its time and a two-hour deadline to tell the agent', () => {
    const { desk, id } = heldCase();
    const view = desk.view(id);
    expect(view).toMatchObject({
      status: 'classified',
      holdAt: '2025-03-10T08:00:00.000Z',
      notifyBy: '2025-03-10T10:00:00.000Z',
      holdOverdue: true,
    });
    desk.ok('rdRecordAgentNotified', { caseId: id, at: '2025-03-10T11:30:00Z' });
    expect(desk.view(id).holdOverdue).toBe(true);
    expect(desk.sheet('RD Log').records().at(-1)!.Action).toBe('Agent told of the hold (late)');
  });

  it('a passing lot is released and has nothing to settle', () => {
    const desk = new Desk();
    desk.ok('rdSetupTracker');
    const id = desk.ok('rdCreateCase', NEW_CASE).id;
    expect(
      desk.ok('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 5, minorFound: 7 }),
    ).toMatchObject({ passed: true, status: 'released' });
    expect(desk.refused('rdRecordInspection', { caseId: id, inspector: 'Li Wei', criticalFound: 0, majorFound: 5, minorFound: 7 })).toBe(
      `${id} is at "Released": recording the OQC inspection needs it at "Open — awaiting OQC".`,
    );
    expect(desk.refused('rdSettle', { caseId: id })).toBe(`${id} passed OQC: there is nothing to settle.`);
  });

  it('no agreement before the evidence is complete, unless a reason is recorded', () => {
    const { desk, id } = heldCase();
    expect(desk.refused('rdAgree', { caseId: id, rework: REWORK })).toBe(
      'Evidence is incomplete for 2 unit(s) (U1 lacks: Wide shot with batch/style/date label, Close-up with scale ruler, Side by side with approved sample, Measurement (calliper, SPI, gap), Batch context); complete it, or give a reason to go ahead without it.',
    );
    desk.ok('rdAgree', { caseId: id, rework: REWORK, overrideReason: 'Photos taken by the factory, on their way' });
    expect(desk.view(id).status).toBe('agreed');
    expect(desk.sheet('RD Cases').records()[0]['Evidence override reason']).toBe('Photos taken by the factory, on their way');
    expect(desk.sheet('RD Log').records().at(-1)!.Action).toBe(
      'Agreed: rework — evidence incomplete, override: Photos taken by the factory, on their way',
    );
  });

  it('functional defects need a video as well as the five photos', () => {
    const { desk, id } = heldCase({ functional: true, evidence: true });
    expect(desk.view(id).evidenceGaps).toEqual([{ unitRef: 'U1', missing: ['Video of the functional defect'] }]);
    expect(desk.sheet('RD Evidence').records()[0]).toMatchObject({
      Unit: 'U1',
      Complete: false,
      Missing: 'Video of the functional defect',
    });
    const counter = desk.bundle.spreadsheet.counter;
    const writesBefore = counter.get('setValues');
    desk.ok('rdSaveEvidence', { caseId: id, unitRef: 'U1', video: 'https://photos.example.com/U1/pull.mp4' });
    // Only changed cells are written: the evidence row's video and completeness (adjacent, one
    // write), the case's status and next step, its Updated cell, and the log row.
    expect(counter.get('setValues') - writesBefore).toBe(4);
    expect(desk.sheet('RD Evidence').records()[0]).toMatchObject({ Complete: true, Missing: '' });
    expect(desk.view(id)).toMatchObject({ status: 'evidence-complete', evidenceGaps: [] });
    expect(desk.refused('rdSaveEvidence', { caseId: id, unitRef: 'U1', video: 'javascript:alert(1)' })).toBe(
      'Video must be a link starting with https://.',
    );
  });

  it('a critical defect quarantines the lot and rules out a concession', () => {
    const { desk, id } = heldCase({ critical: true, evidence: true });
    expect(desk.view(id)).toMatchObject({ quarantined: true, nextStep: 'Agree rework: a critical defect rules out a concession.' });
    expect(desk.refused('rdAgree', { caseId: id, concession: { groups: [{ share: 0.1, grade: 'minor blemish' }] } })).toBe(
      `${id} has a critical defect: the lot is quarantined and a concession is ruled out.`,
    );
  });

  it('rework is done only with the checklist signed and every unit in the Reworked log', () => {
    const { desk, id } = heldCase({ evidence: true });
    desk.ok('rdAgree', { caseId: id, rework: REWORK });
    desk.ok('rdLogReworkedUnit', { caseId: id, unitRef: 'U1', operatorId: 'OP-3', nature: 'panel replaced', signedOffBy: 'Li Wei' });
    expect(
      desk.refused('rdLogReworkedUnit', { caseId: id, unitRef: 'U1', operatorId: 'OP-3', nature: 'again', signedOffBy: 'Li Wei' }),
    ).toBe('Unit U1 is already in the Reworked log for cycle 1.');
    expect(desk.refused('rdCompleteRework', { caseId: id })).toMatch(
      /^The supervision checklist is not signed: Replacement materials verified against the BOM; /,
    );
    desk.ok('rdSignChecklist', { caseId: id, ...SIGNED });
    expect(desk.refused('rdCompleteRework', { caseId: id })).toBe('Only 1 of the 2 units to rework are in the Reworked log; not yet: U2.');
  });

  it('re-inspection needs a different inspector from the original OQC', () => {
    const { desk, id } = heldCase({ evidence: true });
    reworked(desk, id);
    expect(desk.refused('rdRecordReinspection', { caseId: id, inspector: ' li wei ', ...CLEAN })).toBe(
      'Re-inspector: li wei is the original OQC inspector (Li Wei); the re-inspection needs someone else.',
    );
  });

  it('a new major defect fails the lot at once and the next cycle is the factory’s', () => {
    const { desk, id } = heldCase({ evidence: true });
    reworked(desk, id, { ...REWORK, cause: 'specification ambiguity' });
    const result = desk.ok<{ passed: boolean; reasons: string[] }>('rdRecordReinspection', {
      caseId: id,
      inspector: 'Chen Jie',
      ...CLEAN,
      newMajorDefects: 1,
    });
    expect(result).toMatchObject({ passed: false, status: 'agreed' });
    expect(result.reasons[0]).toBe('1 new major defect(s) not found at the original inspection: the lot fails at once');
    expect(desk.view(id)).toMatchObject({ reworkCycle: 2, factoryPaysNextCycle: true, reworkedUnits: 0 });
    const [first, second] = desk.sheet('RD Rework').records();
    expect(first['Factory pays']).toBeCloseTo(Number(first['Total cost']) / 2, 9);
    expect(second).toMatchObject({ Cycle: 2, Cause: 'Specification ambiguity', 'Buyer pays': 0 });
    expect(second['Factory pays']).toBeCloseTo(Number(second['Total cost']), 9);
    reworked(desk, id, null);
    expect(desk.ok('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', ...CLEAN })).toMatchObject({
      passed: true,
      status: 'released',
    });
    const settled = desk.ok<{ valueKept: number }>('rdSettle', { caseId: id });
    const total = desk
      .sheet('RD Rework')
      .records()
      .reduce((sum, r) => sum + Number(r['Total cost']), 0);
    expect(settled.valueKept).toBeCloseTo(8000 - total, 9);
  });

  it('a concession alone releases the lot without rework', () => {
    const { desk, id } = heldCase({ evidence: true });
    desk.ok('rdAgree', {
      caseId: id,
      concession: {
        groups: [
          { share: 0.15, grade: 'minor blemish' },
          { share: 0.08, discount: 0.2 },
        ],
      },
    });
    expect(desk.view(id).status).toBe('released');
    const [row] = desk.sheet('RD Cases').records();
    expect(row['Concession discount']).toBeCloseTo(0.031, 12);
    expect(row['Concession credit']).toBeCloseTo(248, 9);
    expect(desk.ok<{ recoveryRate: number }>('rdSettle', { caseId: id }).recoveryRate).toBeCloseTo(0.969, 12);
  });

  it('steps out of order are refused with the case’s status', () => {
    const { desk, id } = heldCase();
    expect(desk.refused('rdCompleteRework', { caseId: id })).toBe(`${id} has no rework agreed for cycle 0.`);
    expect(desk.refused('rdRecordReinspection', { caseId: id, inspector: 'Chen Jie', ...CLEAN })).toBe(
      `${id} has no rework agreed for cycle 0.`,
    );
    expect(desk.refused('rdSettle', { caseId: id })).toBe(`${id} is at "Defects classified": settlement needs it at "Released".`);
  });
});
