import { InputError } from '../errors';
import { nonNegative } from '../checks';

export interface SettlementInput {
  orderValue: number;
  /** Rework cost the factory pays. */
  factoryReworkCost: number;
  /** Rework cost the buyer pays (its share by cause). */
  buyerReworkCost?: number;
  /** Concession credit against the final balance. */
  concessionCredit?: number;
}

export interface Settlement {
  orderValue: number;
  reworkCost: number;
  concessionCredit: number;
  /** What the factory gives up: its rework cost and the credit. */
  factoryCost: number;
  /** What the buyer pays for the goods after the credit, plus its rework share. */
  buyerPays: number;
  /** The factory's revenue from the order after the credit and its rework cost. */
  factoryNet: number;
  /** Order value − rework cost − concession credit. */
  valueKept: number;
  /** The article's recovery rate: value kept ÷ order value. */
  recoveryRate: number;
}

/**
 * The case's money in one place. Recovery rate is the article's: (order value − rework cost −
 * concession credit) ÷ order value — the case study's 15,000 − 216 − 450 = 14,334, 95.56%.
 */
export function settlement(input: SettlementInput): Settlement {
  const buyerRework = input.buyerReworkCost ?? 0;
  const credit = input.concessionCredit ?? 0;
  nonNegative('rework cost', input.factoryReworkCost);
  nonNegative('buyer rework cost', buyerRework);
  nonNegative('concession credit', credit);
  if (!Number.isFinite(input.orderValue) || input.orderValue <= 0)
    throw new InputError(`order value must be above 0; got ${input.orderValue}.`);
  if (credit > input.orderValue)
    throw new InputError(`the concession credit (${credit}) cannot exceed the order value (${input.orderValue}).`);
  const reworkCost = input.factoryReworkCost + buyerRework;
  const valueKept = input.orderValue - reworkCost - credit;
  return {
    orderValue: input.orderValue,
    reworkCost,
    concessionCredit: credit,
    factoryCost: input.factoryReworkCost + credit,
    buyerPays: input.orderValue - credit + buyerRework,
    factoryNet: input.orderValue - credit - input.factoryReworkCost,
    valueKept,
    recoveryRate: valueKept / input.orderValue,
  };
}
