import { settlement } from '../core/protocol/settlement';
import { formula, optionalNumber, single, toNumber } from './args';

/** =RECOVERY_RATE(order_value, rework_cost, concession_credit) → (order − rework − credit) ÷ order. */
export function recoveryRate(orderValue: unknown, reworkCost: unknown, concessionCredit?: unknown): number {
  return formula(
    'RECOVERY_RATE',
    () =>
      settlement({
        orderValue: toNumber('order_value', single('order_value', orderValue)),
        factoryReworkCost: toNumber('rework_cost', single('rework_cost', reworkCost)),
        concessionCredit: optionalNumber('concession_credit', concessionCredit),
      }).recoveryRate,
  );
}
