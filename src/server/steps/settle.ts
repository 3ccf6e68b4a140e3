import { recordSettled } from '../../core/case/lifecycle';
import { roundMoney } from '../../core/money';
import { settlement } from '../../core/protocol/settlement';
import type { CaseSummary, Result } from '../../shared/contract';
import { REWORK, SETTLEMENTS } from '../../tracker/schema';
import type { Services } from '../services';
import { onCase, summary } from './common';
import { refreshFactory } from './factories';
import type { Saved } from './common';

export function settle(
  services: Services,
  request: unknown,
): Result<Saved<CaseSummary & { valueKept: number; recoveryRate: number; scorecardRefreshed: boolean }>> {
  const settled = settleCase(services, request);
  if (!settled.ok) return settled;
  // The factory's record changes with its settlement: its scorecard row follows, in a step of its own,
  // so a row that cannot be rebuilt never undoes a settlement. The charts wait for the menu's refresh.
  const refreshed = refreshFactory(services, settled.data.view.factory);
  if (!refreshed.ok) console.error(`Scorecard not refreshed after settling: ${refreshed.error}`);
  return { ok: true, data: { ...settled.data, scorecardRefreshed: refreshed.ok } };
}

function settleCase(services: Services, request: unknown): Result<Saved<CaseSummary & { valueKept: number; recoveryRate: number }>> {
  return onCase(services, request, ({ wb, stored, record }) => {
    const next = recordSettled(record);
    const rework = wb.rowsOf(REWORK, record.id);
    const sum = (key: string) => rework.reduce((total, r) => total + (Number(r.values[key]) || 0), 0);
    const credit = Number(stored.values.concessionCredit) || 0;
    const money = (amount: number) => roundMoney(amount, record.currency);
    const s = settlement({
      orderValue: record.orderValue,
      factoryReworkCost: sum('factoryShare'),
      buyerReworkCost: sum('buyerShare'),
      concessionCredit: credit,
    });
    wb.append(SETTLEMENTS, [
      {
        caseId: record.id,
        currency: record.currency,
        orderValue: s.orderValue,
        reworkCost: money(s.reworkCost),
        factoryRework: money(sum('factoryShare')),
        buyerRework: money(sum('buyerShare')),
        concessionDiscount: Number(stored.values.concessionDiscount) || 0,
        concessionCredit: money(s.concessionCredit),
        valueKept: money(s.valueKept),
        recoveryRate: s.recoveryRate,
        settledAt: wb.now,
      },
    ]);
    wb.saveCase(
      stored,
      next,
      `Settled: value kept ${s.valueKept.toFixed(2)} ${record.currency}, recovery ${(s.recoveryRate * 100).toFixed(2)}%`,
    );
    return { ...summary(next, wb), valueKept: s.valueKept, recoveryRate: s.recoveryRate };
  });
}
