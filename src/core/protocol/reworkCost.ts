import { nonNegative, wholeCount } from '../checks';

export interface ReworkCostInput {
  labourMinutes: number;
  /** Per hour, in the currency of the calculation. */
  hourlyRate: number;
  /** Per unit: thread, adhesive, replacement hardware… */
  consumables?: readonly number[];
  /** Per unit: the share of the QC re-inspection cost. */
  qcAllocation?: number;
}

export interface ReworkCost {
  labour: number;
  consumables: number;
  qcAllocation: number;
  perUnit: number;
  units: number;
  total: number;
}

/**
 * Rework cost per unit = labour minutes ÷ 60 × hourly rate + consumables + QC re-inspection
 * allocation; total = per unit × units. Every amount is in one currency: the article's own example
 * prices labour in RMB and the rest in USD, and its $12.50 only works with a rate of 25 USD/h.
 */
export function reworkCost(input: ReworkCostInput, units = 1): ReworkCost {
  const consumables = input.consumables ?? [];
  const qcAllocation = input.qcAllocation ?? 0;
  nonNegative('labour minutes', input.labourMinutes);
  nonNegative('hourly rate', input.hourlyRate);
  consumables.forEach((c) => nonNegative('consumables', c));
  nonNegative('QC allocation', qcAllocation);
  wholeCount('units', units);
  const labour = (input.labourMinutes / 60) * input.hourlyRate;
  const consumablesTotal = consumables.reduce((sum, c) => sum + c, 0);
  const perUnit = labour + consumablesTotal + qcAllocation;
  return { labour, consumables: consumablesTotal, qcAllocation, perUnit, units, total: perUnit * units };
}
