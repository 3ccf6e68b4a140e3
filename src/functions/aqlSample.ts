import { samplePlan } from '../core/sampling/samplePlan';
import { BLANK, broadcast, isBlank } from './args';
import type { CellValue } from './args';
import { lotSizeArg, planOptionsReader } from './samplingArgs';

export const AQL_SAMPLE_COLUMNS = ['Code letter', 'Sample size', 'Ac', 'Re'] as const;

/**
 * =AQL_SAMPLE(lot_size, [level], [aql], [inspection]) → one row per lot: code letter, sample size
 * (capped at the lot: 100% inspection), Ac, Re. A blank lot gives a blank row.
 */
export function aqlSample(lotSize: unknown, level?: unknown, aql?: unknown, inspection?: unknown): CellValue[][] {
  const optionsOf = planOptionsReader();
  const rows = broadcast(
    'AQL_SAMPLE',
    [
      { name: 'lot_size', value: lotSize },
      { name: 'level', value: level },
      { name: 'aql', value: aql },
      { name: 'inspection', value: inspection },
    ],
    ([lot, lev, q, insp]): CellValue[] => {
      if (isBlank(lot)) return [BLANK, BLANK, BLANK, BLANK];
      const plan = samplePlan(lotSizeArg(lot), optionsOf(lev, q, insp));
      return [plan.letter, plan.sampleSize, plan.acceptance, plan.rejection];
    },
  );
  return rows.flat();
}
