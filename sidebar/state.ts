// The desk's state: the protocol's steps, the case on screen, and the workbook's settings.
import { BEFORE_AGREEMENT } from '../src/core/case/lifecycle';
import type { CaseStatus } from '../src/core/case/lifecycle';
import { COST_SPLITS } from '../src/core/protocol/allocation';
import { CONCESSION_GRADES } from '../src/core/protocol/concession';
import { DEFECT_CATALOGUE } from '../src/core/protocol/defectCatalogue';
import { DEFAULT_AQL_MAJOR, DEFAULT_AQL_MINOR, DEFAULT_LEVEL, DEFAULT_SEVERITY } from '../src/core/sampling/vocabulary';
import type { CaseSummary, CaseView, ClientViewState, SettingsView } from '../src/shared/contract';

/** The protocol, one step at a time. */
export const STEPS = [
  { key: 'details', label: '1 Case' },
  { key: 'oqc', label: '2 OQC' },
  { key: 'hold', label: '3 Hold' },
  { key: 'defects', label: '4 Defects' },
  { key: 'evidence', label: '5 Evidence' },
  { key: 'agreement', label: '6 Agree' },
  { key: 'supervision', label: '7 Rework' },
  { key: 'reinspection', label: '8 Re-inspect' },
  { key: 'settlement', label: '9 Settle' },
] as const;
export type Step = (typeof STEPS)[number]['key'];
/** Steps that take more than one entry stay open while the case allows them, instead of moving on. */
export const STAYS_OPEN: Partial<Record<Step, readonly CaseStatus[]>> = {
  defects: BEFORE_AGREEMENT,
  evidence: ['classified', 'evidence-complete'],
  supervision: ['agreed'],
};
/** Where each status puts the user. */
export const STEP_OF: Record<CaseStatus, Step> = {
  open: 'oqc',
  'on-hold': 'defects',
  classified: 'evidence',
  'evidence-complete': 'agreement',
  agreed: 'supervision',
  'rework-done': 'reinspection',
  released: 'settlement',
  settled: 'settlement',
};
export const state: {
  cases: CaseSummary[];
  current?: CaseView;
  step: Step;
  needsSetup: boolean;
  /** A panel over the steps: the clients list. */
  panel?: 'clients';
  /** The client the clients panel's form edits; none adds one. */
  editingClient?: string;
  /** Client views the last save could not update, whoever's case is on screen (a move's old client too). */
  lateViews: ClientViewState[];
} = {
  lateViews: [],
  cases: [],
  step: 'details',
  needsSetup: false,
};
/** The workbook's settings: the protocol's defaults until the server's arrive. */
export let settings: SettingsView = {
  level: DEFAULT_LEVEL,
  aqlMajor: DEFAULT_AQL_MAJOR,
  aqlMinor: DEFAULT_AQL_MINOR,
  severity: DEFAULT_SEVERITY,
  currency: '',
  catalogue: [...DEFECT_CATALOGUE],
  splits: [...COST_SPLITS],
  grades: [...CONCESSION_GRADES],
  people: [],
  stamp: '',
};

/** The settings from the server replace the defaults (and any older settings). */
export function setSettings(next: SettingsView): void {
  settings = next;
}
