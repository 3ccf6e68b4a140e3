/**
 * The re-inspection report: what was inspected one by one, the Level III plan for the rest, the
 * counts, the verdict with its reasons, and the inspector (the protocol's step 6).
 */
import { count, esc, factTable, heading, say, signatures } from './html';
import type { Language } from './html';
import type { CaseFacts, InspectionFacts } from './facts';
import { inspectionTable, lotOf, lotTable, planSection } from './parts';
import type { Lot } from './parts';
import { TERM } from './terms';

export interface ReinspectionReportFacts {
  lot: Lot;
  originalInspector: string;
  /** Every re-inspection so far, in order: a failed one stays on the record. */
  reinspections: InspectionFacts[];
}

export function reinspectionReportFacts(c: CaseFacts): ReinspectionReportFacts {
  return { lot: lotOf(c), originalInspector: c.oqc?.inspector ?? '', reinspections: c.reinspections };
}

export function reinspectionReportBody(f: ReinspectionReportFacts, lang: Language): string {
  const sections = f.reinspections.map((r, i) => {
    const extra = [
      r.newMajor > 0 && {
        en: `${r.newMajor} new major defect(s) not found at the original inspection: the lot fails at once, and the factory pays the whole next rework cycle.`,
        zh: `发现 ${r.newMajor} 个原检验未发现的新的严重缺陷：该批立即判定不合格，下一轮返工的全部费用由工厂承担。`,
      },
      r.fullInspectionFailures > 0 && {
        en: `${r.fullInspectionFailures} reworked or adjacent unit(s) still have a major or critical defect.`,
        zh: `${r.fullInspectionFailures} 件返工或相邻产品仍有严重或致命缺陷。`,
      },
    ].filter((x): x is { en: string; zh: string } => Boolean(x));
    return (
      `<section>` +
      heading({ en: `Re-inspection ${i + 1}`, zh: `第 ${i + 1} 次复检` }, lang) +
      inspectionTable(r, f.lot.timeZone, lang) +
      factTable(
        [
          [{ en: 'Original OQC inspector', zh: '原出货检验员' }, esc(f.originalInspector) || '—'],
          [{ en: 'Reworked and adjacent units, inspected 100%', zh: '返工及相邻产品（全数检验）' }, count(r.fullInspection)],
          [{ en: 'Of which failed', zh: '其中不合格' }, count(r.fullInspectionFailures)],
          [{ en: 'New major defects', zh: '新的严重缺陷' }, count(r.newMajor)],
        ],
        lang,
      ) +
      heading({ en: 'The rest of the lot: Level III sampling', zh: '其余产品：检验水平 III 抽样' }, lang, 3) +
      planSection(r, lang) +
      (extra.length ? `<ul class="reasons">${extra.map((x) => `<li>${say(x, lang)}</li>`).join('')}</ul>` : '') +
      `</section>`
    );
  });
  return lotTable(f.lot, lang) + sections.join('') + signatures([{ en: 'Re-inspector', zh: '复检检验员' }, TERM.factoryRep], lang);
}
