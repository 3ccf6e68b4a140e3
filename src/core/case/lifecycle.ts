import { InputError } from '../errors';
import { MAX_AMOUNT, currencyCode } from '../money';
import { samePerson } from '../people';
import { wholeCount } from '../checks';
import type { Classification, DefectClass } from '../protocol/defectCatalogue';
import type { ReinspectionFindings } from '../protocol/reinspection';
import { reinspectionPlan, reinspectionVerdict } from '../protocol/reinspection';
import { lotVerdict, samplePlan } from '../sampling/samplePlan';
import type { SamplePlan } from '../sampling/samplePlan';
import type { InspectionLevel, Severity } from '../sampling/tables';
import type { EvidenceGap } from './evidence';

/**
 * The case lifecycle: one case per failed lot, following the protocol step by step. Every step is
 * a pure function from the case (and what the step needs) to the next case, or an InputError whose
 * message says which gate refused and why.
 */
export const CASE_STATUSES = [
  'open',
  'released',
  'on-hold',
  'classified',
  'evidence-complete',
  'agreed',
  'rework-done',
  'settled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  open: 'Open — awaiting OQC',
  released: 'Released',
  'on-hold': 'On hold',
  classified: 'Defects classified',
  'evidence-complete': 'Evidence complete',
  agreed: 'Agreed — rework under way',
  'rework-done': 'Rework done — awaiting re-inspection',
  settled: 'Settled',
};

/** Where a case stands before anything is agreed on its units: defects and OQC counts can still change. */
export const BEFORE_AGREEMENT: readonly CaseStatus[] = ['on-hold', 'classified', 'evidence-complete'];

/** How long the agent has to be told of a hold, by default (the protocol: two hours). */
export const DEFAULT_HOLD_NOTICE_HOURS = 2;

/** What a new case is opened with: the lot and its sampling plan. */
export interface NewCase {
  factory: string;
  style: string;
  po: string;
  orderValue: number;
  currency: string;
  lotSize: number;
  level: InspectionLevel;
  aqlMajor: number;
  aqlMinor: number;
  /** The major class's severity, and the minor's unless severityMinor says otherwise. */
  severity: Severity;
  /** The switching rules run per class: the minor class can be on another severity. */
  severityMinor?: Severity;
  /** The workbook's edition of the standard (its reduced plans differ); not stored with the case. */
  edition?: 'ISO 2859-1' | '105E';
}

export interface CaseRecord extends NewCase {
  id: string;
  status: CaseStatus;
  createdAt: Date;
  /** The OQC inspector: re-inspection must be someone else. */
  inspector?: string;
  holdAt?: Date;
  /** The hold notice's deadline for telling the agent. */
  notifyBy?: Date;
  agentNotifiedAt?: Date;
  /** A critical defect quarantines the whole lot and rules out a concession. */
  quarantined: boolean;
  /** Rework cycle under way: 1 for the first, 2 after a failed re-inspection. */
  reworkCycle: number;
  /** After a new major defect on re-inspection, the next cycle is all the factory's. */
  factoryPaysNextCycle: boolean;
  evidenceOverride?: string;
  reworkAgreed: boolean;
  concessionAgreed: boolean;
  /** Set when the lot went on hold: released later means released after the protocol ran. */
  wasHeld: boolean;
}

function requireStatus(c: CaseRecord, allowed: readonly CaseStatus[], step: string): void {
  if (!allowed.includes(c.status)) {
    throw new InputError(
      `${c.id} is at "${STATUS_LABELS[c.status]}": ${step} needs it at ${allowed.map((s) => `"${STATUS_LABELS[s]}"`).join(' or ')}.`,
    );
  }
}

function text(name: string, value: string, max = 200): string {
  const trimmed = value.trim();
  if (!trimmed) throw new InputError(`${name} is required.`);
  if (trimmed.length > max) throw new InputError(`${name} is longer than ${max} characters.`);
  return trimmed;
}

export function openCase(id: string, input: NewCase, now: Date): CaseRecord {
  if (!(input.orderValue > 0) || !(input.orderValue <= MAX_AMOUNT))
    throw new InputError(`order value must be above 0 and at most ${MAX_AMOUNT.toExponential()}; got ${input.orderValue}.`);
  if (!Number.isInteger(input.lotSize) || input.lotSize < 1)
    throw new InputError(`lot size must be a whole number of units; got ${input.lotSize}.`);
  // Checking the plan now catches a bad AQL before anything is written.
  samplePlan(input.lotSize, { level: input.level, aql: input.aqlMajor, severity: input.severity });
  samplePlan(input.lotSize, { level: input.level, aql: input.aqlMinor, severity: input.severityMinor ?? input.severity });
  return {
    id,
    status: 'open',
    createdAt: now,
    factory: text('factory', input.factory),
    style: text('style', input.style),
    po: input.po.trim(),
    orderValue: input.orderValue,
    currency: currencyCode('currency', input.currency),
    lotSize: input.lotSize,
    level: input.level,
    aqlMajor: input.aqlMajor,
    aqlMinor: input.aqlMinor,
    severity: input.severity,
    ...(input.severityMinor && input.severityMinor !== input.severity ? { severityMinor: input.severityMinor } : {}),
    quarantined: false,
    reworkCycle: 0,
    factoryPaysNextCycle: false,
    reworkAgreed: false,
    concessionAgreed: false,
    wasHeld: false,
  };
}

export interface InspectionInput {
  inspector: string;
  at: Date;
  criticalFound: number;
  majorFound: number;
  minorFound: number;
}

export interface InspectionResult {
  major: SamplePlan;
  minor: SamplePlan;
  passed: boolean;
  reasons: string[];
}

/** The OQC verdict: any critical fails (zero tolerance), as does reaching Re for major or minor. */
export function oqcResult(
  c: Pick<CaseRecord, 'lotSize' | 'level' | 'severity' | 'severityMinor' | 'aqlMajor' | 'aqlMinor' | 'edition'>,
  input: Omit<InspectionInput, 'inspector' | 'at'>,
): InspectionResult {
  const major = samplePlan(c.lotSize, { level: c.level, severity: c.severity, aql: c.aqlMajor, edition: c.edition });
  const minor = samplePlan(c.lotSize, { level: c.level, severity: c.severityMinor ?? c.severity, aql: c.aqlMinor, edition: c.edition });
  // Defectives of a class are units of the sample: there cannot be more than were inspected.
  const sampled = Math.max(major.sampleSize, minor.sampleSize);
  for (const [label, found] of [
    ['critical', input.criticalFound],
    ['major', input.majorFound],
    ['minor', input.minorFound],
  ] as const) {
    if (found > sampled) throw new InputError(`${found} ${label} found cannot be more than the ${sampled} units sampled.`);
  }
  const reasons: string[] = [];
  if (wholeCount('critical found', input.criticalFound) > 0) reasons.push(`${input.criticalFound} critical: zero tolerance`);
  if (lotVerdict(wholeCount('major found', input.majorFound), major) === 'reject')
    reasons.push(`${input.majorFound} major reaches Re ${major.rejection} (Ac ${major.acceptance})`);
  if (lotVerdict(wholeCount('minor found', input.minorFound), minor) === 'reject')
    reasons.push(`${input.minorFound} minor reaches Re ${minor.rejection} (Ac ${minor.acceptance})`);
  return { major, minor, passed: reasons.length === 0, reasons };
}

/** Step 1: a failed OQC puts the lot on hold with its time and the deadline to tell the agent. */
export function recordInspection(
  c: CaseRecord,
  input: InspectionInput,
  holdNoticeHours = DEFAULT_HOLD_NOTICE_HOURS,
): { case: CaseRecord; result: InspectionResult } {
  requireStatus(c, ['open'], 'recording the OQC inspection');
  const inspector = text('inspector', input.inspector);
  const result = oqcResult(c, input);
  if (result.passed) return { case: { ...c, inspector, status: 'released' }, result };
  return {
    case: {
      ...c,
      inspector,
      status: 'on-hold',
      wasHeld: true,
      holdAt: input.at,
      notifyBy: new Date(input.at.getTime() + holdNoticeHours * 3_600_000),
      quarantined: input.criticalFound > 0,
    },
    result,
  };
}

export function recordAgentNotified(c: CaseRecord, at: Date): CaseRecord {
  if (c.status === 'settled') throw new InputError(`${c.id} is settled: its record can no longer be changed.`);
  if (!c.holdAt) throw new InputError(`${c.id} has no hold notice to acknowledge.`);
  if (c.agentNotifiedAt) {
    throw new InputError(
      `the agent was already recorded as told at ${c.agentNotifiedAt.toISOString()}; a recorded time changes only by a correction with a reason.`,
    );
  }
  if (at.getTime() < c.holdAt.getTime()) throw new InputError('the agent cannot be told before the hold began.');
  return { ...c, agentNotifiedAt: at };
}

/** A correction is a recorded fact changed on purpose: it needs a reason, and a closed case is closed. */
export function requireCorrectable(c: CaseRecord, reason: string): string {
  if (c.status === 'settled') throw new InputError(`${c.id} is settled: its record can no longer be corrected.`);
  const why = reason.trim();
  if (!why) throw new InputError('a correction needs a reason, for the log.');
  return why;
}

/** Corrects when the agent was told of the hold (a mistyped time), with a reason for the log. */
export function correctAgentNotified(c: CaseRecord, at: Date, reason: string): CaseRecord {
  requireCorrectable(c, reason);
  if (!c.holdAt || !c.agentNotifiedAt) throw new InputError(`${c.id} has no time the agent was told to correct.`);
  if (at.getTime() < c.holdAt.getTime()) throw new InputError('the agent cannot be told before the hold began.');
  return { ...c, agentNotifiedAt: at };
}

/** The hold's notification is overdue when the agent was told late, or not yet told after the deadline. */
export function holdNoticeOverdue(c: CaseRecord, now: Date): boolean {
  if (!c.notifyBy) return false;
  const toldAt = c.agentNotifiedAt ?? now;
  return toldAt.getTime() > c.notifyBy.getTime();
}

/** Step 2: classified defects move the case on; a critical one quarantines the lot. */
export function recordClassification(c: CaseRecord, classes: readonly Classification[]): CaseRecord {
  requireStatus(c, BEFORE_AGREEMENT, 'classifying defects');
  const defects = classes.filter((k): k is DefectClass => k !== 'ok');
  if (defects.length === 0) throw new InputError('none of these units has a defect outside tolerance; nothing to record.');
  return { ...c, status: 'classified', quarantined: c.quarantined || defects.includes('critical') };
}

/** Step 3: evidence complete (or not) for every defective unit recorded so far. */
export function recordEvidenceState(c: CaseRecord, gaps: readonly EvidenceGap[]): CaseRecord {
  requireStatus(c, ['classified', 'evidence-complete', 'agreed', 'rework-done'], 'recording evidence');
  if (c.status !== 'classified' && c.status !== 'evidence-complete') return c;
  return { ...c, status: gaps.length === 0 ? 'evidence-complete' : 'classified' };
}

export interface AgreementInput {
  rework: boolean;
  concession: boolean;
  /** Agreeing before the evidence is complete needs a recorded reason. */
  overrideReason?: string;
}

/** Steps 4 and 7: rework and/or a concession, once the evidence is complete. */
export function recordAgreement(c: CaseRecord, input: AgreementInput, gaps: readonly EvidenceGap[]): CaseRecord {
  requireStatus(c, ['classified', 'evidence-complete'], 'an agreement');
  if (!input.rework && !input.concession) throw new InputError('an agreement needs rework, a concession, or both.');
  const override = input.overrideReason?.trim();
  if (gaps.length > 0 && !override) {
    const first = gaps[0];
    throw new InputError(
      `evidence is incomplete for ${gaps.length} unit(s) (${first.unitRef} lacks: ${first.missing.join(', ')}); complete it, or give a reason to go ahead without it.`,
    );
  }
  if (input.concession && c.quarantined)
    throw new InputError(`${c.id} has a critical defect: the lot is quarantined and a concession is ruled out.`);
  const next: CaseRecord = {
    ...c,
    reworkAgreed: input.rework,
    concessionAgreed: input.concession,
    evidenceOverride: gaps.length > 0 ? override : c.evidenceOverride,
  };
  // A concession alone accepts the lot as it is: nothing to rework or re-inspect.
  return input.rework ? { ...next, status: 'agreed', reworkCycle: 1 } : { ...next, status: 'released' };
}

export const SUPERVISION_CHECKLIST = [
  { key: 'materialsVerified', label: 'Replacement materials verified against the BOM' },
  { key: 'dedicatedStation', label: 'Dedicated rework station, apart from the line' },
  { key: 'seniorOperators', label: 'Senior operators (5+ years) assigned' },
  { key: 'inspectorSignOff', label: 'Inspector signed off after each operation' },
] as const;
export type ChecklistKey = (typeof SUPERVISION_CHECKLIST)[number]['key'];

/** Step 5: rework is done when the checklist is signed and every unit in the cycle's scope is in the Reworked log. */
export function recordReworkDone(
  c: CaseRecord,
  checklist: Partial<Record<ChecklistKey, boolean>>,
  scope: readonly string[],
  logged: readonly string[],
): CaseRecord {
  requireStatus(c, ['agreed'], 'finishing rework');
  const unsigned = SUPERVISION_CHECKLIST.filter((item) => !checklist[item.key]).map((item) => item.label);
  if (unsigned.length) throw new InputError(`the supervision checklist is not signed: ${unsigned.join('; ')}.`);
  const done = new Set(logged);
  const missing = scope.filter((unit) => !done.has(unit));
  if (missing.length) {
    throw new InputError(
      `only ${scope.length - missing.length} of the ${scope.length} units to rework are in the Reworked log; not yet: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`,
    );
  }
  return { ...c, status: 'rework-done' };
}

export interface ReinspectionInput extends ReinspectionFindings {
  inspector: string;
  /** Critical units among the defective units recorded at the re-inspection. */
  newCritical?: number;
  reworkedUnits: number;
  adjacentUnits: number;
}

/** Step 6: a different inspector; pass releases the lot, fail sends it back to rework. */
export function recordReinspection(c: CaseRecord, input: ReinspectionInput) {
  requireStatus(c, ['rework-done'], 're-inspection');
  const inspector = text('re-inspector', input.inspector);
  if (c.inspector && samePerson(inspector, c.inspector)) {
    throw new InputError(
      `re-inspector: ${inspector} is the original OQC inspector (${c.inspector}); the re-inspection needs someone else.`,
    );
  }
  const plan = reinspectionPlan({
    lotSize: c.lotSize,
    reworkedUnits: input.reworkedUnits,
    adjacentUnits: input.adjacentUnits,
    aqlMajor: c.aqlMajor,
    aqlMinor: c.aqlMinor,
    severity: c.severity,
  });
  const found = reinspectionVerdict(plan, input);
  // A critical unit recorded at re-inspection is zero tolerance, wherever it was found.
  const newCritical = input.newCritical ?? 0;
  const verdict =
    newCritical > 0 && !(input.sampleCritical ?? 0)
      ? { ...found, passed: false, reasons: [...found.reasons, `${newCritical} critical unit(s) found: zero tolerance`] }
      : found;
  const next: CaseRecord = verdict.passed
    ? { ...c, status: 'released' }
    : {
        ...c,
        status: 'agreed',
        reworkCycle: c.reworkCycle + 1,
        factoryPaysNextCycle: verdict.nextCycleAtFactoryCost || c.factoryPaysNextCycle,
        // Any critical defect quarantines the whole lot, at re-inspection as at the OQC.
        quarantined: c.quarantined || (input.sampleCritical ?? 0) > 0 || (input.newCritical ?? 0) > 0,
      };
  return { case: next, plan, verdict, inspector };
}

/**
 * Reopening, with a reason: a settled case goes back to "released" to be settled again; a lot
 * released by a mistaken OQC entry goes back to "open" for the OQC to be recorded again. Anything
 * else is changed by correcting the recorded fact.
 */
export function reopenCase(c: CaseRecord, reason: string): CaseRecord {
  if (!reason.trim()) throw new InputError('reopening a case needs a reason, for the log.');
  if (c.status === 'settled') return { ...c, status: 'released' };
  if (c.status === 'released' && !c.wasHeld) return { ...c, status: 'open', inspector: undefined };
  throw new InputError(
    `${c.id} is at "${STATUS_LABELS[c.status]}": only a settled case, or a lot released by its OQC, is reopened; correct the recorded fact instead.`,
  );
}

/** Closing: only a lot that was held and then released settles. */
export function recordSettled(c: CaseRecord): CaseRecord {
  requireStatus(c, ['released'], 'settlement');
  if (!c.wasHeld) throw new InputError(`${c.id} passed OQC: there is nothing to settle.`);
  return { ...c, status: 'settled' };
}

/** What stops the case from moving on, in words for the case desk; `lacking` counts units short of evidence. */
export function nextStep(c: CaseRecord, lacking: number, rework?: { logged: number; scope: number; signed: number }): string {
  switch (c.status) {
    case 'open':
      return 'Record the OQC inspection.';
    case 'on-hold':
      return c.agentNotifiedAt ? 'Classify the defective units.' : 'Tell the agent of the hold, then classify the defective units.';
    case 'classified':
      return lacking ? `Complete the evidence: ${lacking} unit(s) lack photos or video.` : 'Agree rework and/or a concession.';
    case 'evidence-complete':
      return c.quarantined ? 'Agree rework: a critical defect rules out a concession.' : 'Agree rework and/or a concession.';
    case 'agreed':
      if (rework && rework.logged >= rework.scope && rework.signed >= SUPERVISION_CHECKLIST.length)
        return `Record rework cycle ${c.reworkCycle} as done, then re-inspect.`;
      return `Supervise rework cycle ${c.reworkCycle}${c.factoryPaysNextCycle ? ' (at the factory’s cost)' : ''}: sign the checklist and log every reworked unit.`;
    case 'rework-done':
      return `Re-inspect with an inspector other than ${c.inspector ?? 'the original one'}.`;
    case 'released':
      return c.wasHeld ? 'Settle the case.' : 'Nothing: the lot passed OQC.';
    case 'settled':
      return 'Nothing: the case is closed.';
  }
}
