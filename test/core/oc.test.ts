/**
 * The OC sums against exact values worked out independently: binomial sums in exact rational
 * arithmetic (BigInt), Poisson sums with e^-λ from its series in 80-digit fixed point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptanceProbability, atLeastProbability, rateInterval } from '../../src/core/sampling/oc';

/** Σ_{k≤c} C(n,k) a^k (b−a)^{n−k} / b^n, exactly, for a rate a/b. */
function exactBinomial(a: bigint, b: bigint, n: number, c: number): number {
  let num = BigInt(0);
  let choose = BigInt(1);
  for (let k = 0; k <= Math.min(c, n); k++) {
    if (k > 0) choose = (choose * BigInt(n - k + 1)) / BigInt(k);
    num += choose * a ** BigInt(k) * (b - a) ** BigInt(n - k);
  }
  return ratio(num, b ** BigInt(n));
}

function ratio(num: bigint, den: bigint): number {
  const scale = BigInt(10) ** BigInt(30);
  return Number((num * scale) / den) / 1e30;
}

const DIGITS = BigInt(10) ** BigInt(80);
/** e^x in fixed point for a rational x = p/q ≥ 0, from its series. */
function expFixed(p: bigint, q: bigint): bigint {
  let term = DIGITS;
  let sum = DIGITS;
  for (let k = BigInt(1); term !== BigInt(0); k++) {
    term = (term * p) / (q * k);
    sum += term;
  }
  return sum;
}

/** Σ_{k≤c} e^-λ λ^k / k! exactly enough, for λ = p/q. */
function exactPoisson(p: bigint, q: bigint, c: number): number {
  let term = DIGITS;
  let sum = DIGITS;
  for (let k = BigInt(1); k <= BigInt(c); k++) {
    term = (term * p) / (q * k);
    sum += term;
  }
  return ratio(sum * DIGITS, expFixed(p, q) * DIGITS);
}

describe('operating characteristic', () => {
  it('binomial P(accept) matches exact rational sums for n up to 2,000 and Ac up to 21', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 21 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, c, perMille) => {
          const exact = exactBinomial(BigInt(perMille), BigInt(1000), n, c);
          const got = acceptanceProbability(perMille / 1000, n, c);
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(1e-12 + 1e-9 * exact);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Poisson P(accept) matches e^-λ sums in 80-digit fixed point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 21 }),
        fc.integer({ min: 0, max: 200 }),
        (n, c, perMille) => {
          const exact = exactPoisson(BigInt(n * perMille), BigInt(1000), c);
          const got = acceptanceProbability(perMille / 1000, n, c, 'poisson');
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(1e-12 + 1e-9 * exact);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is 1 at rate 0 and falls as the rate rises', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 21 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, c, x, y) => {
          expect(acceptanceProbability(0, n, c)).toBe(1);
          const [lo, hi] = x < y ? [x, y] : [y, x];
          expect(acceptanceProbability(hi, n, c)).toBeLessThanOrEqual(acceptanceProbability(lo, n, c) + 1e-15);
          expect(acceptanceProbability(hi * 5, n, c, 'poisson')).toBeLessThanOrEqual(
            acceptanceProbability(lo * 5, n, c, 'poisson') + 1e-15,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('P(X ≥ d) is the exact upper tail, however small', () => {
    const exact = 1 - exactBinomial(BigInt(25), BigInt(1000), 125, 11);
    expect(atLeastProbability(0.025, 125, 12)).toBeCloseTo(exact, 12);
    // Where 1 − P(accept) would round to 0, the tail still has its value.
    const tiny = atLeastProbability(0.001, 2000, 40);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-15);
    expect(atLeastProbability(0.3, 10, 0)).toBe(1);
  });

  it('gives the exact 95% interval of a sample’s rate: 12 of 125 → 9.6%', () => {
    const r = rateInterval(12, 125);
    expect(r.rate).toBe(0.096);
    // At each end, what was seen sits in a 2.5% tail.
    expect(atLeastProbability(r.low, 125, 12)).toBeCloseTo(0.025, 9);
    expect(acceptanceProbability(r.high, 125, 12)).toBeCloseTo(0.025, 9);
    expect(rateInterval(0, 50).low).toBe(0);
    expect(rateInterval(50, 50).high).toBe(1);
  });

  it('refuses what is not a rate or a plan', () => {
    expect(() => acceptanceProbability(1.2, 10, 1)).toThrow(/cannot exceed 1/);
    expect(() => acceptanceProbability(-0.1, 10, 1)).toThrow(/0 or more/);
    expect(() => acceptanceProbability(0.1, 10, 1.5)).toThrow(/whole number/);
    expect(() => rateInterval(13, 12)).toThrow(/not possible/);
  });
});
