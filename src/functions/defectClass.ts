import { InputError } from '../core/errors';
import { catalogue, classifyDefect } from '../core/protocol/classify';
import type { DefectClassification } from '../core/protocol/classify';
import { catalogueFromRows } from '../tracker/settings';
import { BLANK, asGrid, broadcast, formula, isBlank, toText, unwrapSingle } from './args';
import type { CellValue } from './args';

/**
 * The catalogue a formula classifies by: the built-in one, or — given the RD Settings range
 * ('RD Settings'!A:B) — the thresholds as edited there, the same the case desk uses.
 */
function typesFrom(fn: string, settings: unknown) {
  if (settings === undefined || isBlank(settings)) return undefined;
  return formula(fn, () => {
    const grid = asGrid(fn, 'settings', settings);
    if (grid[0].length < 2) throw new InputError(`settings must be two columns, setting and value, such as 'RD Settings'!A:B.`);
    return catalogue(catalogueFromRows(grid));
  });
}

function classifyCells(
  fn: string,
  defectType: unknown,
  measurement: unknown,
  context: unknown,
  settings: unknown,
  read: (c: DefectClassification) => string,
) {
  const types = typesFrom(fn, settings);
  return unwrapSingle(
    broadcast(
      fn,
      [
        { name: 'defect_type', value: defectType },
        { name: 'measurement', value: measurement },
        { name: 'context', value: context },
      ],
      ([type, measured, ctx]): CellValue => {
        if (isBlank(type)) return BLANK;
        const value = isBlank(measured) ? undefined : typeof measured === 'number' ? measured : toText('measurement', measured);
        return read(classifyDefect(toText('defect_type', type), value, isBlank(ctx) ? undefined : toText('context', ctx), types));
      },
    ),
  );
}

/** =DEFECT_CLASS(defect_type, [measurement], [context], [settings]) → CRITICAL, MAJOR, MINOR or OK. */
export function defectClass(defectType: unknown, measurement?: unknown, context?: unknown, settings?: unknown): CellValue | CellValue[][] {
  return classifyCells('DEFECT_CLASS', defectType, measurement, context, settings, (c) => c.classification.toUpperCase());
}

/** =DEFECT_RULE(defect_type, [measurement], [context], [settings]) → the rule that decides the class, in words. */
export function defectRule(defectType: unknown, measurement?: unknown, context?: unknown, settings?: unknown): CellValue | CellValue[][] {
  return classifyCells('DEFECT_RULE', defectType, measurement, context, settings, (c) => c.rule);
}
