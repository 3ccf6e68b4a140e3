import { InputError } from '../errors';
import { namedTable } from '../text';
import type { NamedTable } from '../text';
import { nonNegative, wholeCount } from '../checks';

/**
 * Acceptance with concession: discount grades per affected unit (the article's ranges). The default
 * of each grade is the point the article's worked example uses (10% and 20%) and, for functional
 * defects, which it gives no example of, the middle of the range.
 */
export interface ConcessionGrade {
  id: string;
  name: string;
  aliases: readonly string[];
  min: number;
  max: number;
  default: number;
}

export const CONCESSION_GRADES: readonly ConcessionGrade[] = [
  { id: 'minor-blemish', name: 'Minor blemish', aliases: ['minor', 'blemish'], min: 0.05, max: 0.1, default: 0.1 },
  { id: 'noticeable-cosmetic', name: 'Noticeable cosmetic', aliases: ['cosmetic', 'noticeable'], min: 0.15, max: 0.25, default: 0.2 },
  { id: 'functional-but-usable', name: 'Functional but usable', aliases: ['functional', 'usable'], min: 0.3, max: 0.5, default: 0.4 },
];

/** The article's share of the rework cost the factory saves that goes to the buyer as extra discount. */
export const DEFAULT_SAVINGS_SHARE = 0.5;

export type GradeTable = NamedTable<ConcessionGrade>;

export function gradeTable(grades: readonly ConcessionGrade[] = CONCESSION_GRADES): GradeTable {
  return namedTable(grades, (asked, names) => `unknown grade "${asked}"; use ${names}, or a discount such as 10%.`);
}

export interface AffectedGroup {
  /** Share of the lot affected, 0–1. */
  share: number;
  /** Discount on those units, 0–1. */
  discount: number;
}

export interface ConcessionInput {
  groups: readonly AffectedGroup[];
  /** Rework cost the factory saves by not reworking. */
  reworkCostSaved?: number;
  shipmentValue?: number;
  savingsShare?: number;
}

export interface Concession {
  /** Σ share × grade discount. */
  blended: number;
  /** savings share × rework cost saved ÷ shipment value. */
  fromSavings: number;
  /** Total discount, as a fraction of the shipment value. */
  discount: number;
  /** The credit in money, when the shipment value is known. */
  credit?: number;
}

function fraction(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new InputError(`${name} must be between 0 and 1 (0% to 100%); got ${value}.`);
}

/** Blended discount = Σ (share of lot affected × grade discount) + a share of the rework cost saved. */
export function concessionDiscount(input: ConcessionInput): Concession {
  let shares = 0;
  let blended = 0;
  for (const group of input.groups) {
    fraction('an affected share', group.share);
    fraction('a discount', group.discount);
    shares += group.share;
    blended += group.share * group.discount;
  }
  if (shares > 1 + 1e-9) throw new InputError(`the affected shares add up to ${round(shares * 100)}%; they cannot exceed 100% of the lot.`);
  const saved = input.reworkCostSaved ?? 0;
  const savingsShare = input.savingsShare ?? DEFAULT_SAVINGS_SHARE;
  nonNegative('rework cost saved', saved);
  fraction('savings share', savingsShare);
  let fromSavings = 0;
  if (saved > 0) {
    if (input.shipmentValue === undefined || !(input.shipmentValue > 0)) {
      throw new InputError('a shipment value above 0 is needed to turn the rework cost saved into a discount.');
    }
    fromSavings = (savingsShare * saved) / input.shipmentValue;
  }
  const discount = blended + fromSavings;
  const concession: Concession = { blended, fromSavings, discount };
  if (input.shipmentValue !== undefined) {
    nonNegative('shipment value', input.shipmentValue);
    concession.credit = discount * input.shipmentValue;
  }
  return concession;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface ConcessionComparisonInput {
  /** Units with the defects a concession would accept. */
  affectedUnits: number;
  /** Concession credit the buyer would receive. */
  concessionCredit: number;
  /** Expected share of affected units that come back from customers, 0–1. */
  returnRate: number;
  /** What one return costs the buyer: shipping, restocking, lost unit (the article: USD 8–12 a bag). */
  costPerReturn: number;
  /** The buyer's share of the rework cost if the lot is reworked instead (0 when the factory pays). */
  buyerReworkCost?: number;
  /** Any critical defect rules a concession out. */
  hasCritical?: boolean;
}

export interface ConcessionComparison {
  expectedReturnsCost: number;
  /** Credit less the returns it brings, for the buyer. */
  concessionNet: number;
  /** What rework costs the buyer. */
  reworkNet: number;
  recommendation: 'concession' | 'rework';
  reasons: string[];
}

/** Concession against rework, from the buyer's side, with the expected cost of returns counted. */
export function compareConcessionToRework(input: ConcessionComparisonInput): ConcessionComparison {
  wholeCount('affected units', input.affectedUnits);
  nonNegative('concession credit', input.concessionCredit);
  fraction('return rate', input.returnRate);
  nonNegative('cost per return', input.costPerReturn);
  const buyerRework = input.buyerReworkCost ?? 0;
  nonNegative('buyer rework cost', buyerRework);
  const expectedReturnsCost = input.affectedUnits * input.returnRate * input.costPerReturn;
  const concessionNet = input.concessionCredit - expectedReturnsCost;
  const reworkNet = 0 - buyerRework; // not -buyerRework: that is -0 when the factory pays all
  const reasons: string[] = [];
  let recommendation: 'concession' | 'rework';
  if (input.hasCritical) {
    recommendation = 'rework';
    reasons.push('a critical defect rules out a concession: the whole lot is quarantined');
  } else if (concessionNet > reworkNet) {
    recommendation = 'concession';
    reasons.push(
      `the credit (${round(input.concessionCredit)}) exceeds the expected cost of returns (${round(expectedReturnsCost)}) by more than rework would cost the buyer (${round(buyerRework)})`,
    );
  } else {
    recommendation = 'rework';
    reasons.push(
      `expected returns (${round(expectedReturnsCost)}) eat the credit (${round(input.concessionCredit)}); rework costs the buyer ${round(buyerRework)}`,
    );
  }
  return { expectedReturnsCost, concessionNet, reworkNet, recommendation, reasons };
}
