/**
 * The sidebar ↔ server contract. Plain JSON only: google.script.run cannot carry Date, so every
 * time is an ISO 8601 string. Each handler answers a Result: the data, or a message for the user.
 */
import type { CostSplit } from '../core/protocol/allocation';
import type { ConcessionGrade } from '../core/protocol/concession';
import type { DefectType } from '../core/protocol/defectCatalogue';

export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

/** Handler names as the sidebar calls them through google.script.run. */
export const HANDLERS = [
  'rdSetupTracker',
  'rdListCases',
  'rdGetSettings',
  'rdGetCase',
  'rdCreateCase',
  'rdRecordInspection',
  'rdRecordAgentNotified',
  'rdAddDefects',
  'rdSaveEvidence',
  'rdAgree',
  'rdLogReworkedUnit',
  'rdSignChecklist',
  'rdCompleteRework',
  'rdRecordReinspection',
  'rdSettle',
  'rdCorrect',
  'rdReopen',
  'rdReadSelection',
  'rdGetDocument',
  'rdFactoryStatus',
  'rdRefreshScorecard',
  'rdListClients',
  'rdSaveClient',
  'rdShareWithClient',
  'rdSyncClientViews',
  'rdSetCaseClient',
  'rdSaveInternalNotes',
] as const;
export type HandlerName = (typeof HANDLERS)[number];

export interface CreateCaseRequest {
  factory: string;
  style: string;
  po?: string;
  orderValue: number;
  currency?: string;
  lotSize: number;
  level?: string;
  aqlMajor?: number;
  aqlMinor?: number;
  /** Blank: the severity the factory's record calls for (its switching state), per class. */
  severity?: string;
  severityMinor?: string;
  /** The brand client's key (RD Clients): its live view shows the case. */
  client?: string;
  /** For the agent's side only: no client view ever carries them. */
  internalNotes?: string;
}

/** A brand client and its view's choices; `key` names an existing client, none creates one. */
export interface SaveClientRequest {
  key?: string;
  name: string;
  readers: string[];
  showFactory?: boolean;
  includeEvidenceLinks?: boolean;
}

export interface ShareRequest {
  clientKey: string;
  /** Make a new file when the recorded one is in the trash or gone: never done unasked. */
  recreate?: boolean;
}

export interface SetCaseClientRequest {
  caseId: string;
  /** "" takes the case out of every client's view. */
  clientKey: string;
  reason: string;
}

/** A client's live view as the desk shows it. */
export interface ClientViewState {
  clientKey: string;
  client: string;
  /** No file yet: the client has not been shared with. */
  shared: boolean;
  upToDate: boolean;
  /** What is wrong, in words, when it is not up to date. */
  problem: string;
  /** The recorded file is in the trash or gone: the desk offers to make a new one. */
  canRecreate: boolean;
  /** A retry can mend it: not for a file gone for good, nor for another agent's file. */
  canRetry: boolean;
  fileUrl: string;
  /** Who made the file: only they can write it (drive.file). */
  fileOwner: string;
  updatedAt: string;
}

export interface ClientInfo extends ClientViewState {
  name: string;
  readers: string[];
  showFactory: boolean;
  includeEvidenceLinks: boolean;
  cases: number;
}

export interface SyncResult {
  views: ClientViewState[];
  /** Cases whose Client cell names no client in RD Clients (typed into the sheet): in no view. */
  strays: string[];
  /** Client files this agent made for this tracker that no row of RD Clients records (a row deleted by hand), with who can still read them. */
  orphans: Array<{ title: string; client: string; fileUrl: string; readers: string[] }>;
}

export interface InspectionRequest {
  caseId: string;
  inspector: string;
  at?: string;
  /** Where the lot was inspected: the factory's warehouse, a third-party lab. */
  place?: string;
  /** Cartons sealed with hold tags, when the lot is held. */
  cartonsSealed?: number;
  criticalFound: number;
  majorFound: number;
  minorFound: number;
}

export interface AgentNotifiedRequest {
  caseId: string;
  at?: string;
  /** Cartons sealed with hold tags, when the OQC did not record them. */
  cartonsSealed?: number;
}

export interface DefectInput {
  unitRef: string;
  carton?: string;
  defectType: string;
  measurement?: number | string;
  context?: string;
  cause?: string;
  inRejectBox?: boolean;
}

export interface AddDefectsRequest {
  caseId: string;
  defects: DefectInput[];
}

export interface EvidenceRequest {
  caseId: string;
  unitRef: string;
  wide?: string;
  closeUp?: string;
  vsApproved?: string;
  measurement?: string;
  batchContext?: string;
  video?: string;
}

export interface ReworkTerms {
  cause: string;
  units: number;
  labourMinutes: number;
  hourlyRate: number;
  consumables?: number;
  qcAllocation?: number;
  days?: number;
  hoursPerDay?: number;
  operators?: number;
}

export interface ConcessionTerms {
  /** Share of the lot affected (0–1) and its discount (0–1) or grade name, per group. */
  groups: Array<{ share: number; discount?: number; grade?: string }>;
  reworkCostSaved?: number;
}

export interface AgreeRequest {
  caseId: string;
  rework?: ReworkTerms;
  concession?: ConcessionTerms;
  overrideReason?: string;
}

export interface ReworkedUnitRequest {
  caseId: string;
  unitRef: string;
  operatorId: string;
  at?: string;
  nature: string;
  signedOffBy: string;
}

export interface ChecklistRequest {
  caseId: string;
  materialsVerified?: boolean;
  dedicatedStation?: boolean;
  seniorOperators?: boolean;
  inspectorSignOff?: boolean;
}

export interface ReinspectionRequest {
  caseId: string;
  inspector: string;
  at?: string;
  /** Where the re-inspection took place: printed on the re-inspection report. */
  place?: string;
  adjacentUnits?: number;
  fullInspectionFailures: number;
  sampleCritical?: number;
  sampleMajor: number;
  sampleMinor: number;
  newMajorDefects: number;
}

/** The protocol's documents: a case's five, and the workbook's PO quality annex (no case). */
export type DocumentKindName = 'hold-notice' | 'evidence' | 'rework-agreement' | 'reinspection' | 'settlement' | 'po-annex';
export type DocumentLanguage = 'en' | 'zh' | 'both';

export interface DocumentRequest {
  caseId?: string;
  kind: DocumentKindName;
  /** Defaults to both side by side for factory-facing documents. */
  language?: DocumentLanguage;
}

/** An issued document: its page, and the revision and fingerprint printed on it (and recorded in RD Documents). */
export interface DocumentView {
  kind: DocumentKindName;
  language: DocumentLanguage;
  title: string;
  html: string;
  fingerprint: string;
  revision: number;
  /** True when this call recorded a new issue; false when the same revision was issued before. */
  newIssue: boolean;
}

export interface CaseIdRequest {
  caseId: string;
}

export interface CaseSummary {
  id: string;
  status: string;
  statusLabel: string;
  factory: string;
  style: string;
  lotSize: number;
  nextStep: string;
  holdOverdue: boolean;
  updatedAt: string;
  /** When the case was opened (ISO): its age in the picker. */
  createdAt: string;
}

/** The user's selection in the sheet: its cells as text and, on a tracker sheet, the case of its first row. */
export interface SelectionView {
  sheet: string;
  a1: string;
  rows: string[][];
  caseId?: string;
}

/** The case picker's list: open cases, the most recent closed ones, and rows that could not be read. */
export interface CaseList {
  cases: CaseSummary[];
  /** Closed cases not listed (older than the most recent ones). */
  olderClosed: number;
  /** Rows of RD Cases that could not be read, each naming its sheet, row and column. */
  problems: string[];
}

export interface PlanView {
  letter: string;
  sampleSize: number;
  acceptance: number;
  rejection: number;
}

export interface CaseView extends CaseSummary {
  /** The spreadsheet's time zone (IANA name): the sidebar shows and reads every time in it. */
  timeZone: string;
  po: string;
  orderValue: number;
  currency: string;
  level: string;
  aqlMajor: number;
  aqlMinor: number;
  severity: string;
  /** The minor class's severity (the switching rules run per class). */
  severityMinor: string;
  /** The workbook's edition of the standard: ISO 2859-1's reduced plans have Re = Ac + 1. */
  edition: 'ISO 2859-1' | '105E';
  inspector: string;
  holdAt: string;
  notifyBy: string;
  agentNotifiedAt: string;
  quarantined: boolean;
  reworkCycle: number;
  factoryPaysNextCycle: boolean;
  planMajor: PlanView;
  planMinor: PlanView;
  defects: Array<{
    unitRef: string;
    defectType: string;
    measurement: string;
    class: string;
    rule: string;
    cause: string;
    functional: boolean;
  }>;
  evidenceGaps: Array<{ unitRef: string; missing: string[] }>;
  inspections: Array<{
    kind: string;
    at: string;
    inspector: string;
    verdict: string;
    reasons: string;
    /** The counts and the plan they were judged against. */
    criticalFound: number;
    majorFound: number;
    minorFound: number;
    sampleSize: number;
    majorAc: number;
    minorAc: number;
  }>;
  rework?: {
    cycle: number;
    cause: string;
    units: number;
    totalCost: number;
    factoryShare: number;
    buyerShare: number;
    operatorsNeeded: number | null;
    /** The units this cycle must cover, and those already in the Reworked log. */
    scope: string[];
    logged: string[];
    checklist: Record<string, boolean>;
    /** The agreed days after the agreement, as an ISO time; "" when no days were agreed. */
    expectedBy: string;
  };
  reworkedUnits: number;
  /** The case's money so far, every rework cycle and any concession agreed: the desk's running card. */
  money: {
    orderValue: number;
    reworkCost: number;
    factoryShare: number;
    buyerShare: number;
    concessionCredit: number;
    valueKept: number;
    recoveryRate: number;
  };
  /** The links recorded per defective unit: photo kind (or "video") → link. */
  evidence: Array<{ unitRef: string; links: Record<string, string> }>;
  settlement?: { valueKept: number; recoveryRate: number; concessionCredit: number; reworkCost: number };
  /** The documents the case's stage allows, in protocol order. */
  documents: DocumentKindName[];
  cartonsSealed: number | null;
  /** The blended concession discount agreed (0–1), or null. */
  concessionDiscount: number | null;
  /** The brand client's key and name ("" when none); the case shows in that client's live view. */
  client: string;
  clientName: string;
  /** The agent's own notes: never in a client's view. */
  internalNotes: string;
  /** The client's live view, when the client has been shared with. */
  clientView?: ClientViewState;
}

/** The workbook's settings as the sidebar needs them, so its live figures match the server's. */
export interface SettingsView {
  level: string;
  aqlMajor: number;
  aqlMinor: number;
  severity: string;
  currency: string;
  catalogue: DefectType[];
  splits: CostSplit[];
  grades: ConcessionGrade[];
  /** RD People: the names and IDs the desk offers for inspectors, operators and sign-offs. */
  people: Array<{ name: string; role: string; id: string }>;
  /** Changes whenever a setting does: a save sends back the settings only when the sidebar's stamp is stale. */
  stamp: string;
}

/** A factory's switching severity per class for its next case, with why (the switching rules of the workbook's edition). */
export interface FactoryStatusView {
  edition: string;
  major: { severity: string; score: number | null; reason: string };
  minor: { severity: string; score: number | null; reason: string };
  /** Inspection is discontinued until the factory's corrective action is recorded in RD Factories. */
  discontinued: boolean;
  lots: number;
}

export interface ScorecardResult {
  factories: number;
  charts: number;
  /** Cells that could not be read (their rows count as far as they could be read). */
  problems: number;
}

export interface SetupResult {
  /** False when something could not be reconciled: then nothing was written. */
  ok: boolean;
  created: string[];
  /** Sheet name → headers added at the end. */
  columnsAdded: Record<string, string[]>;
  settingsAdded: string[];
  unchanged: string[];
  problems: string[];
}
