import { settlement } from '../core/protocol/settlement';
import { BLANK, broadcast, isBlank, toNumber, unwrapSingle } from './args';
import type { CellValue, Grid } from './args';

/**
 * =RECOVERY_RATE(order_value, rework_cost, concession_credit) → (order − rework − credit) ÷ order;
 * one per row for ranges, a blank where the order value is blank.
 */
export function recoveryRate(orderValue: unknown, reworkCost: unknown, concessionCredit?: unknown): CellValue | Grid {
  return unwrapSingle(
    broadcast(
      'RECOVERY_RATE',
      [
        { name: 'order_value', value: orderValue },
        { name: 'rework_cost', value: reworkCost },
        { name: 'concession_credit', value: concessionCredit },
      ],
      ([order, rework, credit]): CellValue => {
        if (isBlank(order)) return BLANK;
        return settlement({
          orderValue: toNumber('order_value', order),
          factoryReworkCost: isBlank(rework) ? 0 : toNumber('rework_cost', rework),
          concessionCredit: isBlank(credit) ? undefined : toNumber('concession_credit', credit),
        }).recoveryRate;
      },
    ),
  );
}
