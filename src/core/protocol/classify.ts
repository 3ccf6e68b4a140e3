import { InputError } from '../errors';
import { nameKey, namedTable } from '../text';
import type { NamedTable } from '../text';
import { DEFECT_CATALOGUE } from './defectCatalogue';
import type { Classification, Criterion, DefectType, Threshold } from './defectCatalogue';

export interface DefectClassification {
  classification: Classification;
  /** The rule that decided it, for the report a factory is shown. */
  rule: string;
  type: DefectType;
  /** The context the thresholds came from, when the type has contexts. */
  context?: string;
  /** The threshold that decided it, for a measured defect over a limit. */
  threshold?: Threshold;
}

const FAIL_WORDS = new Set(['fail', 'failed', 'invalid', 'missing', 'none', 'no', 'expired']);

export type Catalogue = NamedTable<DefectType>;

/** A catalogue with its name lookup; the built-in one by default, a user-edited one later. */
export function catalogue(types: readonly DefectType[] = DEFECT_CATALOGUE): Catalogue {
  return namedTable(types, (asked, names) => `unknown defect type "${asked}"; known types: ${names}.`);
}

const BUILT_IN = catalogue();

function matches(threshold: Threshold, value: number): boolean {
  return (
    (threshold.above === undefined || value > threshold.above) &&
    (threshold.atLeast === undefined || value >= threshold.atLeast) &&
    (threshold.below === undefined || value < threshold.below) &&
    (threshold.atMost === undefined || value <= threshold.atMost)
  );
}

function contextOf(type: DefectType, criterion: Criterion, given: string | undefined) {
  const wanted = given === undefined || given.trim() === '' ? criterion.defaultContext : given;
  const names = criterion.contexts.map((c) => c.name).join(', ');
  if (wanted === undefined) throw new InputError(`${type.name.toLowerCase()} needs a context: ${names}.`);
  const key = nameKey(wanted);
  const context = criterion.contexts.find((c) => [c.name, ...(c.aliases ?? [])].some((n) => nameKey(n) === key));
  if (!context) throw new InputError(`context "${wanted}" does not apply to ${type.name.toLowerCase()}; use ${names}.`);
  return context;
}

/**
 * Classifies one defect: by its type alone, or by its measurement against the type's thresholds in
 * a context. A measurement inside every threshold is "ok" (within tolerance). The measurement is a
 * number for measured types, or a pass/fail word for checks such as flammability.
 */
/**
 * A measurement as typed: a decimal numeral ("0x10" is not 16 ΔE), optionally followed by the
 * type's own unit, as people write it ("3 mm", "1.8 ΔE", "120 ppm", "0.15%"). Another unit ("3 cm"
 * for a type measured in mm) is not converted: it reads as no number, and is refused.
 */
function measuredValue(text: string, unit: string): number {
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*)$/.exec(text.trim());
  if (!match) return NaN;
  const suffix = match[2].trim().toLowerCase();
  const accepted = [unit.toLowerCase(), unit.split(' ')[0].toLowerCase()];
  return suffix === '' || accepted.includes(suffix) ? Number(match[1]) : NaN;
}

export function classifyDefect(
  typeName: string,
  measurement?: number | string,
  context?: string,
  types: Catalogue = BUILT_IN,
): DefectClassification {
  const type = types.find(typeName);
  const blank = measurement === undefined || (typeof measurement === 'string' && measurement.trim() === '');

  if (type.passWords && !blank) {
    const word = nameKey(String(measurement));
    if (type.passWords.some((w) => nameKey(w) === word)) return { classification: 'ok', rule: `${type.name.toLowerCase()}: ${word}`, type };
    if (!FAIL_WORDS.has(word)) {
      throw new InputError(
        `${type.name.toLowerCase()} takes a pass or fail result (${type.passWords.join(', ')} / fail); got "${measurement}".`,
      );
    }
    return { classification: type.fixedClass!, rule: type.fixedRule!, type };
  }

  if (blank || !type.criterion) {
    if (type.fixedClass) return { classification: type.fixedClass, rule: type.fixedRule!, type };
    throw new InputError(`${type.name.toLowerCase()} needs a measurement: ${type.measure!.quantity} (${type.measure!.unit}).`);
  }

  const value = typeof measurement === 'number' ? measurement : measuredValue(String(measurement), type.measure!.unit);
  if (!Number.isFinite(value) || value < 0) {
    throw new InputError(
      `the measurement for ${type.name.toLowerCase()} must be a number of ${type.measure!.unit}, 0 or more; got ${JSON.stringify(measurement)}.`,
    );
  }
  const ctx = contextOf(type, type.criterion, context);
  const hit = ctx.thresholds.find((t) => matches(t, value));
  const where = ctx.name === 'any' ? undefined : ctx.name;
  return hit
    ? { classification: hit.class, rule: hit.rule, type, context: where, threshold: hit }
    : { classification: 'ok', rule: ctx.withinTolerance, type, context: where };
}
