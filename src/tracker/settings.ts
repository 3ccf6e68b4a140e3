import { DEFAULT_HOLD_NOTICE_HOURS } from '../core/case/lifecycle';
import { InputError } from '../core/errors';
import { COST_SPLITS } from '../core/protocol/allocation';
import type { CostSplit } from '../core/protocol/allocation';
import { CONCESSION_GRADES } from '../core/protocol/concession';
import type { ConcessionGrade } from '../core/protocol/concession';
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
import { load } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Settings {
  level: InspectionLevel;
  aqlMajor: number;
  aqlMinor: number;
  severity: Severity;
  holdNoticeHours: number;
  currency: string;
  grades: ConcessionGrade[];
  splits: CostSplit[];
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
    name: 'Hold notice hours',
    value: DEFAULT_HOLD_NOTICE_HOURS,
    notes: `default ${DEFAULT_HOLD_NOTICE_HOURS}; hours to tell the agent of a hold`,
    apply: (s, cell) => (s.holdNoticeHours = numberIn('Hold notice hours', cell, 0.25, 168)),
  },
  {
    name: 'Currency',
    value: DEFAULT_CURRENCY,
    notes: `default ${DEFAULT_CURRENCY}; the currency of new cases`,
    apply: (s, cell) => {
      const code = String(cell).trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(code))
        throw new InputError(`setting "Currency" must be a three-letter code such as USD or CNY; it is "${cell}".`);
      s.currency = code;
    },
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

/** The settings rows setup writes: name, default value, notes. */
export function settingRows(): Array<{ name: string; value: string | number; notes: string }> {
  return defs.map(({ name, value, notes }) => ({ name, value, notes }));
}

export function defaultSettings(): Settings {
  return {
    level: DEFAULT_LEVEL,
    aqlMajor: DEFAULT_AQL_MAJOR,
    aqlMinor: DEFAULT_AQL_MINOR,
    severity: DEFAULT_SEVERITY,
    holdNoticeHours: DEFAULT_HOLD_NOTICE_HOURS,
    currency: DEFAULT_CURRENCY,
    grades: CONCESSION_GRADES.map((g) => ({ ...g })),
    splits: COST_SPLITS.map((s) => ({ ...s })),
  };
}

/** Reads RD Settings: blank values take the defaults; a bad value is an error that names the setting. */
export function readSettings(spreadsheet: Spreadsheet): Settings {
  const settings = defaultSettings();
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const { values } of load(spreadsheet, SETTINGS).rows) {
    const def = byName.get(String(values.setting).trim());
    const cell = values.value;
    if (def && cell !== '' && cell !== undefined) def.apply(settings, cell);
  }
  return settings;
}
