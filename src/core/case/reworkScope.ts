import { InputError } from '../errors';

/** A defective unit as recorded: its reference and class (CRITICAL, MAJOR, MINOR or OK). */
export interface RecordedUnit {
  unitRef: string;
  class: string;
}

export interface ReworkScope {
  /** The units the rework must cover, each to be in the Reworked log before rework is done. */
  units: string[];
  leftOut: string[];
}

/**
 * What a rework cycle covers: every major and critical unit recorded (every defective unit when
 * there are none), less the units the agreement leaves out — which it must name, with a reason.
 * The units to rework may be more (whole cartons) but never fewer, and never more than the lot.
 */
export function reworkScope(
  recorded: readonly RecordedUnit[],
  terms: { leftOut: readonly string[]; reason: string; unitsToRework: number; lotSize: number },
): ReworkScope {
  const defective = recorded.filter((u) => u.class !== 'OK');
  const serious = defective.filter((u) => u.class === 'MAJOR' || u.class === 'CRITICAL');
  const candidates = [...new Set((serious.length ? serious : defective).map((u) => u.unitRef))];
  const unknown = terms.leftOut.filter((unit) => !candidates.includes(unit));
  if (unknown.length) throw new InputError(`units left out must be units to rework in this case; ${unknown.join(', ')} is not.`);
  if (terms.leftOut.length && !terms.reason.trim()) throw new InputError('say why units are left out of the rework.');
  const units = candidates.filter((unit) => !terms.leftOut.includes(unit));
  if (units.length === 0)
    throw new InputError('there is no defective unit left to rework; agree a concession instead, or leave fewer units out.');
  if (terms.unitsToRework > terms.lotSize)
    throw new InputError(`units to rework (${terms.unitsToRework}) cannot exceed the lot size (${terms.lotSize}).`);
  if (terms.unitsToRework < units.length) {
    throw new InputError(
      `units to rework (${terms.unitsToRework}) must cover the ${units.length} ${serious.length ? 'major and critical' : 'defective'} unit(s) recorded; leave units out by name, with a reason, to rework fewer.`,
    );
  }
  return { units, leftOut: [...terms.leftOut] };
}

/** A scope as its cell holds it: one unit per line. */
export const scopeText = (units: readonly string[]) => units.join('\n');
export const scopeOf = (text: unknown) =>
  String(text ?? '')
    .split('\n')
    .map((u) => u.trim())
    .filter(Boolean);
