import { lotVerdict, samplePlan } from '../core/sampling/samplePlan';
import type { LotVerdict } from '../core/sampling/samplePlan';
import { BLANK, broadcast, isBlank, toWhole, unwrapSingle } from './args';
import type { CellValue } from './args';
import { lotSizeArg, planOptionsReader } from './samplingArgs';

/** How a verdict reads in a cell. */
export const VERDICT_TEXT: Readonly<Record<LotVerdict, string>> = {
  accept: 'ACCEPT',
  'accept-resume-normal': 'ACCEPT (RESUME NORMAL)',
  reject: 'REJECT',
};

/** =AQL_VERDICT(defects_found, lot_size, [level], [aql], [inspection]) → ACCEPT / REJECT, cell by cell; a single value for single cells. */
export function aqlVerdict(
  defectsFound: unknown,
  lotSize: unknown,
  level?: unknown,
  aql?: unknown,
  inspection?: unknown,
): CellValue | CellValue[][] {
  const optionsOf = planOptionsReader();
  return unwrapSingle(
    broadcast(
      'AQL_VERDICT',
      [
        { name: 'defects_found', value: defectsFound },
        { name: 'lot_size', value: lotSize },
        { name: 'level', value: level },
        { name: 'aql', value: aql },
        { name: 'inspection', value: inspection },
      ],
      ([found, lot, lev, q, insp]): CellValue => {
        if (isBlank(found) || isBlank(lot)) return BLANK;
        const plan = samplePlan(lotSizeArg(lot), optionsOf(lev, q, insp));
        return VERDICT_TEXT[lotVerdict(toWhole('defects_found', found), plan)];
      },
    ),
  );
}
