import { InputError } from '../core/errors';
import { parseEdition, replaySwitching, severityLabel } from '../core/sampling/switching';
import { asGrid, formula, isBlank, single, toText, toWhole } from './args';
import type { CellValue } from './args';
import { planOptions } from './samplingArgs';

/**
 * =AQL_SWITCHING(defects_found, lot_sizes, [level], [aql], [edition], [reduced_approved]) → one row:
 * the severity for the next lot, the switching score (blank where the edition or severity has
 * none), and the reason. The columns list a supplier's original inspections, oldest first; blank
 * rows are skipped, so the formula can point at a column that grows.
 */
export function aqlSwitching(
  defectsFound: unknown,
  lotSizes: unknown,
  level?: unknown,
  aql?: unknown,
  edition?: unknown,
  reducedApproved?: unknown,
): CellValue[][] {
  return formula('AQL_SWITCHING', () => {
    const found = asGrid('AQL_SWITCHING', 'defects_found', defectsFound).flat();
    const given = asGrid('AQL_SWITCHING', 'lot_sizes', lotSizes).flat();
    // One lot size for every lot, as a built-in takes a single cell against a range.
    const sizes = given.length === 1 ? found.map((cell) => (isBlank(cell) ? '' : given[0])) : given;
    if (found.length !== sizes.length) {
      throw new InputError(`defects_found has ${found.length} cells but lot_sizes has ${sizes.length}; give one lot size per lot.`);
    }
    const lots = found.flatMap((cell, i) => {
      if (isBlank(cell) && isBlank(sizes[i])) return [];
      if (isBlank(cell) || isBlank(sizes[i]))
        throw new InputError(`lot ${i + 1} has a count without a lot size, or a lot size without a count.`);
      return [{ ref: `lot ${i + 1}`, defectsFound: toWhole('defects_found', cell), lotSize: toWhole('lot_sizes', sizes[i], 1) }];
    });
    const { level: lev, aql: q } = planOptions(single('level', level), single('aql', aql), '');
    const editionCell = single('edition', edition);
    const approvedCell = single('reduced_approved', reducedApproved);
    const approved = typeof approvedCell === 'string' ? approvedCell.trim().toUpperCase() : approvedCell;
    if (!isBlank(approved) && approved !== true && approved !== false && approved !== 'TRUE' && approved !== 'FALSE') {
      throw new InputError(`reduced_approved must be TRUE or FALSE; got ${JSON.stringify(approvedCell)}.`);
    }
    const state = replaySwitching(lots, {
      level: lev,
      aql: q,
      edition: parseEdition(isBlank(editionCell) ? '' : toText('edition', editionCell)),
      reducedApproved: approved === true || approved === 'TRUE',
    });
    return [[severityLabel(state), state.score ?? '', state.reason]];
  });
}
