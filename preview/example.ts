/**
 * The seed article's case study as a series of sidebar requests: a $15,000 order of 1,500 PU
 * crossbody bags that fails OQC, is reworked and partly accepted with a concession, and settles at
 * 95.56% recovered. The preview loads it with one click; the tests drive it and check the workbook.
 */
import type { Result } from '../src/shared/contract';

export type Call = (handler: string, request?: unknown) => Result<unknown>;

export const EXAMPLE = {
  factory: 'Huadu Leather Goods',
  style: 'PU crossbody, YKK #5',
  po: 'PO-2025-031',
  orderValue: 15000,
  currency: 'USD',
  lotSize: 1500,
  oqcInspector: 'Li Wei',
  reInspector: 'Chen Jie',
  majorUnits: Array.from({ length: 12 }, (_, i) => `K-${String(i + 1).padStart(3, '0')}`),
  minorUnits: Array.from({ length: 22 }, (_, i) => `M-${String(i + 1).padStart(3, '0')}`),
};

/**
 * The case study's hold, a week back from when the preview (or a test) starts, so the dispute
 * reads as one: held 8 days ago at 08:00 UTC, the agent told 70 minutes later; what follows is
 * recorded as it is entered, now.
 */
const DAY = 86_400_000;
const HELD = new Date(Math.floor(Date.now() / DAY) * DAY - 8 * DAY + 8 * 3_600_000);
export const EXAMPLE_TIMES = {
  oqc: HELD.toISOString(),
  agentTold: new Date(HELD.getTime() + 70 * 60_000).toISOString(),
};

export const photosOf = (unit: string) => ({
  wide: `https://photos.example.com/${unit}/wide.jpg`,
  closeUp: `https://photos.example.com/${unit}/close-up.jpg`,
  vsApproved: `https://photos.example.com/${unit}/vs-approved.jpg`,
  measurement: `https://photos.example.com/${unit}/measurement.jpg`,
  batchContext: `https://photos.example.com/${unit}/batch.jpg`,
});

function must<T>(call: Call, handler: string, request?: unknown): T {
  const result = call(handler, request);
  if (!result.ok) throw new Error(`${handler}: ${result.error}`);
  return result.data as T;
}

/** Runs the whole case; returns its ID. Sets the tracker up first if needed. */
export interface ExampleOptions {
  factory?: string;
  /** A client key: the case is opened for it, so its live view follows the case. */
  client?: string;
  /** Called after each protocol step, with the step's name: tests look at the workbook (or a client's file) there. */
  onStep?: (step: string, caseId: string) => void;
}

export function loadExample(call: Call, options: ExampleOptions = {}): string {
  must(call, 'rdSetupTracker');
  const e = { ...EXAMPLE, ...(options.factory ? { factory: options.factory } : {}) };
  const step = (name: string) => options.onStep?.(name, id);
  const { id } = must<{ id: string }>(call, 'rdCreateCase', {
    factory: e.factory,
    style: e.style,
    po: e.po,
    orderValue: e.orderValue,
    currency: e.currency,
    lotSize: e.lotSize,
    ...(options.client ? { client: options.client, internalNotes: 'Factory asked to keep the reject count off the record.' } : {}),
  });
  step('opened');
  must(call, 'rdRecordInspection', {
    caseId: id,
    inspector: e.oqcInspector,
    at: EXAMPLE_TIMES.oqc,
    place: 'Factory finished-goods warehouse, Huadu, Guangzhou',
    cartonsSealed: 60,
    criticalFound: 0,
    majorFound: 12,
    minorFound: 22,
  });
  step('oqc');
  must(call, 'rdRecordAgentNotified', { caseId: id, at: EXAMPLE_TIMES.agentTold });
  step('hold');
  // Snap bases drilled with a manual template instead of the CNC jig: 3–5 mm off, a process deviation.
  const majors = e.majorUnits.map((unitRef, i) => ({
    unitRef,
    carton: `C-${Math.floor(i / 6) + 1}`,
    defectType: 'snap misalignment',
    measurement: 3 + (i % 3),
    context: 'hardware',
    cause: 'process deviation',
    inRejectBox: true,
  }));
  const minors = e.minorUnits.map((unitRef) => ({ unitRef, carton: 'C-9', defectType: 'edge paint bubbling', cause: 'process deviation' }));
  must(call, 'rdAddDefects', { caseId: id, defects: [...majors, ...minors] });
  step('defects');
  for (const unitRef of [...e.majorUnits, ...e.minorUnits]) must(call, 'rdSaveEvidence', { caseId: id, unitRef, ...photosOf(unitRef) });
  step('evidence');
  // The factory quoted USD 18 a unit for the snaps; the minors were accepted for 3% of the order.
  must(call, 'rdAgree', {
    caseId: id,
    rework: { cause: 'process deviation', units: 12, quotedPrice: 18 },
    concession: { orderShare: 0.03 },
  });
  step('agreed');
  for (const unitRef of e.majorUnits) {
    must(call, 'rdLogReworkedUnit', {
      caseId: id,
      unitRef,
      operatorId: 'OP-17',
      nature: 'snap base repositioned on the CNC jig; pocket re-stitched; edge paint touched up',
      signedOffBy: e.oqcInspector,
    });
  }
  must(call, 'rdSignChecklist', {
    caseId: id,
    materialsVerified: true,
    dedicatedStation: true,
    seniorOperators: true,
    inspectorSignOff: true,
  });
  step('reworked');
  must(call, 'rdCompleteRework', { caseId: id });
  step('rework-done');
  must(call, 'rdRecordReinspection', {
    caseId: id,
    inspector: e.reInspector,
    place: 'Factory finished-goods warehouse, Huadu, Guangzhou',
    fullInspectionFailures: 0,
    sampleMajor: 0,
    sampleMinor: 0,
    newMajorDefects: 0,
  });
  step('reinspected');
  must(call, 'rdSettle', { caseId: id });
  step('settled');
  return id;
}
