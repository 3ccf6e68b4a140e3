import { CASE_STATUSES } from '../core/case/lifecycle';
import { PHOTO_KINDS } from '../core/case/evidence';
import { COST_SPLITS } from '../core/protocol/allocation';
import { DEFECT_CLASSES } from '../core/protocol/defectCatalogue';
import { AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from '../core/sampling/tables';

/**
 * The tracker's workbook: every sheet's name and column list lives here and nowhere else.
 * Repositories find columns by header, so users may reorder them or add their own.
 */
export type ColumnType = 'text' | 'number' | 'money' | 'percent' | 'date' | 'boolean' | 'link' | 'formula';

export interface ColumnSpec {
  key: string;
  header: string;
  type: ColumnType;
  /** Dropdown values. */
  options?: readonly (string | number)[];
  /** Written by the add-on from the protocol's arithmetic: protected with a warning. */
  computed?: boolean;
  /** The warning's reason, when the column is protected for another reason than arithmetic. */
  protectedBecause?: string;
}

export interface SheetSpec {
  key: string;
  name: string;
  /** One line for the setup report and the README. */
  purpose: string;
  columns: readonly ColumnSpec[];
}

const t = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header, type: 'text', ...extra });
const of =
  (type: ColumnType) =>
  (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header, type, ...extra });
const n = of('number');
const money = of('money');
const pct = of('percent');
const date = of('date');
const bool = of('boolean');
const link = of('link');

const CLASS_OPTIONS = [...DEFECT_CLASSES.map((c) => c.toUpperCase()), 'OK'];
const CAUSE_OPTIONS = COST_SPLITS.map((s) => s.name);

export const CASES: SheetSpec = {
  key: 'cases',
  name: 'RD Cases',
  purpose: 'one row per disputed lot, from the OQC hold to the settlement',
  columns: [
    t('id', 'Case ID', { computed: true }),
    t('status', 'Status', { computed: true, options: CASE_STATUSES }),
    t('nextStep', 'Next step', { computed: true }),
    date('createdAt', 'Created', { computed: true }),
    t('factory', 'Factory'),
    t('style', 'Style'),
    t('po', 'PO'),
    // Set from the desk, so a move is logged with its reason: protected with a warning, as computed columns are.
    t('client', 'Client', {
      computed: true,
      protectedBecause: 'is set from the case desk, so a move to another client is logged with its reason.',
    }),
    money('orderValue', 'Order value'),
    t('currency', 'Currency'),
    n('lotSize', 'Lot size'),
    t('level', 'Inspection level', { options: INSPECTION_LEVELS }),
    n('aqlMajor', 'AQL major', { options: AQL_VALUES }),
    n('aqlMinor', 'AQL minor', { options: AQL_VALUES }),
    t('severity', 'Severity', { options: SEVERITIES }),
    t('severityMinor', 'Severity minor', { options: SEVERITIES }),
    t('inspector', 'OQC inspector'),
    date('holdAt', 'Hold notice at', { computed: true }),
    date('notifyBy', 'Tell agent by', { computed: true }),
    date('agentNotifiedAt', 'Agent told at'),
    n('cartonsSealed', 'Cartons sealed'),
    t('evidenceOverride', 'Evidence override reason'),
    bool('quarantined', 'Quarantined', { computed: true }),
    n('reworkCycle', 'Rework cycle', { computed: true }),
    bool('factoryPaysNextCycle', 'Factory pays next cycle', { computed: true }),
    bool('reworkAgreed', 'Rework agreed', { computed: true }),
    bool('concessionAgreed', 'Concession agreed', { computed: true }),
    pct('concessionDiscount', 'Concession discount', { computed: true }),
    money('concessionCredit', 'Concession credit', { computed: true }),
    bool('wasHeld', 'Was held', { computed: true }),
    bool('severityFromRecord', 'Severity from factory record', { computed: true }),
    date('updatedAt', 'Updated', { computed: true }),
    t('internalNotes', 'Internal notes (never shared)'),
  ],
};

export const INSPECTIONS: SheetSpec = {
  key: 'inspections',
  name: 'RD Inspections',
  purpose: 'the OQC inspection and every re-inspection, one row each',
  columns: [
    t('caseId', 'Case ID'),
    t('kind', 'Kind', { options: ['OQC', 'Re-inspection'] }),
    date('at', 'Date'),
    t('inspector', 'Inspector'),
    t('place', 'Place'),
    n('lotSize', 'Lot size'),
    t('level', 'Level', { options: INSPECTION_LEVELS }),
    t('severity', 'Severity', { options: SEVERITIES }),
    t('severityMinor', 'Severity minor', { options: SEVERITIES }),
    n('aqlMajor', 'AQL major', { options: AQL_VALUES }),
    n('aqlMinor', 'AQL minor', { options: AQL_VALUES }),
    n('majorFound', 'Major found'),
    n('minorFound', 'Minor found'),
    n('criticalFound', 'Critical found'),
    n('fullInspectionFailures', 'Failed at 100%'),
    n('newMajor', 'New major defects'),
    // What the add-on works out from the plan: after what was entered, so they protect as one block.
    n('fullInspection', 'Inspected 100%', { computed: true }),
    t('letter', 'Code letter', { computed: true }),
    n('sampleSize', 'Sample size', { computed: true }),
    n('majorAc', 'Major Ac', { computed: true }),
    n('majorRe', 'Major Re', { computed: true }),
    n('minorAc', 'Minor Ac', { computed: true }),
    n('minorRe', 'Minor Re', { computed: true }),
    t('verdict', 'Verdict', { computed: true, options: ['ACCEPT', 'REJECT', 'PASS', 'FAIL', 'VOID'] }),
    t('reasons', 'Reasons', { computed: true }),
    of('formula')('majorCheck', 'Major check (live)', { computed: true }),
  ],
};

export const DEFECTS: SheetSpec = {
  key: 'defects',
  name: 'RD Defects',
  purpose: 'one row per defective unit, classified by the measured criteria',
  columns: [
    t('caseId', 'Case ID'),
    t('unitRef', 'Unit'),
    t('carton', 'Carton'),
    t('defectType', 'Defect type'),
    t('measurement', 'Measurement'),
    t('context', 'Context'),
    t('cause', 'Cause', { options: CAUSE_OPTIONS }),
    bool('inRejectBox', 'In reject box'),
    t('foundAt', 'Found at', { computed: true }),
    t('class', 'Class', { computed: true, options: CLASS_OPTIONS }),
    t('rule', 'Deciding rule', { computed: true }),
    bool('functional', 'Functional', { computed: true }),
    date('recordedAt', 'Recorded', { computed: true }),
  ],
};

export const EVIDENCE: SheetSpec = {
  key: 'evidence',
  name: 'RD Evidence',
  purpose: 'the five photos (and a video for functional defects) per defective unit, as links',
  columns: [
    t('caseId', 'Case ID'),
    t('unitRef', 'Unit'),
    ...PHOTO_KINDS.map((k) => link(k.key, k.label)),
    link('video', 'Video'),
    bool('complete', 'Complete', { computed: true }),
    t('missing', 'Missing', { computed: true }),
  ],
};

export const REWORK: SheetSpec = {
  key: 'rework',
  name: 'RD Rework',
  purpose: 'each rework cycle: cost, allocation by cause, timeline, supervision checklist',
  columns: [
    t('caseId', 'Case ID'),
    n('cycle', 'Cycle', { computed: true }),
    t('scope', 'Units in scope', { computed: true }),
    t('cause', 'Cause', { options: CAUSE_OPTIONS }),
    n('units', 'Units'),
    t('leftOut', 'Left out, and why'),
    money('quotedPrice', 'Quoted price/unit'),
    n('labourMinutes', 'Labour min/unit'),
    money('hourlyRate', 'Hourly rate'),
    money('consumables', 'Consumables/unit'),
    money('qcAllocation', 'QC allocation/unit'),
    n('days', 'Days'),
    n('hoursPerDay', 'Hours/day'),
    n('operators', 'Operators assigned'),
    money('costPerUnit', 'Cost/unit', { computed: true }),
    money('totalCost', 'Total cost', { computed: true }),
    money('factoryShare', 'Factory pays', { computed: true }),
    money('buyerShare', 'Buyer pays', { computed: true }),
    n('operatorsNeeded', 'Operators needed', { computed: true }),
    n('unitsPerDay', 'Units/day', { computed: true }),
    t('milestones', 'Daily milestones', { computed: true }),
    bool('materialsVerified', 'Materials vs BOM'),
    bool('dedicatedStation', 'Dedicated station'),
    bool('seniorOperators', 'Senior operators'),
    bool('inspectorSignOff', 'Inspector sign-off'),
    date('agreedAt', 'Agreed', { computed: true }),
    date('doneAt', 'Done', { computed: true }),
  ],
};

export const REWORKED_UNITS: SheetSpec = {
  key: 'reworkedUnits',
  name: 'RD Reworked log',
  purpose: 'the "Reworked" sticker per unit: operator, date, nature of rework, sign-off',
  columns: [
    t('caseId', 'Case ID'),
    n('cycle', 'Cycle'),
    t('unitRef', 'Unit'),
    t('operatorId', 'Operator ID'),
    date('at', 'Date'),
    t('nature', 'Nature of rework'),
    t('signedOffBy', 'Signed off by'),
  ],
};

export const SETTLEMENTS: SheetSpec = {
  key: 'settlements',
  name: 'RD Settlements',
  purpose: 'the money of each closed case and its recovery rate',
  columns: [
    t('caseId', 'Case ID'),
    t('currency', 'Currency'),
    money('orderValue', 'Order value'),
    money('reworkCost', 'Rework cost', { computed: true }),
    money('factoryRework', 'Factory rework', { computed: true }),
    money('buyerRework', 'Buyer rework', { computed: true }),
    pct('concessionDiscount', 'Concession discount', { computed: true }),
    money('concessionCredit', 'Concession credit', { computed: true }),
    money('valueKept', 'Value kept', { computed: true }),
    pct('recoveryRate', 'Recovery rate', { computed: true }),
    date('settledAt', 'Settled', { computed: true }),
    t('voided', 'Voided, and why', { computed: true }),
  ],
};

export const LOG: SheetSpec = {
  key: 'log',
  name: 'RD Log',
  purpose: 'append-only record of every step: who, when, case, action, before and after',
  columns: [
    date('at', 'When'),
    t('user', 'Who'),
    t('caseId', 'Case ID'),
    t('action', 'Action'),
    t('before', 'Before'),
    t('after', 'After'),
  ],
};

export const DOCUMENTS: SheetSpec = {
  key: 'documents',
  name: 'RD Documents',
  purpose: 'every document issued: case, kind, language, revision, when, by whom, and the fingerprint printed on it',
  columns: [
    t('caseId', 'Case ID'),
    t('kind', 'Document'),
    t('language', 'Language'),
    n('revision', 'Revision'),
    t('fingerprint', 'Fingerprint'),
    date('issuedAt', 'Issued'),
    t('issuedBy', 'Issued by'),
  ],
};

export const FACTORIES: SheetSpec = {
  key: 'factories',
  name: 'RD Factories',
  purpose:
    'the factory scorecard, one row per factory: its record and its switching severity per class; tick reduced inspection approved, or date a corrective action, in the last two columns',
  columns: [
    t('factory', 'Factory', { computed: true }),
    t('severityMajor', 'Next lot: major', { computed: true }),
    t('severityMinor', 'Next lot: minor', { computed: true }),
    t('switching', 'Why', { computed: true }),
    n('lots', 'Lots inspected', { computed: true }),
    pct('firstPassRate', 'OQC first pass', { computed: true }),
    n('cases', 'Cases (lots held)', { computed: true }),
    n('criticalPer100', 'Critical /100 sampled', { computed: true }),
    n('majorPer100', 'Major /100 sampled', { computed: true }),
    n('minorPer100', 'Minor /100 sampled', { computed: true }),
    t('topDefects', 'Top defects', { computed: true }),
    t('reworkCost', 'Rework cost', { computed: true }),
    t('factoryShare', 'Factory paid', { computed: true }),
    t('concessionCredits', 'Concession credits', { computed: true }),
    n('meanDaysToRelease', 'Mean days hold → release', { computed: true }),
    pct('reinspectionFirstPass', 'Re-inspection first pass', { computed: true }),
    n('newMajorFailures', 'New-major failures', { computed: true }),
    pct('averageRecovery', 'Average recovery', { computed: true }),
    date('refreshedAt', 'Refreshed', { computed: true }),
    bool('reducedApproved', 'Reduced inspection approved'),
    date('correctiveActionAt', 'Corrective action on'),
  ],
};

/**
 * The brand clients: who may read each client's view, what it shows, and the file the add-on
 * keeps for it. Which case fields a client's view may carry is declared in clientView.ts.
 */
export const CLIENTS: SheetSpec = {
  key: 'clients',
  name: 'RD Clients',
  purpose:
    "the brand clients: each one's readers (emails) and choices, and the read-only spreadsheet Rework Desk keeps for it (Share with client in the desk)",
  columns: [
    t('clientKey', 'Client key', { computed: true }),
    t('name', 'Client'),
    t('readers', 'Readers (emails)'),
    bool('showFactory', 'Show factory name'),
    bool('includeEvidenceLinks', 'Include evidence links'),
    link('fileUrl', 'Client file', { computed: true }),
    t('fileId', 'File ID', { computed: true }),
    t('fileOwner', 'File created by', { computed: true }),
    t('viewStatus', 'View status', { computed: true }),
    date('viewUpdatedAt', 'View updated', { computed: true }),
    t('aliases', 'Factory aliases', { computed: true }),
  ],
};

/** Who inspects, reworks and signs: names picked in the desk, and the one spelling each is stored under. */
export const PEOPLE_ROLES = ['Inspector', 'Operator', 'Supervisor', 'Agent'] as const;
export const PEOPLE: SheetSpec = {
  key: 'people',
  name: 'RD People',
  purpose: 'the roster: inspectors, operators, supervisors and agents, with their IDs, offered in the desk',
  columns: [t('name', 'Name'), t('role', 'Role', { options: PEOPLE_ROLES }), t('personId', 'ID')],
};

export const SETTINGS: SheetSpec = {
  key: 'settings',
  name: 'RD Settings',
  purpose: 'the protocol defaults: edit a value, or clear it to go back to the default',
  columns: [t('setting', 'Setting'), t('value', 'Value'), t('notes', 'Default and allowed values')],
};

export const TRACKER_SHEETS: readonly SheetSpec[] = [
  CASES,
  INSPECTIONS,
  DEFECTS,
  EVIDENCE,
  REWORK,
  REWORKED_UNITS,
  SETTLEMENTS,
  DOCUMENTS,
  FACTORIES,
  CLIENTS,
  LOG,
  PEOPLE,
  SETTINGS,
];
