import type { PlanOptions } from '../core/sampling/samplePlan';
import { DEFAULT_AQL, DEFAULT_LEVEL, DEFAULT_SEVERITY, checkAql, parseLevel, parseSeverity } from '../core/sampling/vocabulary';
import { isBlank, toNumber, toText, toWhole } from './args';
import type { CellValue } from './args';

/** level, aql and inspection cells as plan options; blank cells take the defaults (II, 2.5, normal). */
export function planOptions(level: CellValue, aql: CellValue, inspection: CellValue): Required<Omit<PlanOptions, 'edition'>> {
  return {
    level: isBlank(level) ? DEFAULT_LEVEL : parseLevel(toText('level', level)),
    aql: isBlank(aql) ? DEFAULT_AQL : aqlArg('aql', aql),
    severity: isBlank(inspection) ? DEFAULT_SEVERITY : parseSeverity(toText('inspection', inspection)),
  };
}

/** A standard AQL from a cell. "2.5%" means AQL 2.5 here, not 0.025 (which is a column of its own). */
export function aqlArg(name: string, cell: CellValue): number {
  return checkAql(toNumber(name, typeof cell === 'string' ? cell.replace(/%\s*$/, '') : cell));
}

export function lotSizeArg(value: CellValue): number {
  return toWhole('lot_size', value, 1);
}

/**
 * planOptions for a walk over many cells: the level, aql and inspection cells are usually the same
 * for every row, so the last answer is reused while they stay the same.
 */
export function planOptionsReader(): (level: CellValue, aql: CellValue, inspection: CellValue) => Required<Omit<PlanOptions, 'edition'>> {
  let last: { level: CellValue; aql: CellValue; inspection: CellValue; options: Required<Omit<PlanOptions, 'edition'>> } | undefined;
  return (level, aql, inspection) => {
    if (!last || last.level !== level || last.aql !== aql || last.inspection !== inspection) {
      last = { level, aql, inspection, options: planOptions(level, aql, inspection) };
    }
    return last.options;
  };
}
