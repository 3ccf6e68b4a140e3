// Step 9: the settlement and the recovery rate.
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { askFirst, form, done, live, liveLines, money } from '../ui';
import { submit } from '../save';

export function settlementView(c: CaseView): HTMLElement {
  if (c.settlement) {
    const s = c.settlement;
    return h(
      'section',
      { id: 'settled' },
      h('h2', {}, 'Settlement'),
      h(
        'dl',
        {},
        h('dt', {}, 'Rework cost'),
        h('dd', {}, money(s.reworkCost, c.currency)),
        h('dt', {}, 'Concession credit'),
        h('dd', {}, money(s.concessionCredit, c.currency)),
        h('dt', {}, 'Value kept'),
        h('dd', {}, money(s.valueKept, c.currency)),
        h('dt', {}, 'Recovery rate'),
        h('dd', { id: 'recovery' }, `${(s.recoveryRate * 100).toFixed(2)}%`),
      ),
    );
  }
  if (c.status !== 'released') return done('Settlement', ['The case settles once the lot is released.']);
  if (!c.inspections.some((i) => i.verdict === 'REJECT'))
    return done('Settlement', ['The lot passed OQC and was released: there is nothing to settle.']);
  // The figures the settlement will record, shown before it is recorded.
  const m = c.money;
  const out = live('settle-live');
  liveLines(out, [
    `Rework cost: ${money(m.reworkCost, c.currency)} (factory ${money(m.factoryShare)}, buyer ${money(m.buyerShare)})`,
    `Concession credit: ${money(m.concessionCredit, c.currency)}`,
    `Value kept: ${money(m.valueKept, c.currency)} of ${money(m.orderValue, c.currency)} — recovery ${(m.recoveryRate * 100).toFixed(2)}%`,
  ]);
  return form(
    'settle-form',
    'Settle and close',
    [],
    'Settle',
    (el) =>
      askFirst(
        el,
        'Settle and close the case — its figures are then recorded, and change only by reopening it with a reason:',
        () => void submit(el, 'rdSettle', { caseId: c.id }, 'Case settled.'),
      ),
    out,
  );
}
