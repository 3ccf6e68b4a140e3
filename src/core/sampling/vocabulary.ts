import { InputError } from '../errors';
import { AQL_LABELS, AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from './tables';
import type { InspectionLevel, Severity } from './tables';

/** The defaults of the protocol's OQC plan. */
export const DEFAULT_LEVEL: InspectionLevel = 'II';
export const DEFAULT_SEVERITY: Severity = 'normal';
/** The protocol's AQLs per defect class (Step 2); critical defects are zero tolerance. */
export const DEFAULT_AQL_MAJOR = 2.5;
export const DEFAULT_AQL_MINOR = 4.0;
/** A plan asked for without an AQL is the major-defect plan. */
export const DEFAULT_AQL = DEFAULT_AQL_MAJOR;
/** AQL 0 is not a column of the standard: it stands for zero tolerance (critical defects). */
export const ZERO_TOLERANCE = 0;

const LEVEL_ALIASES: Readonly<Record<string, InspectionLevel>> = {
  '1': 'I',
  '2': 'II',
  '3': 'III',
  I: 'I',
  II: 'II',
  III: 'III',
  S1: 'S-1',
  S2: 'S-2',
  S3: 'S-3',
  S4: 'S-4',
};

/** "II", "ii", "Level II", "2", "S-3", "s3" → the level; anything else is an InputError. */
export function parseLevel(text: string): InspectionLevel {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/^LEVEL\s*/, '')
    .replace(/\s/g, '')
    // "S-1" and "S 1" are S1; a dash anywhere else ("-1") is not a level.
    .replace(/^S-(\d)$/, 'S$1');
  const level = LEVEL_ALIASES[key];
  if (!level) {
    throw new InputError(`level "${text}" is not an inspection level; use one of ${INSPECTION_LEVELS.join(', ')}.`);
  }
  return level;
}

/** "normal", "Tightened", "R" → the severity; anything else is an InputError. */
export function parseSeverity(text: string): Severity {
  const key = text.trim().toLowerCase();
  const severity = SEVERITIES.find((s) => s === key || (key.length === 1 && s[0] === key));
  if (!severity) {
    throw new InputError(`inspection "${text}" is not a severity; use normal, tightened or reduced.`);
  }
  return severity;
}

const COLUMN_OF = new Map<number, number>(AQL_VALUES.map((v, i) => [v, i]));

/** Index of an AQL column, or -1. Tolerates float noise such as 0.1 + 0.2 - 0.2. */
export function aqlColumn(aql: number): number {
  return COLUMN_OF.get(aql) ?? AQL_VALUES.findIndex((v) => Math.abs(v - aql) <= v * 1e-9);
}

/** The standard AQL for a number: itself when it is one of the 26 columns (or 0), else an InputError naming the nearest. */
export function checkAql(aql: number): number {
  if (aql === ZERO_TOLERANCE) return aql;
  const column = aqlColumn(aql);
  if (column >= 0) return AQL_VALUES[column];
  if (!Number.isFinite(aql) || aql < 0) {
    throw new InputError(`AQL must be a standard value from 0.010 to 1000, or 0 for zero tolerance; got ${aql}.`);
  }
  const above = AQL_VALUES.findIndex((v) => v > aql);
  const nearest =
    above === -1
      ? `the largest is ${AQL_LABELS[AQL_LABELS.length - 1]}`
      : above === 0
        ? `the smallest is ${AQL_LABELS[0]}`
        : `the nearest are ${AQL_LABELS[above - 1]} and ${AQL_LABELS[above]}`;
  throw new InputError(`AQL ${aql} is not a standard AQL; ${nearest} (or 0 for zero tolerance).`);
}

/** How a user reads an AQL: "2.5", "0.010", "zero tolerance". */
export function aqlLabel(aql: number): string {
  if (aql === ZERO_TOLERANCE) return '0 (zero tolerance)';
  const column = aqlColumn(aql);
  return column >= 0 ? AQL_LABELS[column] : String(aql);
}
