import { InputError } from '../errors';
import { wholeCount } from '../checks';

/**
 * The operating characteristic of a single sampling plan: the probability that it accepts a lot
 * whose true defect rate is p. Binomial for percent nonconforming (each unit good or bad), Poisson
 * for nonconformities per unit (the basis of the tables above AQL 10, where a unit can carry many).
 * Sums run in log space, so n = 2,000 with p near 1 neither underflows nor loses the small terms.
 */
export type OcBasis = 'binomial' | 'poisson';
export const OC_BASES: readonly OcBasis[] = ['binomial', 'poisson'];

/** The basis the tables assume for an AQL: percent nonconforming up to 10, nonconformities above. */
export function defaultBasis(aql: number): OcBasis {
  return aql > 10 ? 'poisson' : 'binomial';
}

function logSumExp(logs: readonly number[]): number {
  const finite = logs.filter((l) => l > -Infinity);
  if (!finite.length) return -Infinity;
  const max = Math.max(...finite);
  return max + Math.log(finite.reduce((sum, l) => sum + Math.exp(l - max), 0));
}

/** ln P(X = k) for k = from … to. */
function logTerms(rate: number, n: number, from: number, to: number, basis: OcBasis): number[] {
  const logs: number[] = [];
  if (basis === 'binomial') {
    const lp = Math.log(rate);
    const lq = Math.log1p(-rate);
    let lnChoose = 0; // ln C(n, 0)
    for (let k = 0; k <= to; k++) {
      if (k > 0) lnChoose += Math.log(n - k + 1) - Math.log(k);
      if (k < from) continue;
      // 0 · ln 0 is 0: a rate of 0 makes every term but k = 0 impossible, and 1 every term but k = n.
      const term = lnChoose + (k === 0 ? 0 : k * lp) + (n - k === 0 ? 0 : (n - k) * lq);
      logs.push(Number.isNaN(term) ? -Infinity : term);
    }
  } else {
    const lambda = n * rate;
    const ll = Math.log(lambda);
    let lnFactorial = 0;
    for (let k = 0; k <= to; k++) {
      if (k > 0) lnFactorial += Math.log(k);
      if (k < from) continue;
      logs.push(lambda === 0 ? (k === 0 ? 0 : -Infinity) : k * ll - lambda - lnFactorial);
    }
  }
  return logs;
}

function checkArgs(rate: number, n: number, c: number, basis: OcBasis): void {
  wholeCount('sample size', n);
  if (n < 1) throw new InputError('the sample size must be at least 1.');
  if (!Number.isInteger(c) || c < 0) throw new InputError(`the acceptance number must be a whole number, 0 or more; got ${c}.`);
  if (!Number.isFinite(rate) || rate < 0) throw new InputError(`the defect rate must be a number, 0 or more; got ${rate}.`);
  if (basis === 'binomial' && rate > 1) {
    throw new InputError(
      `a fraction of units nonconforming cannot exceed 1 (100%); got ${rate}. Rates per unit above 1 take the Poisson basis.`,
    );
  }
}

/** P(accept) = P(X ≤ c) for a sample of n at a true rate (a fraction: 0.025 is 2.5%). */
export function acceptanceProbability(rate: number, n: number, c: number, basis: OcBasis = 'binomial'): number {
  checkArgs(rate, n, c, basis);
  if (basis === 'binomial' && c >= n) return 1;
  return Math.min(1, Math.exp(logSumExp(logTerms(rate, n, 0, c, basis))));
}

/** P(X ≥ d): how likely a sample of n shows d or more at a true rate — summed as the tail itself, so a tiny one stays exact. */
export function atLeastProbability(rate: number, n: number, d: number, basis: OcBasis = 'binomial'): number {
  checkArgs(rate, n, Math.max(d, 0), basis);
  if (d <= 0) return 1;
  if (basis === 'binomial') {
    if (d > n) return 0;
    return Math.min(1, Math.exp(logSumExp(logTerms(rate, n, d, n, basis))));
  }
  // The Poisson tail is unbounded: sum until its terms no longer count.
  const lambda = n * rate;
  const upto = Math.max(d, Math.ceil(lambda + 40 * Math.sqrt(lambda + 1) + 40));
  return Math.min(1, Math.exp(logSumExp(logTerms(rate, n, d, upto, basis))));
}

/**
 * The defect rate a sample shows, with its exact (Clopper–Pearson) 95% interval: the rates under
 * which what was seen would be in either 2.5% tail. 12 of 125 → 9.6% (5.1% to 16.2%).
 */
export function rateInterval(found: number, n: number, confidence = 0.95): { rate: number; low: number; high: number } {
  wholeCount('defects found', found);
  wholeCount('sample size', n);
  if (n < 1 || found > n) throw new InputError(`${found} found in a sample of ${n} is not possible.`);
  const tail = (1 - confidence) / 2;
  // Bisection on a monotone probability: 60 halvings take [0, 1] below 1e-18.
  const solve = (f: (p: number) => number, rising: boolean) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) < tail === rising) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const low = found === 0 ? 0 : solve((p) => atLeastProbability(p, n, found), true);
  const high = found === n ? 1 : solve((p) => acceptanceProbability(p, n, found), false);
  return { rate: found / n, low, high };
}

/** Points of a plan's OC curve from rate 0 to `maxRate`, for a chart. */
export function ocCurve(
  n: number,
  c: number,
  maxRate: number,
  basis: OcBasis = 'binomial',
  points = 61,
): Array<{ rate: number; pa: number }> {
  const top = basis === 'binomial' ? Math.min(1, maxRate) : maxRate;
  return Array.from({ length: points }, (_, i) => {
    const rate = (top * i) / (points - 1);
    return { rate, pa: acceptanceProbability(rate, n, c, basis) };
  });
}

/**
 * The answer to "your inspector is too strict", for one class of a sample: the rate it shows with
 * its 95% interval, how likely a lot truly at the AQL would pass this plan, and how likely such a
 * lot would show this many defects or more.
 */
export interface Strictness {
  found: number;
  sampleSize: number;
  acceptance: number;
  /** The AQL as a rate (2.5 → 0.025). */
  aqlRate: number;
  rate: number;
  low: number;
  high: number;
  /** P(accept) for a lot truly at the AQL. */
  acceptedAtAql: number;
  /** P(this many or more) for a lot truly at the AQL. */
  thisManyAtAql: number;
  basis: OcBasis;
}

export function strictness(found: number, plan: { sampleSize: number; acceptance: number; aql: number }): Strictness {
  const basis = defaultBasis(plan.aql);
  const aqlRate = plan.aql / 100;
  const interval = rateInterval(Math.min(found, plan.sampleSize), plan.sampleSize);
  return {
    found,
    sampleSize: plan.sampleSize,
    acceptance: plan.acceptance,
    aqlRate,
    ...interval,
    rate: found / plan.sampleSize,
    acceptedAtAql: acceptanceProbability(aqlRate, plan.sampleSize, plan.acceptance, basis),
    thisManyAtAql: atLeastProbability(aqlRate, plan.sampleSize, found, basis),
    basis,
  };
}
