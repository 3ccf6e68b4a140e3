/**
 * The rework agreement: cause and who pays, cost per unit and totals, the units in scope, the
 * timeline, the supervision terms, the re-inspection protocol with its two clauses, and any
 * concession — put in writing before rework begins (the protocol's steps 4–7).
 */
import { SUPERVISION_CHECKLIST } from '../core/case/lifecycle';
import { clause, count, esc, factTable, heading, money, percent, say, signatures, when } from './html';
import type { Language } from './html';
import type { CaseFacts, ReworkFacts } from './facts';
import { lotOf, lotTable } from './parts';
import type { Lot } from './parts';
import { CAUSE_RULE_ZH, CAUSE_WORDS, SUPERVISION_ZH, TERM } from './terms';

export interface ReworkAgreementFacts {
  lot: Lot;
  aqlMajor: number;
  aqlMinor: number;
  rework?: ReworkFacts;
  concession?: { discount: number; credit: number };
}

export function reworkAgreementFacts(c: CaseFacts): ReworkAgreementFacts {
  return {
    lot: lotOf(c),
    aqlMajor: c.oqc?.major.aql ?? 0,
    aqlMinor: c.oqc?.minor.aql ?? 0,
    rework: c.rework.at(-1),
    concession: c.concession,
  };
}

function reworkSection(r: ReworkFacts, f: ReworkAgreementFacts, lang: Language): string {
  const cur = f.lot.currency;
  const amount = (v: number | null) => (v === null ? '—' : money(v, cur));
  const causeZh = CAUSE_WORDS[r.causeId] ?? esc(r.cause);
  const shares = `${percent(r.split.labour)} / ${percent(r.split.other)} / ${percent(r.split.repacking)}`;
  const cost: Array<readonly [{ en: string; zh: string }, string]> =
    r.quotedPrice !== null
      ? [[TERM.quotedPrice, amount(r.quotedPrice)]]
      : [
          [
            {
              en: `${TERM.labour.en} (${r.labourMinutes ?? 0} min × ${amount(r.hourlyRate)}/h)`,
              zh: `${TERM.labour.zh}（${r.labourMinutes ?? 0} 分钟 × ${amount(r.hourlyRate)}/小时）`,
            },
            amount(r.labourPerUnit),
          ],
          [TERM.consumables, amount(r.consumables)],
        ];
  return (
    heading({ en: `Cause and who pays (cycle ${r.cycle})`, zh: `原因及费用承担（第 ${r.cycle} 轮）` }, lang) +
    factTable(
      [
        [TERM.cause, say({ en: esc(r.cause), zh: causeZh }, lang)],
        [
          { en: 'Allocation rule', zh: '分摊规则' },
          say({ en: esc(r.split.rule), zh: CAUSE_RULE_ZH[r.causeId] ?? esc(r.split.rule) }, lang),
        ],
        [{ en: 'Factory share of labour / other costs / repacking', zh: '工厂承担比例（人工 / 其他费用 / 返工包装）' }, shares],
      ],
      lang,
      true,
    ) +
    (r.factoryPaysAll
      ? clause(
          {
            en: 'A new major defect was found at the last re-inspection: this cycle is wholly at the factory’s cost.',
            zh: '上次复检发现新的严重缺陷：本轮返工费用全部由工厂承担。',
          },
          lang,
        )
      : '') +
    heading({ en: 'Cost', zh: '费用' }, lang) +
    (r.quotedPrice === null ? clause(TERM.costPerUnit, lang) : '') +
    factTable(
      [
        ...cost,
        [TERM.qcAllocation, amount(r.qcAllocation)],
        [{ en: 'Cost per unit', zh: '单件返工成本' }, `<b>${amount(r.costPerUnit)}</b>`],
        [{ en: 'Units to rework', zh: '返工件数' }, count(r.units)],
        [{ en: 'Total rework cost', zh: '返工总费用' }, `<b>${amount(r.totalCost)}</b>`],
        [TERM.factoryShare, `<b>${amount(r.factoryShare)}</b>`],
        [TERM.buyerShare, `<b>${amount(r.buyerShare)}</b>`],
      ],
      lang,
    ) +
    heading(TERM.unitsInScope, lang) +
    `<p>${r.scope.map(esc).join(', ') || '—'}</p>` +
    (r.leftOut ? clause({ en: `Left out: ${esc(r.leftOut)}`, zh: `未列入返工：${esc(r.leftOut)}` }, lang) : '') +
    heading({ en: 'Timeline', zh: '返工进度' }, lang) +
    // A rework priced per unit has no person-hours to plan: say so rather than print a table of dashes.
    (r.personHours === null && r.days === null && r.operators === null
      ? clause({ en: 'Priced per unit: no timeline in person-hours was agreed.', zh: '按件计价：未约定以工时计的返工进度。' }, lang) +
        factTable([[{ en: 'Agreed', zh: '约定时间' }, when(r.agreedAt, f.lot.timeZone)]], lang)
      : factTable(
          [
            [TERM.personHours, r.personHours === null ? '—' : esc(String(r.personHours))],
            [TERM.operators, r.operators !== null ? count(r.operators) : r.operatorsNeeded !== null ? count(r.operatorsNeeded) : '—'],
            [TERM.days, r.days === null ? '—' : count(r.days)],
            [{ en: 'Hours per day', zh: '每日工作小时' }, r.hoursPerDay === null ? '—' : esc(String(r.hoursPerDay))],
            [TERM.unitsPerDay, r.unitsPerDay === null ? '—' : count(r.unitsPerDay)],
            [TERM.milestones, esc(r.milestones) || '—'],
            [{ en: 'Agreed', zh: '约定时间' }, when(r.agreedAt, f.lot.timeZone)],
          ],
          lang,
        )) +
    heading(TERM.supervision, lang) +
    `<ol class="clauses">${SUPERVISION_CHECKLIST.map((s) => `<li>${clause({ en: esc(s.label), zh: SUPERVISION_ZH[s.key] ?? esc(s.label) }, lang, 'span')}</li>`).join('')}` +
    `<li>${clause({ en: `Each reworked unit carries a ${TERM.reworkedSticker.en}.`, zh: `每件返工产品贴${TERM.reworkedSticker.zh}。` }, lang, 'span')}</li></ol>` +
    heading({ en: 'Re-inspection protocol', zh: '复检方案' }, lang) +
    `<ol class="clauses">` +
    `<li>${clause(
      {
        en: `100% inspection of the ${count(r.reinspection.fullInspection)} reworked units and of every adjacent unit in the same cartons.`,
        zh: `对 ${count(r.reinspection.fullInspection)} 件返工产品及同箱全部相邻产品进行全数检验（100%检验）。`,
      },
      lang,
      'span',
    )}</li>` +
    `<li>${clause(
      {
        en: `Level III sampling of the other ${count(r.reinspection.remainder)} units at the same AQLs (${f.aqlMajor} major / ${f.aqlMinor} minor): code letter ${esc(r.reinspection.letter)}, sample size ${count(r.reinspection.sampleSize)}; major Ac ${r.reinspection.majorAc} / Re ${r.reinspection.majorRe}, minor Ac ${r.reinspection.minorAc} / Re ${r.reinspection.minorRe}.`,
        zh: `其余 ${count(r.reinspection.remainder)} 件按一般检验水平 III、相同接收质量限（严重 ${f.aqlMajor} / 轻微 ${f.aqlMinor}）抽样：样本量字码 ${esc(r.reinspection.letter)}，样本量 ${count(r.reinspection.sampleSize)}；严重缺陷 Ac ${r.reinspection.majorAc} / Re ${r.reinspection.majorRe}，轻微缺陷 Ac ${r.reinspection.minorAc} / Re ${r.reinspection.minorRe}。`,
      },
      lang,
      'span',
    )}</li>` +
    `<li><b>${clause(TERM.differentInspectorClause, lang, 'span')}</b></li>` +
    `<li><b>${clause(TERM.newMajorClause, lang, 'span')}</b></li></ol>`
  );
}

export function reworkAgreementBody(f: ReworkAgreementFacts, lang: Language): string {
  const concession = f.concession
    ? heading(TERM.concession, lang) +
      clause(
        {
          en: `The buyer accepts the minor defects with a concession discount of ${percent(f.concession.discount)} of the order value: a credit of ${money(f.concession.credit, f.lot.currency)} against the factory’s invoice.`,
          zh: `买方对轻微缺陷让步接收，让步折扣为订单金额的 ${percent(f.concession.discount)}：从工厂货款中抵扣 ${money(f.concession.credit, f.lot.currency)}。`,
        },
        lang,
      )
    : '';
  return (
    lotTable(f.lot, lang) +
    (f.rework ? reworkSection(f.rework, f, lang) : '') +
    concession +
    signatures([TERM.factoryRep, TERM.agent, { en: `${TERM.buyer.en} (optional)`, zh: `${TERM.buyer.zh}（可选）` }], lang)
  );
}
