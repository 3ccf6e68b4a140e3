import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeLetter, lotVerdict, resolvePlan, samplePlan } from '../../src/core/sampling/samplePlan';
import { AQL_VALUES, CODE_LETTERS, INSPECTION_LEVELS, SEVERITIES, TABLES_BY_SEVERITY } from '../../src/core/sampling/tables';
import type { CodeLetter, InspectionLevel } from '../../src/core/sampling/tables';
import { RESOLVED_PLANS } from './tables.fixture';

// Table I written per level (the data module stores it per lot range), so a slip in one
// transcription does not repeat in the other.
const LOT_RANGES: Array<[number, number]> = [
  [2, 8],
  [9, 15],
  [16, 25],
  [26, 50],
  [51, 90],
  [91, 150],
  [151, 280],
  [281, 500],
  [501, 1200],
  [1201, 3200],
  [3201, 10000],
  [10001, 35000],
  [35001, 150000],
  [150001, 500000],
  [500001, 5_000_000],
];
const LETTERS_BY_LEVEL: Record<InspectionLevel, string> = {
  'S-1': 'AAAABBBBCCCCDDD',
  'S-2': 'AAABBBCCCDDDEEE',
  'S-3': 'AABBCCDDEEFFGGH',
  'S-4': 'AABCCDEEFGGHJJK',
  I: 'AABCCDEFGHJKLMN',
  II: 'ABCDEFGHJKLMNPQ',
  III: 'BCDEFGHJKLMNPQR',
};

describe('Table I: sample size code letters', () => {
  for (const level of INSPECTION_LEVELS) {
    it(`gives every lot range its letter at level ${level}`, () => {
      LOT_RANGES.forEach(([low, high], i) => {
        const expected = LETTERS_BY_LEVEL[level][i];
        expect([codeLetter(low, level), codeLetter(high, level)], `${low}–${high}`).toEqual([expected, expected]);
      });
    });
  }

  it('changes letter exactly at the boundaries of the ranges', () => {
    expect(codeLetter(2)).toBe('A');
    expect([codeLetter(1200), codeLetter(1201)]).toEqual(['J', 'K']);
    expect([codeLetter(3200), codeLetter(3201)]).toEqual(['K', 'L']);
    expect([codeLetter(500000), codeLetter(500001)]).toEqual(['P', 'Q']);
    expect([codeLetter(500000, 'III'), codeLetter(500001, 'III')]).toEqual(['Q', 'R']);
  });

  it('refuses lots that are not whole numbers of units', () => {
    for (const bad of [0, -5, 1.5, Number.NaN, Infinity]) expect(() => codeLetter(bad)).toThrow(/lot size/);
  });
});

describe('Tables II-A, II-B, II-C with the arrows followed', () => {
  for (const severity of SEVERITIES) {
    const table = TABLES_BY_SEVERITY[severity];
    for (const [letter, expectedRow] of Object.entries(RESOLVED_PLANS[severity])) {
      it(`${severity} ${letter}: all 26 AQL columns`, () => {
        const expected = expectedRow.trim().split(/\s+/);
        const actual = AQL_VALUES.map((_, column) => {
          const plan = resolvePlan(table, letter as CodeLetter, column);
          return `${plan.sampleSize}:${plan.acceptance}/${plan.rejection}`;
        });
        expect(actual).toEqual(expected);
      });
    }
  }

  it('reports the letter of the plan an arrow leads to, with that plan’s sample size', () => {
    // K at AQL 0.25 normal: ↓ to L, 1/2, n = 200.
    expect(resolvePlan(TABLES_BY_SEVERITY.normal, 'K', 7)).toEqual({ letter: 'L', sampleSize: 200, acceptance: 1, rejection: 2 });
    // K at AQL 15 normal: ↑ to J, 21/22, n = 80.
    expect(resolvePlan(TABLES_BY_SEVERITY.normal, 'K', 16)).toEqual({ letter: 'J', sampleSize: 80, acceptance: 21, rejection: 22 });
    // R at AQL 0.025 tightened: ↓ to S, the tightened-only letter.
    expect(resolvePlan(TABLES_BY_SEVERITY.tightened, 'R', 2)).toEqual({ letter: 'S', sampleSize: 3150, acceptance: 1, rejection: 2 });
  });

  it('has 26 cells in every row of every table', () => {
    for (const severity of SEVERITIES) {
      for (const row of Object.values(TABLES_BY_SEVERITY[severity].rows)) expect(row!.trim().split(/\s+/)).toHaveLength(26);
    }
  });
});

describe('samplePlan', () => {
  it('gives the plans the domain notes work out', () => {
    const pick = (p: ReturnType<typeof samplePlan>) => [p.letter, p.sampleSize, p.acceptance, p.rejection];
    expect(pick(samplePlan(1500))).toEqual(['K', 125, 7, 8]);
    expect(pick(samplePlan(1500, { aql: 4 }))).toEqual(['K', 125, 10, 11]);
    expect(pick(samplePlan(1200))).toEqual(['J', 80, 5, 6]);
    expect(pick(samplePlan(1200, { level: 'III' }))).toEqual(['K', 125, 7, 8]);
    expect(pick(samplePlan(1488, { level: 'III' }))).toEqual(['L', 200, 10, 11]);
    expect(pick(samplePlan(1488, { level: 'III', aql: 4 }))).toEqual(['L', 200, 14, 15]);
    expect(pick(samplePlan(1500, { severity: 'tightened' }))).toEqual(['K', 125, 5, 6]);
    expect(pick(samplePlan(1500, { severity: 'reduced' }))).toEqual(['K', 50, 3, 6]);
  });

  it('inspects every unit when an arrow lands on a plan bigger than the lot', () => {
    // Lot 10 at level II is B (n = 3); AQL 0.65 points down to F, n = 20 > 10.
    const plan = samplePlan(10, { aql: 0.65 });
    expect(plan).toMatchObject({ tableLetter: 'B', letter: 'F', sampleSize: 10, hundredPercent: true, acceptance: 0, rejection: 1 });
    // Lot 2: the smallest plan, n = 2, is the whole lot.
    expect(samplePlan(2)).toMatchObject({ sampleSize: 2, hundredPercent: true });
    // Lot 1: A at 2.5 points down to C (0/1, n = 5); the one unit is inspected.
    expect(samplePlan(1)).toMatchObject({ tableLetter: 'A', letter: 'C', sampleSize: 1, hundredPercent: true, acceptance: 0 });
  });

  it('samples less than the lot when the plan is smaller', () => {
    expect(samplePlan(1500)).toMatchObject({ hundredPercent: false, sampleSize: 125 });
  });

  it('treats AQL 0 as zero tolerance at the lot’s own letter', () => {
    expect(samplePlan(1500, { aql: 0 })).toMatchObject({ letter: 'K', sampleSize: 125, acceptance: 0, rejection: 1 });
    expect(samplePlan(1500, { aql: 0, severity: 'reduced' })).toMatchObject({ letter: 'K', sampleSize: 50, acceptance: 0, rejection: 1 });
  });

  it('refuses AQLs that are not columns of the standard, naming the nearest', () => {
    expect(() => samplePlan(1500, { aql: 3 })).toThrow('AQL 3 is not a standard AQL; the nearest are 2.5 and 4.0');
    expect(() => samplePlan(1500, { aql: 0.005 })).toThrow('the smallest is 0.010');
    expect(() => samplePlan(1500, { aql: 2000 })).toThrow('the largest is 1000');
    expect(() => samplePlan(1500, { aql: -1 })).toThrow(
      'AQL must be a standard value from 0.010 to 1000, or 0 for zero tolerance; got -1.',
    );
  });
});

describe('lotVerdict', () => {
  it('accepts at Ac and rejects at Re', () => {
    const plan = samplePlan(1500);
    expect(lotVerdict(7, plan)).toBe('accept');
    expect(lotVerdict(8, plan)).toBe('reject');
    expect(lotVerdict(12, plan)).toBe('reject');
    expect(lotVerdict(0, plan)).toBe('accept');
  });

  it('accepts between Ac and Re under reduced inspection but resumes normal inspection', () => {
    const plan = samplePlan(1500, { severity: 'reduced' }); // K reduced: 3/6
    expect([3, 4, 5, 6].map((n) => lotVerdict(n, plan))).toEqual(['accept', 'accept-resume-normal', 'accept-resume-normal', 'reject']);
  });

  it('refuses counts that are not whole and non-negative', () => {
    expect(() => lotVerdict(-1, samplePlan(100))).toThrow(/whole number/);
    expect(() => lotVerdict(1.5, samplePlan(100))).toThrow(/whole number/);
  });
});

describe('sampling properties', () => {
  const lot = fc.integer({ min: 1, max: 2_000_000 });
  const level = fc.constantFrom(...INSPECTION_LEVELS);
  const aql = fc.constantFrom(...AQL_VALUES);
  const severity = fc.constantFrom(...SEVERITIES);

  it('never lowers the code letter as the lot grows within a level', () => {
    fc.assert(
      fc.property(lot, lot, level, (a, b, lev) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return CODE_LETTERS.indexOf(codeLetter(small, lev)) <= CODE_LETTERS.indexOf(codeLetter(large, lev));
      }),
    );
  });

  it('never lowers the sample size as the lot grows, for a level, AQL and severity', () => {
    fc.assert(
      fc.property(lot, lot, level, aql, severity, (a, b, lev, q, sev) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return (
          samplePlan(small, { level: lev, aql: q, severity: sev }).sampleSize <=
          samplePlan(large, { level: lev, aql: q, severity: sev }).sampleSize
        );
      }),
    );
  });

  it('always has Re > Ac and a sample no larger than the lot', () => {
    fc.assert(
      fc.property(lot, level, aql, severity, (n, lev, q, sev) => {
        const plan = samplePlan(n, { level: lev, aql: q, severity: sev });
        return plan.rejection > plan.acceptance && plan.sampleSize <= n && plan.sampleSize >= 1;
      }),
    );
  });

  it('is never more lenient tightened than normal for the same letter and AQL', () => {
    for (const letter of CODE_LETTERS.slice(0, 16)) {
      AQL_VALUES.forEach((_, column) => {
        const normal = resolvePlan(TABLES_BY_SEVERITY.normal, letter, column);
        const tightened = resolvePlan(TABLES_BY_SEVERITY.tightened, letter, column);
        // Stricter means: no higher acceptance fraction, and never a smaller sample with a larger Ac.
        expect(tightened.acceptance / tightened.sampleSize, `${letter} col ${column}`).toBeLessThanOrEqual(
          normal.acceptance / normal.sampleSize,
        );
        expect(tightened.acceptance <= normal.acceptance || tightened.sampleSize > normal.sampleSize, `${letter} col ${column}`).toBe(true);
      });
    }
  });

  it('never samples more under reduced than under normal inspection', () => {
    for (const letter of CODE_LETTERS.slice(0, 16)) {
      AQL_VALUES.forEach((_, column) => {
        expect(resolvePlan(TABLES_BY_SEVERITY.reduced, letter, column).sampleSize).toBeLessThanOrEqual(
          resolvePlan(TABLES_BY_SEVERITY.normal, letter, column).sampleSize,
        );
      });
    }
  });
});

describe('Table II-C arrows between rows of the same sample size', () => {
  it('names the row the arrow leads to: lot 26, Level II, AQL 1000, reduced is B, 2, 30/31', () => {
    expect(samplePlan(26, { aql: 1000, severity: 'reduced' })).toMatchObject({
      tableLetter: 'D',
      letter: 'B',
      sampleSize: 2,
      acceptance: 30,
      rejection: 31,
    });
  });
});

describe('reduced plans by edition', () => {
  it('ISO 2859-1:1999 closes the gap between Ac and Re that 105E / Z1.4 keep', () => {
    expect(samplePlan(1500, { severity: 'reduced' })).toMatchObject({ sampleSize: 50, acceptance: 3, rejection: 6 });
    expect(samplePlan(1500, { severity: 'reduced', edition: 'ISO 2859-1' })).toMatchObject({ sampleSize: 50, acceptance: 3, rejection: 4 });
    // Normal and tightened plans are the same in both editions.
    expect(samplePlan(1500, { edition: 'ISO 2859-1' })).toEqual(samplePlan(1500));
    expect(samplePlan(1500, { edition: 'ISO 2859-1', severity: 'tightened' })).toEqual(samplePlan(1500, { severity: 'tightened' }));
  });
});
