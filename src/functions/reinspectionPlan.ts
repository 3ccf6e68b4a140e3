import { reinspectionPlan } from '../core/protocol/reinspection';
import { BLANK, formula, isBlank, optionalNumber, single, toWhole } from './args';
import { aqlArg } from './samplingArgs';
import type { CellValue } from './args';

function aqlOf(name: string, value: unknown): number | undefined {
  const cell = single(name, value);
  return isBlank(cell) ? undefined : aqlArg(name, cell);
}

/**
 * =REINSPECTION_PLAN(lot_size, reworked_units, [adjacent_units], [aql_major], [aql_minor]) → units
 * inspected 100%, remainder, code letter and sample size for the remainder at Level III, major Ac/Re,
 * minor Ac/Re, total units to inspect.
 */
export function reinspectionPlanFormula(
  lotSize: unknown,
  reworkedUnits: unknown,
  adjacentUnits?: unknown,
  aqlMajor?: unknown,
  aqlMinor?: unknown,
): CellValue[][] {
  return formula('REINSPECTION_PLAN', () => {
    const plan = reinspectionPlan({
      lotSize: toWhole('lot_size', single('lot_size', lotSize), 1),
      reworkedUnits: toWhole('reworked_units', single('reworked_units', reworkedUnits)),
      adjacentUnits: optionalNumber('adjacent_units', adjacentUnits, toWhole),
      aqlMajor: aqlOf('aql_major', aqlMajor),
      aqlMinor: aqlOf('aql_minor', aqlMinor),
    });
    const { major, minor } = plan;
    return [
      [
        plan.fullInspection,
        plan.remainder,
        plan.letter ?? BLANK,
        plan.sampleSize,
        major?.acceptance ?? BLANK,
        major?.rejection ?? BLANK,
        minor?.acceptance ?? BLANK,
        minor?.rejection ?? BLANK,
        plan.totalToInspect,
      ],
    ];
  });
}
