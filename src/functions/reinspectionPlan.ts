import { reinspectionPlan } from '../core/protocol/reinspection';
import { BLANK, broadcast, isBlank, toWhole } from './args';
import { aqlArg } from './samplingArgs';
import type { CellValue } from './args';

const BLANK_ROW: CellValue[] = Array.from({ length: 9 }, () => BLANK);

/**
 * =REINSPECTION_PLAN(lot_size, reworked_units, [adjacent_units], [aql_major], [aql_minor]) → units
 * inspected 100%, remainder, code letter and sample size for the remainder at Level III, major Ac/Re,
 * minor Ac/Re, total units to inspect. One row per row of a range; a blank lot gives a blank row.
 */
export function reinspectionPlanFormula(
  lotSize: unknown,
  reworkedUnits: unknown,
  adjacentUnits?: unknown,
  aqlMajor?: unknown,
  aqlMinor?: unknown,
): CellValue[][] {
  return broadcast(
    'REINSPECTION_PLAN',
    [
      { name: 'lot_size', value: lotSize },
      { name: 'reworked_units', value: reworkedUnits },
      { name: 'adjacent_units', value: adjacentUnits },
      { name: 'aql_major', value: aqlMajor },
      { name: 'aql_minor', value: aqlMinor },
    ],
    ([lot, reworked, adjacent, major, minor]): CellValue[] => {
      if (isBlank(lot) || isBlank(reworked)) return BLANK_ROW;
      const plan = reinspectionPlan({
        lotSize: toWhole('lot_size', lot, 1),
        reworkedUnits: toWhole('reworked_units', reworked),
        adjacentUnits: isBlank(adjacent) ? undefined : toWhole('adjacent_units', adjacent),
        aqlMajor: isBlank(major) ? undefined : aqlArg('aql_major', major),
        aqlMinor: isBlank(minor) ? undefined : aqlArg('aql_minor', minor),
      });
      return [
        plan.fullInspection,
        plan.remainder,
        plan.letter ?? BLANK,
        plan.sampleSize,
        plan.major?.acceptance ?? BLANK,
        plan.major?.rejection ?? BLANK,
        plan.minor?.acceptance ?? BLANK,
        plan.minor?.rejection ?? BLANK,
        plan.totalToInspect,
      ];
    },
  ).flat();
}
