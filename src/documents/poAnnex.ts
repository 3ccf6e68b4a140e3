/**
 * The PO quality annex: the protocol as contract clauses, from the workbook's settings, for an
 * agent to attach to purchase orders before the first defective batch.
 */
import { EVIDENCE_KINDS } from '../core/case/evidence';
import { SUPERVISION_CHECKLIST } from '../core/case/lifecycle';
import type { DefectClassification } from '../core/protocol/classify';
import { clause, esc, grid, heading, percent, say, signatures } from './html';
import type { Language } from './html';
import type { AnnexFacts } from './facts';
import { classWords } from './parts';
import { ruleInChinese, typeInChinese } from './rules';
import { CAUSE_WORDS, EVIDENCE_ZH, GRADE_ZH, LEVEL_WORDS, SEVERITY_WORDS, SUPERVISION_ZH, TERM } from './terms';

/** Every rule of the catalogue, as a row: type, class, rule in both languages. */
function catalogueRows(f: AnnexFacts, lang: Language): string[][] {
  const rows: string[][] = [];
  for (const type of f.catalogue) {
    const typeCell = say({ en: esc(type.name), zh: esc(typeInChinese(type.id, type.name)) }, lang);
    const rule = (c: DefectClassification, en: string) => say({ en: esc(en), zh: esc(ruleInChinese(c)) }, lang);
    if (type.fixedClass && type.fixedRule) {
      rows.push([
        typeCell,
        say(classWords(type.fixedClass), lang),
        rule({ classification: type.fixedClass, rule: type.fixedRule, type }, type.fixedRule),
      ]);
    }
    for (const context of type.criterion?.contexts ?? []) {
      for (const threshold of context.thresholds) {
        const c: DefectClassification = {
          classification: threshold.class,
          rule: threshold.rule,
          type,
          threshold,
          context: context.name === 'any' ? undefined : context.name,
        };
        rows.push([typeCell, say(classWords(threshold.class), lang), rule(c, threshold.rule)]);
      }
    }
  }
  return rows;
}

export function poAnnexBody(f: AnnexFacts, lang: Language): string {
  const li = (en: string, zh: string) => `<li>${clause({ en, zh }, lang, 'span')}</li>`;
  const level = LEVEL_WORDS(esc(f.level));
  const severity = SEVERITY_WORDS[f.severity] ?? { en: esc(f.severity), zh: esc(f.severity) };
  return (
    clause(
      {
        en: 'This annex forms part of the purchase order. Where a lot fails outgoing inspection, the parties follow the procedure below.',
        zh: '本附件为采购订单的组成部分。如某批产品出货检验不合格，双方按以下程序处理。',
      },
      lang,
    ) +
    heading({ en: '1. Hold on a failed OQC', zh: '1. 出货检验不合格时暂扣' }, lang) +
    `<ol class="clauses">` +
    li(
      'A lot that fails AQL sampling at the outgoing quality control (OQC) inspection is held at the factory under a Quality Hold Notice issued jointly by the factory’s OQC inspector and the buyer’s inspector or agent.',
      '出货检验（OQC）抽样不合格的批次由工厂暂扣，并由工厂出货检验员与买方检验员或采购代理共同签发质量暂扣通知书。',
    ) +
    li(`${TERM.holdInstruction.en} Cartons are sealed with hold tags.`, `${TERM.holdInstruction.zh}暂扣产品封箱并贴暂扣标签。`) +
    li(
      `The sourcing agent is told within ${f.holdNoticeHours} hours of the hold.`,
      `工厂须在暂扣后 ${f.holdNoticeHours} 小时内通知采购代理。`,
    ) +
    `</ol>` +
    heading({ en: '2. Sampling and acceptance quality limits', zh: '2. 抽样方案与接收质量限' }, lang) +
    `<ol class="clauses">` +
    li(
      `Single sampling plans of ISO 2859-1 (GB/T 2828.1): ${level.en}, ${severity.en.toLowerCase()}.`,
      `按 GB/T 2828.1（ISO 2859-1）一次抽样方案：${level.zh}，${severity.zh}。`,
    ) +
    li(
      `AQL ${f.aqlMajor} for major defects and AQL ${f.aqlMinor} for minor defects; critical defects have zero tolerance: one critical defect rejects and quarantines the whole lot.`,
      `严重缺陷接收质量限（AQL）${f.aqlMajor}，轻微缺陷接收质量限（AQL）${f.aqlMinor}；致命缺陷零容忍：发现一个致命缺陷即整批拒收并隔离。`,
    ) +
    `</ol>` +
    heading({ en: '3. Classification criteria', zh: '3. 缺陷分类标准' }, lang) +
    grid([TERM.defectType, TERM.class, TERM.rule], catalogueRows(f, lang), lang) +
    heading({ en: '4. Documentation standard', zh: '4. 证据标准' }, lang) +
    `<ol class="clauses">` +
    li(
      `Five photos per defective unit: ${EVIDENCE_KINDS.filter((k) => k.key !== 'video')
        .map((k) => esc(k.label.charAt(0).toLowerCase() + k.label.slice(1)))
        .join('; ')}.`,
      `每件不合格品五张照片：${EVIDENCE_KINDS.filter((k) => k.key !== 'video')
        .map((k) => EVIDENCE_ZH[k.key])
        .join('；')}。`,
    ) +
    li('A short video for every functional defect.', '功能性缺陷须另附短视频。') +
    li('Defective units are kept in a reject sample box until the case is settled.', '不合格品放入不良品留样箱，保留至结案。') +
    `</ol>` +
    heading({ en: '5. Rework cost allocation', zh: '5. 返工费用分摊' }, lang) +
    clause(TERM.costPerUnit, lang) +
    grid(
      [TERM.cause, { en: 'Factory share: labour / other / repacking', zh: '工厂承担：人工 / 其他 / 返工包装' }, TERM.rule],
      f.splits.map((s) => [
        say({ en: esc(s.name), zh: CAUSE_WORDS[s.id] ?? esc(s.name) }, lang),
        `${percent(s.labour)} / ${percent(s.other)} / ${percent(s.repacking)}`,
        `<span lang="en">${esc(s.rule)}</span>`,
      ]),
      lang,
    ) +
    heading({ en: '6. Supervision rights', zh: '6. 返工监督权' }, lang) +
    `<ol class="clauses">` +
    li('The buyer or its agent may supervise any rework on the factory’s premises.', '买方或其代理有权在工厂现场监督返工。') +
    SUPERVISION_CHECKLIST.map((s) => li(esc(s.label), SUPERVISION_ZH[s.key] ?? esc(s.label))).join('') +
    li(`Each reworked unit carries a ${TERM.reworkedSticker.en}.`, `每件返工产品贴${TERM.reworkedSticker.zh}。`) +
    li('Rework timelines are agreed in person-hours, with daily milestones.', '返工进度以工时计，并设每日进度节点。') +
    `</ol>` +
    heading({ en: '7. Re-inspection', zh: '7. 复检' }, lang) +
    `<ol class="clauses">` +
    li('100% inspection of reworked units and of the adjacent units in the same cartons.', '返工产品及同箱相邻产品全数检验（100%检验）。') +
    li('Level III sampling of the rest of the lot at the same AQLs.', '其余产品按检验水平 III、相同接收质量限抽样。') +
    li(TERM.differentInspectorClause.en, TERM.differentInspectorClause.zh) +
    li(TERM.newMajorClause.en, TERM.newMajorClause.zh) +
    `</ol>` +
    heading({ en: '8. Acceptance with concession', zh: '8. 让步接收' }, lang) +
    `<ol class="clauses">` +
    li(
      `Instead of rework, the buyer may accept minor defects with a blended discount: the sum over affected groups of (share of the lot affected × the grade’s discount), plus ${percent(f.savingsShare)} of the rework cost the factory saves.`,
      `买方可对轻微缺陷让步接收以代替返工，综合折扣 = Σ（受影响产品占批量比例 × 等级折扣），另加工厂节省返工费用的 ${percent(f.savingsShare)}。`,
    ) +
    `</ol>` +
    grid(
      [
        { en: 'Grade', zh: '等级' },
        { en: 'Discount per affected unit', zh: '受影响产品折扣' },
      ],
      f.grades.map((g) => [say({ en: esc(g.name), zh: GRADE_ZH[g.id] ?? esc(g.name) }, lang), `${percent(g.min)}–${percent(g.max)}`]),
      lang,
    ) +
    signatures([{ en: 'Factory', zh: '工厂' }, TERM.buyer], lang)
  );
}
