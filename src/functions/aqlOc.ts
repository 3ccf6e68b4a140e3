import { acceptanceProbability, defaultBasis } from '../core/sampling/oc';
import type { OcBasis } from '../core/sampling/oc';
import { samplePlan } from '../core/sampling/samplePlan';
import { InputError } from '../core/errors';
import { BLANK, broadcast, isBlank, toNumber, toText, toWhole, unwrapSingle } from './args';
import type { CellValue } from './args';
import { lotSizeArg, planOptionsReader } from './samplingArgs';

function basisArg(cell: CellValue, aql: number): OcBasis {
  if (isBlank(cell)) return defaultBasis(aql);
  const basis = toText('basis', cell).trim().toLowerCase();
  if (basis !== 'binomial' && basis !== 'poisson') throw new InputError(`basis must be "binomial" or "poisson"; got "${String(cell)}".`);
  return basis;
}

/** A defect rate as a fraction: 0.025, or 2.5% (which Sheets hands over as 0.025). */
function rateArg(cell: CellValue): number {
  const rate = toNumber('defect_rate', cell);
  if (rate < 0) throw new InputError(`defect_rate must be 0 or more; got ${rate}.`);
  return rate;
}

/**
 * =AQL_OC(defect_rate, lot_size, [level], [aql], [inspection], [basis]) → the probability the lot's
 * plan accepts a lot whose true rate is defect_rate. Binomial up to AQL 10, Poisson above, unless
 * basis says otherwise. Ranges broadcast; a blank rate gives a blank.
 */
export function aqlOc(
  defectRate: unknown,
  lotSize: unknown,
  level?: unknown,
  aql?: unknown,
  inspection?: unknown,
  basis?: unknown,
): CellValue | CellValue[][] {
  const optionsOf = planOptionsReader();
  return unwrapSingle(
    broadcast(
      'AQL_OC',
      [
        { name: 'defect_rate', value: defectRate },
        { name: 'lot_size', value: lotSize },
        { name: 'level', value: level },
        { name: 'aql', value: aql },
        { name: 'inspection', value: inspection },
        { name: 'basis', value: basis },
      ],
      ([rate, lot, lev, q, insp, b]): CellValue => {
        if (isBlank(rate) || isBlank(lot)) return BLANK;
        const plan = samplePlan(lotSizeArg(lot), optionsOf(lev, q, insp));
        const basisOf = basisArg(b, plan.aql);
        const p = rateArg(rate);
        // 2.5 typed for 2.5% is the usual slip: a share of units above 1 is not a rate.
        if (basisOf === 'binomial' && p > 1) throw new InputError(`defect_rate is a fraction of the units: 2.5% or 0.025, not ${p}.`);
        return acceptanceProbability(p, plan.sampleSize, plan.acceptance, basisOf);
      },
    ),
  );
}

/** =AQL_PA(defect_rate, sample_size, acceptance_number, [basis]) → P(accept) for any single sampling plan. */
export function aqlPa(defectRate: unknown, sampleSize: unknown, acceptanceNumber: unknown, basis?: unknown): CellValue | CellValue[][] {
  return unwrapSingle(
    broadcast(
      'AQL_PA',
      [
        { name: 'defect_rate', value: defectRate },
        { name: 'sample_size', value: sampleSize },
        { name: 'acceptance_number', value: acceptanceNumber },
        { name: 'basis', value: basis },
      ],
      ([rate, n, c, b]): CellValue => {
        if (isBlank(rate) || isBlank(n) || isBlank(c)) return BLANK;
        return acceptanceProbability(rateArg(rate), toWhole('sample_size', n, 1), toWhole('acceptance_number', c), basisArg(b, 0));
      },
    ),
  );
}
