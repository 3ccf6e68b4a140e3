/**
 * What a document is made from: the case's recorded facts, as plain data (times as ISO strings,
 * figures as recorded). The tracker gathers them; the documents only format them, so a printed
 * figure is always the one the workbook holds.
 */
import type { NewCase } from '../core/case/lifecycle';
import type { CostSplit } from '../core/protocol/allocation';
import type { ConcessionGrade } from '../core/protocol/concession';
import type { DefectType } from '../core/protocol/defectCatalogue';

export interface PlanFacts {
  aql: number;
  acceptance: number;
  rejection: number;
  found: number;
}

export interface InspectionFacts {
  kind: 'OQC' | 'Re-inspection';
  at: string;
  place: string;
  inspector: string;
  level: string;
  severity: string;
  /** The minor class's severity: the switching rules run per class. */
  severityMinor: string;
  letter: string;
  sampleSize: number;
  major: PlanFacts;
  minor: PlanFacts;
  criticalFound: number;
  /** Re-inspection: reworked and adjacent units inspected one by one, and those that failed. */
  fullInspection: number;
  fullInspectionFailures: number;
  newMajor: number;
  verdict: string;
  reasons: string[];
}

export interface DefectFacts {
  unitRef: string;
  carton: string;
  /** The catalogue's id, for the type's Chinese name; "" when the type is no longer in the catalogue. */
  typeId: string;
  defectType: string;
  measurement: string;
  context: string;
  class: string;
  rule: string;
  /** The deciding rule in Chinese, from the same threshold; "" when it cannot be matched to one. */
  ruleZh: string;
  cause: string;
  inRejectBox: boolean;
  functional: boolean;
  /** Where it was found: OQC or re-inspection cycle N. */
  foundAt: string;
}

export interface ReworkFacts {
  cycle: number;
  cause: string;
  causeId: string;
  /** The split the cause triggers, as the factory's share of labour, other costs and repacking. */
  split: { labour: number; other: number; repacking: number; rule: string };
  factoryPaysAll: boolean;
  units: number;
  scope: string[];
  leftOut: string;
  quotedPrice: number | null;
  labourMinutes: number | null;
  /** Labour minutes ÷ 60 × hourly rate, worked out by the core's cost formula. */
  labourPerUnit: number | null;
  hourlyRate: number | null;
  consumables: number | null;
  qcAllocation: number;
  costPerUnit: number;
  totalCost: number;
  factoryShare: number;
  buyerShare: number;
  days: number | null;
  hoursPerDay: number | null;
  operators: number | null;
  operatorsNeeded: number | null;
  unitsPerDay: number | null;
  personHours: number | null;
  milestones: string;
  agreedAt: string;
  /** The re-inspection the agreement commits to: 100% of these, Level III on the rest. */
  reinspection: {
    fullInspection: number;
    remainder: number;
    letter: string;
    sampleSize: number;
    majorAc: number;
    majorRe: number;
    minorAc: number;
    minorRe: number;
  };
}

/** The lot as the case records it: the same fields the case was opened with. */
export interface CaseFacts extends Pick<NewCase, 'factory' | 'style' | 'po' | 'orderValue' | 'currency' | 'lotSize'> {
  id: string;
  timeZone: string;
  status: string;
  holdAt: string;
  /** The deadline to tell the agent of the hold. */
  notifyBy: string;
  cartonsSealed: number | null;
  agentNotifiedAt: string;
  quarantined: boolean;
  oqc?: InspectionFacts;
  defects: DefectFacts[];
  evidence: Array<{ unitRef: string; links: Record<string, string> }>;
  rework: ReworkFacts[];
  concession?: { discount: number; credit: number };
  reinspections: InspectionFacts[];
  settlement?: {
    orderValue: number;
    reworkCost: number;
    factoryRework: number;
    buyerRework: number;
    concessionDiscount: number;
    concessionCredit: number;
    valueKept: number;
    recoveryRate: number;
    settledAt: string;
    releasedAt: string;
  };
}

/** The workbook's protocol settings: what the PO quality annex puts in contract terms. */
export interface AnnexFacts {
  level: string;
  severity: string;
  aqlMajor: number;
  aqlMinor: number;
  holdNoticeHours: number;
  currency: string;
  catalogue: DefectType[];
  splits: CostSplit[];
  grades: ConcessionGrade[];
  savingsShare: number;
}
