import { personKey } from '../people';
import { formatInZone } from '../time';
import { tighterAcceptance } from '../sampling/samplePlan';
import { correctiveAction, nextLot, productionIrregular, severityLabel, startSwitching } from '../sampling/switching';
import type { Edition, JudgedLot, SwitchingState } from '../sampling/switching';
import type { Severity } from '../sampling/tables';

/**
 * A factory's record across its lots: the switching state per defect class from its original OQC
 * inspections in order, and the scorecard figures — pure functions of the tracker's rows.
 */

/** Factories are told apart the way people are: case, spacing, punctuation and full-width forms do not matter. */
export const factoryKey = personKey;

export const SWITCHING_CLASSES = ['major', 'minor'] as const;
export type SwitchingClass = (typeof SWITCHING_CLASSES)[number];

/** One original OQC inspection as recorded: the plan each class was judged against, and the counts. */
export interface OqcLot {
  caseId: string;
  at: Date;
  lotSize: number;
  severity: Severity;
  letter: string;
  sampleSize: number;
  criticalFound: number;
  major: { aql: number; acceptance: number; rejection: number; found: number };
  minor: { aql: number; acceptance: number; rejection: number; found: number };
}

/** What the agent records for a factory: the conditions the add-on cannot see. */
export interface FactoryControls {
  /** Production steady and reduced inspection approved (105E: limit numbers met or waived). */
  reducedApproved: boolean;
  /** When the factory's corrective action was recorded: a discontinued factory resumes on tightened. */
  correctiveActionAt?: Date;
  /** The spreadsheet's zone, in which a corrective action's date is a day. */
  timeZone?: string;
}

/** A lot as the switching rules judge one class of it: against the plan it was inspected under. */
export function judgedLot(lot: OqcLot, cls: SwitchingClass, edition: Edition): JudgedLot {
  // Each class is judged by its own count: a critical defect (zero tolerance, a class of its own)
  // rejects the lot but does not move the major or minor class's switching.
  const plan = lot[cls];
  const withinAc = plan.found <= plan.acceptance;
  const between = !withinAc && plan.found < plan.rejection;
  const tighter = plan.acceptance >= 2 ? tighterAcceptance({ letter: lot.letter as never, aql: plan.aql, severity: 'normal' }) : undefined;
  return {
    ref: lot.caseId,
    accepted: withinAc || (between && edition === '105E'),
    acceptance: plan.acceptance,
    acceptedTighter: tighter !== undefined && plan.found <= tighter,
    betweenAcRe: between,
  };
}

/** The severity for the factory's next lot, one class: its lots replayed in order. */
export function factorySwitching(
  lots: readonly OqcLot[],
  cls: SwitchingClass,
  edition: Edition,
  controls: FactoryControls = { reducedApproved: false },
): SwitchingState {
  let state = startSwitching(edition);
  const ordered = [...lots].sort((a, b) => a.at.getTime() - b.at.getTime());
  // A corrective action is a day: one dated the day inspection was discontinued, or later, counts.
  const zone = controls.timeZone ?? 'Etc/UTC';
  const dayOf = (d: Date) => formatInZone(d, zone).slice(0, 10);
  const action = controls.correctiveActionAt;
  let discontinuedOn = '';
  const resume = () => (state = correctiveAction(state, `the corrective action of ${dayOf(action!)}`));
  for (const lot of ordered) {
    if (state.severity === 'discontinued' && action && dayOf(action) >= discontinuedOn && action <= lot.at) resume();
    state = nextLot(state, judgedLot(lot, cls, edition), controls.reducedApproved);
    if (state.severity === 'discontinued' && !discontinuedOn) discontinuedOn = dayOf(lot.at);
  }
  if (state.severity === 'discontinued' && action) {
    if (dayOf(action) >= discontinuedOn) resume();
    else
      state = {
        ...state,
        reason: `${state.reason} (the corrective action of ${dayOf(action)} is before the discontinuation on ${discontinuedOn})`,
      };
  }
  // Approval withdrawn (production no longer steady): reduced inspection ends.
  if (state.severity === 'reduced' && !controls.reducedApproved) state = productionIrregular(state);
  return state;
}

/** The severities for a factory's next case, per class, with the reasons an agent is shown. */
export interface FactoryStatus {
  major: { severity: string; score: number | null; reason: string };
  minor: { severity: string; score: number | null; reason: string };
  discontinued: boolean;
  lots: number;
}

export function factoryStatus(lots: readonly OqcLot[], edition: Edition, controls?: FactoryControls): FactoryStatus {
  const of = (cls: SwitchingClass) => {
    const s = factorySwitching(lots, cls, edition, controls);
    return { severity: severityLabel(s), score: s.score, reason: s.reason };
  };
  const major = of('major');
  const minor = of('minor');
  return { major, minor, discontinued: major.severity === 'discontinued' || minor.severity === 'discontinued', lots: lots.length };
}

/** The severity a case's plan uses for a class: "normal (reduced eligible)" is normal until approved. */
export function planSeverity(label: string): Severity | 'discontinued' {
  return label.startsWith('normal') ? 'normal' : (label as Severity | 'discontinued');
}
