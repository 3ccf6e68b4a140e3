import { DEFAULT_HOLD_NOTICE_HOURS } from '../core/case/lifecycle';
import { InputError } from '../core/errors';
import { currencyCode } from '../core/money';
import { COST_SPLITS } from '../core/protocol/allocation';
import type { CostSplit } from '../core/protocol/allocation';
import { CONCESSION_GRADES } from '../core/protocol/concession';
import type { ConcessionGrade } from '../core/protocol/concession';
import { DEFECT_CATALOGUE } from '../core/protocol/defectCatalogue';
import type { DefectType, Threshold } from '../core/protocol/defectCatalogue';
import type { InspectionLevel, Severity } from '../core/sampling/tables';
import {
  DEFAULT_AQL_MAJOR,
  DEFAULT_AQL_MINOR,
  DEFAULT_LEVEL,
  DEFAULT_SEVERITY,
  checkAql,
  parseLevel,
  parseSeverity,
} from '../core/sampling/vocabulary';
import { SETTINGS } from './schema';
import { parseEdition } from '../core/sampling/switching';
import type { Edition } from '../core/sampling/switching';
import { readAll } from './table';
import type { Row } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The setting that keeps case IDs from ever being reused, even after a row is deleted. */
export const LAST_CASE_ID = 'Last case ID';
export const CASE_ID = /^RD-(\d{4})-(\d{4,})$/;

export interface Settings {
  /** The last case ID handed out, or "" before the first. */
  lastCaseId: string;
  /** The defect catalogue with any thresholds edited in RD Settings. */
  catalogue: DefectType[];
  level: InspectionLevel;
  aqlMajor: number;
  aqlMinor: number;
  severity: Severity;
  holdNoticeHours: number;
  currency: string;
  grades: ConcessionGrade[];
  splits: CostSplit[];
  /** Which switching rules move a factory between normal, tightened and reduced inspection. */
  edition: Edition;
}

export const DEFAULT_CURRENCY = 'USD';

interface SettingDef {
  name: string;
  value: string | number;
  notes: string;
  apply(settings: Settings, cell: unknown): void;
}

function numberIn(name: string, cell: unknown, min: number, max: number): number {
  const value = typeof cell === 'number' ? cell : Number(String(cell).trim().replace(/%$/, ''));
  const n = typeof cell === 'string' && cell.trim().endsWith('%') ? value / 100 : value;
  if (!Number.isFinite(n) || n < min || n > max)
    throw new InputError(`setting "${name}" must be a number from ${min} to ${max}; it is "${cell}".`);
  return n;
}

const defs: SettingDef[] = [
  {
    name: LAST_CASE_ID,
    value: '',
    notes: 'written by Rework Desk when it opens a case, so that no case ID is ever used twice; leave it as it is',
    apply: (s, cell) => {
      const id = String(cell).trim();
      if (!CASE_ID.test(id)) throw new InputError(`setting "${LAST_CASE_ID}" must be a case ID such as RD-2026-0007; it is "${cell}".`);
      s.lastCaseId = id;
    },
  },
  {
    name: 'Inspection level',
    value: DEFAULT_LEVEL,
    notes: `default ${DEFAULT_LEVEL}; I, II, III, S-1 to S-4`,
    apply: (s, cell) => (s.level = parseLevel(String(cell))),
  },
  {
    name: 'AQL major',
    value: DEFAULT_AQL_MAJOR,
    notes: `default ${DEFAULT_AQL_MAJOR}; a standard AQL`,
    apply: (s, cell) => (s.aqlMajor = checkAql(numberIn('AQL major', cell, 0, 1000))),
  },
  {
    name: 'AQL minor',
    value: DEFAULT_AQL_MINOR,
    notes: `default ${DEFAULT_AQL_MINOR}; a standard AQL`,
    apply: (s, cell) => (s.aqlMinor = checkAql(numberIn('AQL minor', cell, 0, 1000))),
  },
  {
    name: 'Severity',
    value: DEFAULT_SEVERITY,
    notes: `default ${DEFAULT_SEVERITY}; normal, tightened or reduced`,
    apply: (s, cell) => (s.severity = parseSeverity(String(cell))),
  },
  {
    name: 'Switching rules',
    value: 'ISO 2859-1',
    notes: 'default ISO 2859-1 (with the switching score); or 105E (MIL-STD-105E / ANSI/ASQ Z1.4)',
    apply: (s, cell) => (s.edition = parseEdition(String(cell))),
  },
  {
    name: 'Hold notice hours',
    value: DEFAULT_HOLD_NOTICE_HOURS,
    notes: `default ${DEFAULT_HOLD_NOTICE_HOURS}; hours to tell the agent of a hold`,
    apply: (s, cell) => (s.holdNoticeHours = numberIn('Hold notice hours', cell, 0.25, 168)),
  },
  {
    name: 'Currency',
    value: DEFAULT_CURRENCY,
    notes: `default ${DEFAULT_CURRENCY}; the currency of new cases`,
    apply: (s, cell) => (s.currency = currencyCode('setting "Currency"', String(cell))),
  },
  ...CONCESSION_GRADES.map((grade): SettingDef => ({
    name: `Concession: ${grade.name}`,
    value: grade.default,
    notes: `default ${grade.default * 100}%; the protocol's range is ${grade.min * 100}–${grade.max * 100}%`,
    apply: (s, cell) => {
      const value = numberIn(`Concession: ${grade.name}`, cell, 0, 1);
      s.grades = s.grades.map((g) => (g.id === grade.id ? { ...g, default: value } : g));
    },
  })),
  ...COST_SPLITS.filter((split) => split.labour === split.other && split.other === split.repacking).map((split): SettingDef => ({
    name: `Factory share: ${split.name}`,
    value: split.labour,
    notes: `default ${split.labour * 100}%; the buyer pays the rest`,
    apply: (s, cell) => {
      const share = numberIn(`Factory share: ${split.name}`, cell, 0, 1);
      s.splits = s.splits.map((x) => (x.id === split.id ? { ...x, labour: share, other: share, repacking: share } : x));
    },
  })),
];

const LIMIT_KEYS = ['above', 'atLeast', 'below', 'atMost'] as const;
const LIMIT_WORDS: Record<(typeof LIMIT_KEYS)[number], string> = { above: 'above', atLeast: 'from', below: 'below', atMost: 'up to' };

function limitOf(threshold: Threshold): { key: (typeof LIMIT_KEYS)[number]; value: number } {
  const key = LIMIT_KEYS.find((k) => threshold[k] !== undefined)!;
  return { key, value: threshold[key]! };
}

const PLAIN: Record<(typeof LIMIT_KEYS)[number], (limit: string) => string> = {
  above: (l) => `above ${l}`,
  atLeast: (l) => `of ${l} or more`,
  below: (l) => `below ${l}`,
  atMost: (l) => `of ${l} or less`,
};

function plainRule(type: DefectType, context: string, threshold: Threshold): string {
  const { key, value } = limitOf(threshold);
  const where = context === 'any' ? '' : ` (${context})`;
  return `${type.measure!.quantity}${where} ${PLAIN[key](`${value} ${type.measure!.unit}`)} is ${threshold.class} (threshold set in RD Settings)`;
}

/** One setting per measured threshold of the catalogue: "Threshold: Colour deviation, major above (ΔE)". */
const thresholdDefs: SettingDef[] = DEFECT_CATALOGUE.flatMap((type) =>
  (type.criterion?.contexts ?? []).flatMap((context, c) =>
    context.thresholds.map((threshold, t): SettingDef => {
      const { key, value } = limitOf(threshold);
      const where = context.name === 'any' ? '' : ` (${context.name})`;
      const name = `Threshold: ${type.name}${where}, ${threshold.class} ${LIMIT_WORDS[key]} (${type.measure!.unit})`;
      return {
        name,
        value,
        notes: `default ${value}; ${threshold.rule}`,
        apply: (s, cell) => {
          const limit = numberIn(name, cell, 0, 1e9);
          if (limit === value) return;
          s.catalogue = s.catalogue.map((x) => {
            if (x.id !== type.id) return x;
            // The protocol's wording quotes its own numbers, so an edited context gets plain wording
            // built from the limits in force.
            const contexts = x.criterion!.contexts.map((ctx, i) => {
              if (i !== c) return ctx;
              const thresholds = ctx.thresholds.map((th, j) => (j !== t ? th : { ...th, [key]: limit }));
              return {
                ...ctx,
                thresholds: thresholds.map((th) => ({ ...th, rule: plainRule(x, ctx.name, th) })),
                withinTolerance: `${x.measure!.quantity}${ctx.name === 'any' ? '' : ` (${ctx.name})`} within the thresholds set in RD Settings`,
              };
            });
            return { ...x, criterion: { ...x.criterion!, contexts } };
          });
        },
      };
    }),
  ),
);

/** Worse classes must not become easier to reach than lesser ones: a major limit above a minor one, and so on. */
function checkThresholdOrder(catalogue: readonly DefectType[]): void {
  for (const type of catalogue) {
    for (const context of type.criterion?.contexts ?? []) {
      const limits = context.thresholds.map(limitOf);
      for (let i = 1; i < limits.length; i++) {
        const [worse, lesser] = [limits[i - 1], limits[i]];
        const higherIsWorse = worse.key === 'above' || worse.key === 'atLeast';
        if (higherIsWorse ? worse.value < lesser.value : worse.value > lesser.value) {
          throw new InputError(
            `the thresholds for ${type.name.toLowerCase()} are out of order: ${context.thresholds[i - 1].class} at ${worse.value} would come before ${context.thresholds[i].class} at ${lesser.value}.`,
          );
        }
      }
    }
  }
}

defs.push(...thresholdDefs);

/** The settings rows setup writes: name, default value, notes. */
export function settingRows(): Array<{ name: string; value: string | number; notes: string }> {
  return defs.map(({ name, value, notes }) => ({ name, value, notes }));
}

export function defaultSettings(): Settings {
  return {
    lastCaseId: '',
    level: DEFAULT_LEVEL,
    aqlMajor: DEFAULT_AQL_MAJOR,
    aqlMinor: DEFAULT_AQL_MINOR,
    severity: DEFAULT_SEVERITY,
    holdNoticeHours: DEFAULT_HOLD_NOTICE_HOURS,
    currency: DEFAULT_CURRENCY,
    catalogue: DEFECT_CATALOGUE.map((t) => ({ ...t })),
    grades: CONCESSION_GRADES.map((g) => ({ ...g })),
    splits: COST_SPLITS.map((s) => ({ ...s })),
    edition: 'ISO 2859-1',
  };
}

/** RD Settings as rows have it: blank values take the defaults; a bad value is an error that names the setting. */
export function settingsFromRows(rows: readonly Row[]): Settings {
  const settings = defaultSettings();
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const values of rows) {
    const def = byName.get(String(values.setting).trim());
    const cell = values.value;
    if (def && cell !== '' && cell !== undefined) def.apply(settings, cell);
  }
  checkThresholdOrder(settings.catalogue);
  return settings;
}

/**
 * The defect catalogue with the thresholds set in rows of RD Settings (name, value): what a formula
 * given the settings range classifies by. Other rows (the header, blanks, other settings) are ignored.
 */
export function catalogueFromRows(rows: ReadonlyArray<readonly unknown[]>): DefectType[] {
  const settings = defaultSettings();
  const byName = new Map(thresholdDefs.map((d) => [d.name, d]));
  for (const [name, value] of rows) {
    const def = byName.get(String(name ?? '').trim());
    if (def && value !== '' && value !== null && value !== undefined) def.apply(settings, value);
  }
  checkThresholdOrder(settings.catalogue);
  return settings.catalogue;
}

/** Reads RD Settings. */
export function readSettings(spreadsheet: Spreadsheet): Settings {
  return settingsFromRows(readAll(spreadsheet, SETTINGS, 'setting', []).map((r) => r.values));
}
