/**
 * The OQC inspection report and Quality Hold Notice: one document for a failed lot, issued jointly
 * by the factory's OQC inspector and the buyer's inspector or agent (the protocol's step 1).
 */
import { clause, count, esc, factTable, grid, heading, say, signatures, when } from './html';
import type { Language } from './html';
import type { CaseFacts, InspectionFacts } from './facts';
import { classWords, evidenceCount, inspectionTable, lotOf, lotTable, planSection, ruleWords, typeWords } from './parts';
import type { Lot } from './parts';
import { TERM } from './terms';

export interface HoldNoticeFacts {
  lot: Lot;
  oqc: InspectionFacts;
  holdAt: string;
  notifyBy: string;
  cartonsSealed: number | null;
  agentNotifiedAt: string;
  quarantined: boolean;
  /** Defects by type and class: how many units, and the rule that classified them. */
  byType: Array<{ typeId: string; defectType: string; class: string; units: number; rule: string; ruleZh: string }>;
  units: Array<{
    unitRef: string;
    carton: string;
    typeId: string;
    defectType: string;
    measurement: string;
    class: string;
    photos: number;
    video: boolean;
    needsVideo: boolean;
    inRejectBox: boolean;
  }>;
  inRejectBox: number;
  withAllPhotos: number;
}

export function holdNoticeFacts(c: CaseFacts): HoldNoticeFacts {
  const original = c.defects.filter((d) => d.foundAt === '' || d.foundAt === 'OQC');
  const byType = new Map<string, HoldNoticeFacts['byType'][number]>();
  for (const d of original) {
    const key = `${d.defectType}\u0000${d.class}\u0000${d.rule}`;
    const entry = byType.get(key) ?? {
      typeId: d.typeId,
      defectType: d.defectType,
      class: d.class,
      units: 0,
      rule: d.rule,
      ruleZh: d.ruleZh,
    };
    entry.units += 1;
    byType.set(key, entry);
  }
  const links = new Map(c.evidence.map((e) => [e.unitRef, e.links]));
  const units = original.map((d) => ({
    unitRef: d.unitRef,
    carton: d.carton,
    typeId: d.typeId,
    defectType: d.defectType,
    measurement: d.measurement,
    class: d.class,
    ...evidenceCount(links.get(d.unitRef), d.functional),
    inRejectBox: d.inRejectBox,
  }));
  return {
    lot: lotOf(c),
    oqc: c.oqc!,
    holdAt: c.holdAt,
    notifyBy: c.notifyBy,
    cartonsSealed: c.cartonsSealed,
    agentNotifiedAt: c.agentNotifiedAt,
    quarantined: c.quarantined,
    byType: [...byType.values()],
    units,
    inRejectBox: units.filter((u) => u.inRejectBox).length,
    withAllPhotos: units.filter((u) => u.photos === 5).length,
  };
}

export function holdNoticeBody(f: HoldNoticeFacts, lang: Language): string {
  const tz = f.lot.timeZone;
  return (
    lotTable(f.lot, lang) +
    heading({ en: 'Inspection', zh: '检验信息' }, lang) +
    inspectionTable(f.oqc, tz, lang) +
    heading({ en: 'Sampling plan and result (ISO 2859-1 / GB/T 2828.1)', zh: '抽样方案与结果（GB/T 2828.1 / ISO 2859-1）' }, lang) +
    planSection(f.oqc, lang) +
    // Issued at the hold, before the units are classified: say what follows instead of empty tables.
    (f.units.length
      ? defectSections(f, lang)
      : clause(
          {
            en: 'The defective units are being classified; the defect evidence sheet follows.',
            zh: '不合格品正在分类，缺陷证据表随后提供。',
          },
          lang,
        )) +
    `<section class="keep">` +
    heading(TERM.holdNotice, lang) +
    clause({ en: `<b>${TERM.holdInstruction.en}</b>`, zh: `<b>${TERM.holdInstruction.zh}</b>` }, lang) +
    (f.quarantined
      ? clause(
          { en: 'A critical defect quarantines the whole lot: no concession applies.', zh: '发现致命缺陷，整批隔离，不适用让步接收。' },
          lang,
        )
      : '') +
    factTable(
      [
        [TERM.holdSince, when(f.holdAt, tz)],
        [{ en: 'Sourcing agent to be told by', zh: '通知采购代理的期限' }, when(f.notifyBy, tz)],
        [TERM.holdTags, f.cartonsSealed === null ? '—' : count(f.cartonsSealed)],
        [{ en: 'Sourcing agent told', zh: '已通知采购代理' }, when(f.agentNotifiedAt, tz)],
      ],
      lang,
    ) +
    `</section>` +
    signatures([TERM.factoryInspector, TERM.buyerInspector], lang)
  );
}

function defectSections(f: HoldNoticeFacts, lang: Language): string {
  const yesNo = (b: boolean) => say(b ? TERM.yes : TERM.no, lang);
  return (
    heading({ en: 'Defects by type and class', zh: '缺陷分类汇总' }, lang) +
    grid(
      [TERM.defectType, TERM.class, { en: 'Units', zh: '件数' }, TERM.rule],
      f.byType.map((t) => [
        say(typeWords(t), lang),
        say(classWords(t.class), lang),
        `<span class="n">${t.units}</span>`,
        say(ruleWords(t), lang),
      ]),
      lang,
    ) +
    heading({ en: 'Defective units and evidence held', zh: '不合格品及留存证据' }, lang) +
    grid(
      [
        TERM.unit,
        TERM.carton,
        TERM.defectType,
        TERM.measurement,
        TERM.class,
        { en: 'Photos (of 5)', zh: '照片（共5张）' },
        TERM.video,
        TERM.rejectBox,
      ],
      f.units.map((u) => [
        esc(u.unitRef),
        esc(u.carton) || '—',
        say(typeWords(u), lang),
        esc(u.measurement) || '—',
        say(classWords(u.class), lang),
        `<span class="n${u.photos < 5 ? ' missing' : ''}">${u.photos}</span>`,
        u.needsVideo ? yesNo(u.video) : '—',
        yesNo(u.inRejectBox),
      ]),
      lang,
    ) +
    factTable(
      [
        [{ en: 'Units with all five photos', zh: '五张照片齐全的产品' }, `${f.withAllPhotos} / ${f.units.length}`],
        [TERM.inRejectBox, `${f.inRejectBox} / ${f.units.length}`],
      ],
      lang,
    )
  );
}
