import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctiveAction,
  nextLot,
  parseEdition,
  productionIrregular,
  replaySwitching,
  severityLabel,
  startSwitching,
} from '../../src/core/sampling/switching';
import type { JudgedLot, SwitchingState } from '../../src/core/sampling/switching';
import { resolvePlan, samplePlan, tighterAcceptance } from '../../src/core/sampling/samplePlan';
import { AQL_VALUES, CODE_LETTERS, TABLES_BY_SEVERITY } from '../../src/core/sampling/tables';

// Lot 1,500 at Level II, AQL 2.5: normal K 125 Ac 7/Re 8 (AQL 1.5 in the same row: Ac 5);
// tightened K 125 Ac 5/Re 6; reduced K 50 Ac 3/Re 6 (105E), Re 4 under ISO 2859-1:1999.
const lots = (...found: number[]) => found.map((defectsFound, i) => ({ ref: `L${i + 1}`, defectsFound, lotSize: 1500 }));

describe('switching rules, ISO 2859-1:1999', () => {
  it('starts normal, with a score of 0', () => {
    expect(replaySwitching([])).toMatchObject({ severity: 'normal', score: 0 });
  });

  it('normal → tightened when 2 of 5 or fewer consecutive lots are not accepted, naming them', () => {
    const s = replaySwitching(lots(8, 0, 0, 9));
    expect(s.severity).toBe('tightened');
    expect(s.reason).toBe('tightened: 2 of the last 4 lots not accepted — L1, L4');
    // Two not accepted six lots apart are not within five consecutive lots.
    expect(replaySwitching(lots(8, 0, 0, 0, 0, 9)).severity).toBe('normal');
  });

  it('tightened → normal after 5 consecutive lots accepted, not before', () => {
    const tightened = lots(8, 8);
    expect(replaySwitching([...tightened, ...lots(0, 0, 0, 0)]).severity).toBe('tightened');
    const back = replaySwitching([...tightened, ...lots(0, 0, 0, 0, 0)]);
    expect(back).toMatchObject({ severity: 'normal', score: 0 });
    // A lot not accepted on tightened (6 ≥ Re 6) starts the count again.
    expect(replaySwitching([...tightened, ...lots(0, 0, 0, 6, 0, 0, 0, 0)]).severity).toBe('tightened');
  });

  it('discontinues when 5 lots are not accepted on tightened inspection, and resumes on tightened after corrective action', () => {
    // L1 and L2 send it to tightened; on tightened, L3, L5, L6, L8 and L11 are not accepted.
    expect(replaySwitching(lots(8, 8, 6, 0, 6, 6, 0, 6, 0, 0)).severity).toBe('tightened');
    const s = replaySwitching(lots(8, 8, 6, 0, 6, 6, 0, 6, 0, 0, 6));
    expect(s.severity).toBe('discontinued');
    expect(s.reason).toMatch(/^discontinued: 5 lots not accepted on tightened inspection — L3, L5, L6, L8, L11;/);
    // Lots offered while discontinued are not judged.
    expect(replaySwitching(lots(8, 8, 6, 0, 6, 6, 0, 6, 0, 0, 6, 0, 0, 0, 0, 0)).severity).toBe('discontinued');
    const resumed = correctiveAction(s, 'corrective action of 2026-03-02');
    expect(resumed).toMatchObject({ severity: 'tightened', notAcceptedTightened: [], acceptedInARow: 0 });
  });

  it('scores +3 for a lot accepted also one AQL step tighter (Ac ≥ 2), and resets otherwise', () => {
    expect(replaySwitching(lots(5, 5, 5)).score).toBe(9);
    // 6 is accepted at Ac 7 but not at AQL 1.5's Ac 5: back to 0.
    expect(replaySwitching(lots(5, 5, 6)).score).toBe(0);
    expect(replaySwitching(lots(5, 5, 6, 2)).score).toBe(3);
  });

  it('scores +2 for each accepted lot on a plan with Ac 0 or 1', () => {
    // Lot 1,500 at Level II, AQL 0.10: K, 125 units, Ac 0, Re 1.
    expect(samplePlan(1500, { aql: 0.1 })).toMatchObject({ sampleSize: 125, acceptance: 0 });
    expect(replaySwitching(lots(0, 0, 0), { aql: 0.1 }).score).toBe(6);
    expect(replaySwitching(lots(0, 0, 0, 0, 1), { aql: 0.1 }).score).toBe(0);
  });

  it('normal → reduced at a score of 30 only with steady production and approval confirmed', () => {
    const ten = lots(...Array<number>(10).fill(0));
    const unapproved = replaySwitching(ten);
    expect(unapproved.score).toBe(30);
    expect(severityLabel(unapproved)).toBe('normal (reduced eligible)');
    expect(replaySwitching(lots(...Array<number>(9).fill(0))).reducedEligible).toBe(false);
    expect(replaySwitching(ten, { reducedApproved: true })).toMatchObject({ severity: 'reduced', score: null });
  });

  it('reduced → normal on a lot not accepted (under ISO, any count above Ac), or when production becomes irregular', () => {
    const ten = Array<number>(10).fill(0);
    expect(replaySwitching(lots(...ten, 3), { reducedApproved: true }).severity).toBe('reduced');
    const back = replaySwitching(lots(...ten, 4), { reducedApproved: true });
    expect(back).toMatchObject({ severity: 'normal', score: 0 });
    expect(back.reason).toBe('normal: L11 was not accepted on reduced inspection');
    expect(productionIrregular(replaySwitching(lots(...ten), { reducedApproved: true })).severity).toBe('normal');
  });
});

describe('switching rules, MIL-STD-105E / Z1.4', () => {
  const e105 = { edition: '105E' as const, reducedApproved: true };
  it('has no score, and goes to reduced after 10 lots accepted on normal with the limit numbers confirmed', () => {
    expect(replaySwitching(lots(7, 7, 7, 7, 7, 7, 7, 7, 7), e105)).toMatchObject({ severity: 'normal', score: null });
    expect(replaySwitching(lots(7, 7, 7, 7, 7, 7, 7, 7, 7, 7), e105).severity).toBe('reduced');
  });

  it('accepts a count between Ac and Re under reduced inspection but returns to normal', () => {
    const ten = Array<number>(10).fill(0);
    const s = replaySwitching(lots(...ten, 4), e105);
    expect(s.severity).toBe('normal');
    expect(s.reason).toBe('normal: L11 was accepted on reduced inspection with a count between Ac and Re');
    expect(s.sinceNormal).toEqual([]);
    expect(replaySwitching(lots(...ten, 3), e105).severity).toBe('reduced');
  });

  it('reads its edition names', () => {
    expect(parseEdition('Z1.4')).toBe('105E');
    expect(parseEdition('MIL-STD-105E')).toBe('105E');
    expect(parseEdition('')).toBe('ISO 2859-1');
    expect(() => parseEdition('BS 6001')).toThrow(/edition must be/);
  });
});

describe('switching properties', () => {
  const lot = fc.record({
    accepted: fc.boolean(),
    acceptance: fc.integer({ min: 0, max: 21 }),
    acceptedTighter: fc.boolean(),
    betweenAcRe: fc.boolean(),
  });
  const run = fc.array(fc.tuple(lot, fc.boolean()), { maxLength: 80 });
  const edition = fc.constantFrom('ISO 2859-1' as const, '105E' as const);

  const replay = (e: 'ISO 2859-1' | '105E', steps: Array<[Omit<JudgedLot, 'ref'>, boolean]>) => {
    const states: SwitchingState[] = [startSwitching(e)];
    steps.forEach(([l, approved], i) => {
      const judged = { ...l, ref: `L${i}`, acceptedTighter: l.accepted && l.acceptedTighter, betweenAcRe: l.accepted && l.betweenAcRe };
      states.push(nextLot(states.at(-1)!, judged, approved));
    });
    return states;
  };

  it('a supplier whose lots are all accepted never leaves normal or reduced', () => {
    fc.assert(
      fc.property(edition, run, (e, steps) => {
        const good = steps.map(([l, a]) => [{ ...l, accepted: true, betweenAcRe: false }, a] as [Omit<JudgedLot, 'ref'>, boolean]);
        for (const s of replay(e, good)) expect(['normal', 'reduced']).toContain(s.severity);
      }),
    );
  });

  it('a lot not accepted on reduced inspection always returns to normal', () => {
    fc.assert(
      fc.property(edition, run, (e, steps) => {
        const states = replay(e, steps);
        steps.forEach(([l], i) => {
          if (states[i].severity === 'reduced' && !l.accepted) expect(states[i + 1].severity).toBe('normal');
        });
      }),
    );
  });

  it('tightened inspection never ends before 5 consecutive lots accepted', () => {
    fc.assert(
      fc.property(edition, run, (e, steps) => {
        const states = replay(e, steps);
        steps.forEach((_, i) => {
          if (states[i].severity === 'tightened' && states[i + 1].severity === 'normal') {
            const last5 = steps.slice(Math.max(0, i - 4), i + 1).map(([l]) => l.accepted);
            expect(last5).toEqual([true, true, true, true, true]);
            expect(states.slice(i - 4, i + 1).every((s) => s.severity === 'tightened')).toBe(true);
          }
        });
      }),
    );
  });

  it('for every normal plan with Ac ≥ 2, the next-tighter column of its row holds a plan to judge against', () => {
    let checked = 0;
    for (const letter of CODE_LETTERS.filter((l) => TABLES_BY_SEVERITY.normal.rows[l])) {
      AQL_VALUES.forEach((aql, column) => {
        const plan = resolvePlan(TABLES_BY_SEVERITY.normal, letter, column);
        if (plan.letter !== letter || plan.acceptance < 2) return;
        const tighter = tighterAcceptance({ letter, aql, severity: 'normal' });
        expect(tighter, `${letter} at ${aql}`).toBeDefined();
        expect(tighter!).toBeLessThan(plan.acceptance);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });
});
