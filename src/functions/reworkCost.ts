import { InputError } from '../core/errors';
import { reworkCost } from '../core/protocol/reworkCost';
import { BLANK, asGrid, broadcast, cellsOf, formula, isBlank, toNumber, toWhole, unwrapSingle } from './args';
import type { CellValue, Grid } from './args';

/**
 * Consumables per position: with single-cell arguments any range of consumables is summed; with a
 * column of units, a range with one row per unit gives each unit the sum of its row.
 */
function consumablesFor(consumables: unknown, rows: number, cols: number): (r: number, c: number) => number[] {
  const read = (cells: CellValue[]) => cells.filter((cell) => !isBlank(cell)).map((cell) => toNumber('consumables', cell));
  if (rows === 1 && cols === 1) {
    const all = read(cellsOf(consumables));
    return () => all;
  }
  const grid = asGrid('REWORK_COST', 'consumables', consumables);
  if (grid.length === 1 && grid[0].length === 1) return () => read([grid[0][0]]);
  if (grid.length === rows && (cols === 1 || grid[0].length === cols)) return (r, c) => read(cols === 1 ? grid[r] : [grid[r][c]]);
  throw new InputError(
    `consumables is ${grid.length}×${grid[0].length} but the other ranges are ${rows}×${cols}; give one row of consumables per row.`,
  );
}

function shapeOf(values: unknown[]): [number, number] {
  for (const v of values)
    if (Array.isArray(v) && (v.length > 1 || (v[0] as unknown[])?.length > 1)) return [v.length, (v[0] as unknown[]).length];
  return [1, 1];
}

/**
 * =REWORK_COST(labour_minutes, hourly_rate, [consumables], [qc_allocation], [units]) → per unit, or
 * the total for the units; one result per row for ranges, a blank where labour or rate is blank.
 */
export function reworkCostFormula(
  labourMinutes: unknown,
  hourlyRate: unknown,
  consumables?: unknown,
  qcAllocation?: unknown,
  units?: unknown,
): CellValue | Grid {
  const [rows, cols] = shapeOf([labourMinutes, hourlyRate, qcAllocation, units]);
  const consumablesAt = formula('REWORK_COST', () => consumablesFor(consumables, rows, cols));
  let position = 0;
  const grid = broadcast(
    'REWORK_COST',
    [
      { name: 'labour_minutes', value: labourMinutes },
      { name: 'hourly_rate', value: hourlyRate },
      { name: 'qc_allocation', value: qcAllocation },
      { name: 'units', value: units },
    ],
    ([labour, rate, qc, count]): CellValue => {
      const [r, c] = [Math.floor(position / cols), position % cols];
      position++;
      if (isBlank(labour) || isBlank(rate)) return BLANK;
      const n = isBlank(count) ? undefined : toWhole('units', count);
      const cost = reworkCost(
        {
          labourMinutes: toNumber('labour_minutes', labour),
          hourlyRate: toNumber('hourly_rate', rate),
          consumables: consumablesAt(r, c),
          qcAllocation: isBlank(qc) ? undefined : toNumber('qc_allocation', qc),
        },
        n ?? 1,
      );
      return n === undefined ? cost.perUnit : cost.total;
    },
  );
  return unwrapSingle(grid);
}
