import { reworkCost } from '../core/protocol/reworkCost';
import { cellsOf, formula, optionalNumber, single, toNumber, toWhole } from './args';

/** =REWORK_COST(labour_minutes, hourly_rate, [consumables], [qc_allocation], [units]) → per unit, or the total for the units. */
export function reworkCostFormula(
  labourMinutes: unknown,
  hourlyRate: unknown,
  consumables?: unknown,
  qcAllocation?: unknown,
  units?: unknown,
): number {
  return formula('REWORK_COST', () => {
    const count = optionalNumber('units', units, toWhole);
    const cost = reworkCost(
      {
        labourMinutes: toNumber('labour_minutes', single('labour_minutes', labourMinutes)),
        hourlyRate: toNumber('hourly_rate', single('hourly_rate', hourlyRate)),
        consumables: cellsOf(consumables).map((cell) => toNumber('consumables', cell)),
        qcAllocation: optionalNumber('qc_allocation', qcAllocation),
      },
      count ?? 1,
    );
    return count === undefined ? cost.perUnit : cost.total;
  });
}
