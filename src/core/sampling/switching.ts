import { InputError } from '../errors';
import { lotVerdict, samplePlan, tighterAcceptance } from './samplePlan';
import type { InspectionLevel, Severity } from './tables';

/**
 * Switching rules: which severity a supplier's next lot is inspected under, from its recent lots on
 * original inspection (re-inspections of reworked lots do not count), one defect class at a time.
 *
 * ISO 2859-1:1999 (the default), clause 9:
 * - normal → tightened when 2 of 5 or fewer consecutive lots are not accepted;
 * - tightened → normal after 5 consecutive lots accepted;
 * - normal → reduced when the switching score reaches 30 and production is steady and reduced
 *   inspection approved (the agent confirms both: the add-on cannot know them);
 * - reduced → normal on a lot not accepted, or when production becomes irregular;
 * - discontinued when the lots not accepted during one spell of tightened inspection reach 5 in
 *   total, until the supplier's corrective action is recorded; then tightened again.
 * Switching score: 0 when normal inspection starts; after each lot on normal inspection, for
 * Ac ≥ 2, +3 if the lot would also have been accepted at the AQL one step tighter (the same
 * sample against that column's Ac in the same row), otherwise back to 0; for Ac 0 or 1, +2 if
 * the lot is accepted, otherwise back to 0.
 *
 * MIL-STD-105E / ANSI/ASQ Z1.4: the same normal ↔ tightened rules and discontinuation; reduced
 * needs the preceding 10 lots on normal inspection accepted and Table VIII's limit-number
 * condition, which the agent confirms (or that it was waived by agreement) with the approval; a
 * lot on reduced inspection accepted with a count between Ac and Re returns to normal. No score.
 *
 * Readings where the wording leaves room: "2 of 5 or fewer consecutive lots" counts lots since
 * normal inspection last began, so lots from before a tightened spell never count twice; the 5
 * not accepted that discontinue are counted within one spell of tightened inspection (a return to
 * normal starts the count again); lots offered while discontinued are not judged.
 */
export type Edition = 'ISO 2859-1' | '105E';
export const EDITIONS: readonly Edition[] = ['ISO 2859-1', '105E'];
export type SwitchSeverity = Severity | 'discontinued';

/** One lot as judged under the severity in force when it was inspected. */
export interface JudgedLot {
  /** What the reason names it by: a case ID, or "lot 7". */
  ref: string;
  accepted: boolean;
  /** The plan's acceptance number (for the score's +3 / +2 rule). */
  acceptance: number;
  /** Accepted also against the next-tighter AQL's Ac in the same row (only asked when Ac ≥ 2). */
  acceptedTighter: boolean;
  /** Under reduced inspection, a count strictly between Ac and Re (105E/Z1.4: back to normal). */
  betweenAcRe?: boolean;
}

export interface SwitchingState {
  edition: Edition;
  severity: SwitchSeverity;
  /** ISO 2859-1's switching score; null where the edition or severity has none. */
  score: number | null;
  /** Lots since normal inspection last began: accepted or not. */
  sinceNormal: Array<{ ref: string; accepted: boolean }>;
  /** Consecutive lots accepted on tightened inspection. */
  acceptedInARow: number;
  /** Lots not accepted in this spell of tightened inspection. */
  notAcceptedTightened: string[];
  /** The conditions for reduced inspection are met; it takes the agent's approval. */
  reducedEligible: boolean;
  reason: string;
}

export function startSwitching(edition: Edition = 'ISO 2859-1'): SwitchingState {
  return {
    edition,
    severity: 'normal',
    score: edition === 'ISO 2859-1' ? 0 : null,
    sinceNormal: [],
    acceptedInARow: 0,
    notAcceptedTightened: [],
    reducedEligible: false,
    reason: 'normal: no lots on record yet',
  };
}

const toNormal = (s: SwitchingState, reason: string): SwitchingState => ({
  ...s,
  severity: 'normal',
  score: s.edition === 'ISO 2859-1' ? 0 : null,
  sinceNormal: [],
  acceptedInARow: 0,
  notAcceptedTightened: [],
  reducedEligible: false,
  reason,
});

const toTightened = (s: SwitchingState, reason: string): SwitchingState => ({
  ...s,
  severity: 'tightened',
  score: null,
  sinceNormal: [],
  acceptedInARow: 0,
  notAcceptedTightened: [],
  reducedEligible: false,
  reason,
});

/** The state after one more lot, judged under `state.severity`. `reducedApproved`: steady production and approval (and, for 105E, the limit numbers) confirmed. */
export function nextLot(state: SwitchingState, lot: JudgedLot, reducedApproved = false): SwitchingState {
  switch (state.severity) {
    case 'discontinued':
      return state;
    case 'tightened': {
      if (lot.accepted) {
        const run = state.acceptedInARow + 1;
        if (run >= 5) return toNormal(state, `normal: 5 consecutive lots accepted on tightened inspection, the last ${lot.ref}`);
        return { ...state, acceptedInARow: run, reason: `tightened: ${run} of the 5 consecutive lots accepted needed to return to normal` };
      }
      const rejected = [...state.notAcceptedTightened, lot.ref];
      if (rejected.length >= 5) {
        return {
          ...state,
          severity: 'discontinued',
          acceptedInARow: 0,
          notAcceptedTightened: rejected,
          reason: `discontinued: 5 lots not accepted on tightened inspection — ${rejected.join(', ')}; record the supplier's corrective action to resume on tightened`,
        };
      }
      return {
        ...state,
        acceptedInARow: 0,
        notAcceptedTightened: rejected,
        reason: `tightened: ${rejected.length} lot(s) not accepted on tightened inspection (${rejected.join(', ')}); 5 discontinue inspection`,
      };
    }
    case 'reduced': {
      if (!lot.accepted) return toNormal(state, `normal: ${lot.ref} was not accepted on reduced inspection`);
      if (state.edition === '105E' && lot.betweenAcRe) {
        return toNormal(state, `normal: ${lot.ref} was accepted on reduced inspection with a count between Ac and Re`);
      }
      return { ...state, reason: `reduced: ${lot.ref} accepted on reduced inspection` };
    }
    case 'normal': {
      const sinceNormal = [...state.sinceNormal, { ref: lot.ref, accepted: lot.accepted }];
      let score = state.score;
      if (state.edition === 'ISO 2859-1') {
        const gained = lot.acceptance >= 2 ? (lot.accepted && lot.acceptedTighter ? 3 : 0) : lot.accepted ? 2 : 0;
        score = gained ? (score ?? 0) + gained : 0;
      }
      // 2 not accepted among 5 or fewer consecutive lots: the window is the last five since normal began.
      const window = sinceNormal.slice(-5);
      const notAccepted = window.filter((l) => !l.accepted);
      if (notAccepted.length >= 2) {
        const from = window.findIndex((l) => !l.accepted);
        const span = window.length - from;
        return toTightened(
          { ...state, score },
          `tightened: ${notAccepted.length} of the last ${span} lots not accepted — ${notAccepted.map((l) => l.ref).join(', ')}`,
        );
      }
      const eligible =
        state.edition === 'ISO 2859-1' ? (score ?? 0) >= 30 : sinceNormal.length >= 10 && sinceNormal.slice(-10).every((l) => l.accepted);
      const why =
        state.edition === 'ISO 2859-1'
          ? `switching score ${score}`
          : `the last ${Math.min(sinceNormal.length, 10)} lots on normal inspection accepted`;
      if (eligible && reducedApproved) {
        return {
          ...state,
          severity: 'reduced',
          score: null,
          sinceNormal,
          reducedEligible: true,
          reason: `reduced: ${why}, steady production and reduced inspection approved`,
        };
      }
      return {
        ...state,
        score,
        sinceNormal,
        reducedEligible: eligible,
        reason: eligible
          ? `normal (reduced eligible): ${why}; reduced inspection needs steady production and approval${state.edition === '105E' ? ', and the limit numbers of Table VIII (or their waiver)' : ''}`
          : `normal: ${why}`,
      };
    }
  }
}

/** The supplier's corrective action is recorded: a discontinued supplier resumes on tightened inspection. */
export function correctiveAction(state: SwitchingState, note = 'corrective action recorded'): SwitchingState {
  if (state.severity !== 'discontinued') return state;
  return toTightened(state, `tightened: resumed after ${note}`);
}

/** Production became irregular (or another condition warrants it): reduced inspection returns to normal. */
export function productionIrregular(state: SwitchingState): SwitchingState {
  return state.severity === 'reduced' ? toNormal(state, 'normal: production no longer steady') : { ...state, reducedEligible: false };
}

/** How a severity reads for the next lot: "normal (reduced eligible)" when the conditions are met but not approved. */
export function severityLabel(state: SwitchingState): string {
  return state.severity === 'normal' && state.reducedEligible ? 'normal (reduced eligible)' : state.severity;
}

/** An edition as typed: "ISO 2859-1" (or "ISO"), "105E" (or "MIL-STD-105E", "Z1.4"). */
export function parseEdition(text: string): Edition {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
  if (['', 'iso', 'iso2859', 'iso2859-1', 'iso2859-1:1999', 'gb/t2828.1'].includes(key)) return 'ISO 2859-1';
  if (['105e', 'mil-std-105e', 'milstd105e', 'z1.4', 'ansi/asqz1.4', 'ansiz1.4', 'asqz1.4'].includes(key)) return '105E';
  throw new InputError(`edition must be "ISO 2859-1" or "105E" (also read as "Z1.4"); got "${text}".`);
}

export interface LotRecord {
  ref: string;
  defectsFound: number;
  lotSize: number;
}

/**
 * Replays a supplier's lots in order, each judged under the severity in force when it was
 * inspected, and answers the state for the next lot. Under ISO 2859-1:1999 the reduced plans have
 * Re = Ac + 1, so a count above Ac is not accepted; 105E's gap between Ac and Re accepts the lot
 * and returns to normal.
 */
export function replaySwitching(
  lots: readonly LotRecord[],
  options: { level?: InspectionLevel; aql?: number; edition?: Edition; reducedApproved?: boolean } = {},
): SwitchingState {
  let state = startSwitching(options.edition);
  for (const lot of lots) {
    if (state.severity === 'discontinued') break;
    const plan = samplePlan(lot.lotSize, { level: options.level, aql: options.aql, severity: state.severity });
    if (lot.defectsFound > plan.sampleSize) {
      throw new InputError(
        `${lot.ref}: ${lot.defectsFound} found cannot be more than the ${plan.sampleSize} units sampled under ${state.severity} inspection.`,
      );
    }
    const verdict = lotVerdict(lot.defectsFound, plan);
    const tighter = plan.acceptance >= 2 ? tighterAcceptance(plan) : undefined;
    state = nextLot(
      state,
      {
        ref: lot.ref,
        accepted: verdict === 'accept' || (verdict === 'accept-resume-normal' && state.edition === '105E'),
        acceptance: plan.acceptance,
        acceptedTighter: tighter !== undefined && lot.defectsFound <= tighter,
        betweenAcRe: verdict === 'accept-resume-normal',
      },
      options.reducedApproved,
    );
  }
  return state;
}
