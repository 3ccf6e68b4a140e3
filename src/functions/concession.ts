import { compareConcessionToRework, concessionDiscount, gradeTable } from '../core/protocol/concession';
import { InputError } from '../core/errors';
import { BLANK, asGrid, broadcast, formula, isBlank, optionalNumber, toAmount, toNumber, toWhole } from './args';
import type { CellValue } from './args';

const GRADES = gradeTable();

/** A discount cell: a fraction (10% arrives as 0.1) or a grade name, which takes the grade's default. */
function discountOf(cell: CellValue): number {
  if (typeof cell === 'string' && !/^[\s\d.+-]/.test(cell)) return GRADES.find(cell).default;
  return toNumber('discounts', cell);
}

/**
 * =CONCESSION_DISCOUNT(affected_shares, discounts, [rework_cost_saved], [shipment_value], [savings_share])
 * → Σ share × discount, plus savings_share (default 50%) of the rework cost saved ÷ shipment value.
 */
export function concessionDiscountFormula(
  affectedShares: unknown,
  discounts: unknown,
  reworkCostSaved?: unknown,
  shipmentValue?: unknown,
  savingsShare?: unknown,
): number {
  return formula('CONCESSION_DISCOUNT', () => {
    const shares = asGrid('CONCESSION_DISCOUNT', 'affected_shares', affectedShares);
    const grades = asGrid('CONCESSION_DISCOUNT', 'discounts', discounts);
    if (shares.length !== grades.length || shares[0].length !== grades[0].length) {
      throw new InputError(
        `affected_shares is ${shares.length}×${shares[0].length} but discounts is ${grades.length}×${grades[0].length}; give one discount per share.`,
      );
    }
    const groups = shares.flatMap((row, r) =>
      row.flatMap((share, c) => {
        const grade = grades[r][c];
        if (isBlank(share) && isBlank(grade)) return [];
        if (isBlank(share) || isBlank(grade))
          throw new InputError(`row ${r + 1}, column ${c + 1} has a share without a discount, or a discount without a share.`);
        return [{ share: toNumber('affected_shares', share), discount: discountOf(grade) }];
      }),
    );
    if (groups.length === 0) throw new InputError('affected_shares is empty; give at least one share of the lot.');
    return concessionDiscount({
      groups,
      reworkCostSaved: optionalNumber('rework_cost_saved', reworkCostSaved),
      shipmentValue: optionalNumber('shipment_value', shipmentValue),
      savingsShare: optionalNumber('savings_share', savingsShare),
    }).discount;
  });
}

/**
 * =CONCESSION_VS_REWORK(affected_units, concession_credit, return_rate, cost_per_return, [buyer_rework_cost])
 * → expected cost of returns, concession net for the buyer, rework net for the buyer, CONCESSION or
 * REWORK. One row per row of a range; a blank row gives a blank row.
 */
export function concessionVsRework(
  affectedUnits: unknown,
  concessionCredit: unknown,
  returnRate: unknown,
  costPerReturn: unknown,
  buyerReworkCost?: unknown,
): CellValue[][] {
  return broadcast(
    'CONCESSION_VS_REWORK',
    [
      { name: 'affected_units', value: affectedUnits },
      { name: 'concession_credit', value: concessionCredit },
      { name: 'return_rate', value: returnRate },
      { name: 'cost_per_return', value: costPerReturn },
      { name: 'buyer_rework_cost', value: buyerReworkCost },
    ],
    ([units, credit, rate, perReturn, buyerRework]): CellValue[] => {
      if (isBlank(units)) return [BLANK, BLANK, BLANK, BLANK];
      const result = compareConcessionToRework({
        affectedUnits: toWhole('affected_units', units),
        concessionCredit: toAmount('concession_credit', credit),
        returnRate: toNumber('return_rate', rate),
        costPerReturn: toAmount('cost_per_return', perReturn),
        buyerReworkCost: isBlank(buyerRework) ? undefined : toNumber('buyer_rework_cost', buyerRework),
      });
      return [result.expectedReturnsCost, result.concessionNet, result.reworkNet, result.recommendation.toUpperCase()];
    },
  ).flat();
}
