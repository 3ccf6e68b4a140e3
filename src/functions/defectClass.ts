import { classifyDefect } from '../core/protocol/classify';
import type { DefectClassification } from '../core/protocol/classify';
import { BLANK, broadcast, isBlank, toText, unwrapSingle } from './args';
import type { CellValue } from './args';

function classifyCells(fn: string, defectType: unknown, measurement: unknown, context: unknown, read: (c: DefectClassification) => string) {
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
        return read(classifyDefect(toText('defect_type', type), value, isBlank(ctx) ? undefined : toText('context', ctx)));
      },
    ),
  );
}

/** =DEFECT_CLASS(defect_type, [measurement], [context]) → CRITICAL, MAJOR, MINOR or OK. */
export function defectClass(defectType: unknown, measurement?: unknown, context?: unknown): CellValue | CellValue[][] {
  return classifyCells('DEFECT_CLASS', defectType, measurement, context, (c) => c.classification.toUpperCase());
}

/** =DEFECT_RULE(defect_type, [measurement], [context]) → the rule that decides the class, in words. */
export function defectRule(defectType: unknown, measurement?: unknown, context?: unknown): CellValue | CellValue[][] {
  return classifyCells('DEFECT_RULE', defectType, measurement, context, (c) => c.rule);
}
