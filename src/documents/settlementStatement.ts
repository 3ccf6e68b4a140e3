/**
 * The settlement statement: order value, the rework cost and who paid it, the concession credit,
 * the value kept and the case's recovery rate, and the dates from hold to release (step 7).
 */
import { factTable, heading, money, percent, say, signatures, when } from './html';
import type { Language } from './html';
import type { CaseFacts } from './facts';
import { lotOf, lotTable } from './parts';
import type { Lot } from './parts';
import { TERM } from './terms';

export interface SettlementFacts {
  lot: Lot;
  holdAt: string;
  settlement: NonNullable<CaseFacts['settlement']>;
}

export function settlementFacts(c: CaseFacts): SettlementFacts {
  return { lot: lotOf(c), holdAt: c.holdAt, settlement: c.settlement! };
}

export function settlementBody(f: SettlementFacts, lang: Language): string {
  const s = f.settlement;
  const m = (v: number) => money(v, f.lot.currency);
  return (
    lotTable(f.lot, lang) +
    heading(TERM.settlement, lang) +
    factTable(
      [
        [TERM.orderValue, m(s.orderValue)],
        [{ en: 'Rework cost', zh: '返工费用' }, m(s.reworkCost)],
        [{ en: '— paid by the factory', zh: '— 其中工厂承担' }, m(s.factoryRework)],
        [{ en: '— paid by the buyer', zh: '— 其中买方承担' }, m(s.buyerRework)],
        [TERM.concessionDiscount, percent(s.concessionDiscount)],
        [{ en: 'Concession credit', zh: '让步抵扣金额' }, m(s.concessionCredit)],
        [TERM.valueKept, `<b>${m(s.valueKept)}</b>`],
        [TERM.recoveryRate, `<b>${percent(s.recoveryRate)}</b>`],
      ],
      lang,
      true,
    ) +
    `<p class="fine">${say(
      {
        en: 'Value kept = order value − rework cost − concession credit; recovery rate = value kept ÷ order value.',
        zh: '保留货值 = 订单金额 − 返工费用 − 让步抵扣金额；挽回率 = 保留货值 ÷ 订单金额。',
      },
      lang,
    )}</p>` +
    heading({ en: 'Dates', zh: '日期' }, lang) +
    factTable(
      [
        [TERM.holdSince, when(f.holdAt, f.lot.timeZone)],
        [{ en: 'Lot released', zh: '放行时间' }, when(s.releasedAt, f.lot.timeZone)],
        [{ en: 'Settled', zh: '结算时间' }, when(s.settledAt, f.lot.timeZone)],
      ],
      lang,
    ) +
    signatures([TERM.factoryRep, TERM.agent], lang)
  );
}
