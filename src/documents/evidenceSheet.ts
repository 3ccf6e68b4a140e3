/**
 * The defect evidence sheet: one block per defective unit with its class, measurement and rule,
 * and each of the five photos and the video as a link with a QR code, so a printed copy leads
 * back to the picture (the protocol's step 3).
 */
import { EVIDENCE_KINDS } from '../core/case/evidence';
import { esc, factTable, say } from './html';
import type { Language } from './html';
import type { CaseFacts, DefectFacts } from './facts';
import { classWords, lotOf, lotTable, ruleWords, typeWords } from './parts';
import type { Lot } from './parts';
import { qrSvg } from './qr';
import { EVIDENCE_ZH, TERM } from './terms';

export interface EvidenceSheetFacts {
  lot: Lot;
  units: Array<Omit<DefectFacts, 'cause'> & { links: Record<string, string> }>;
}

export function evidenceSheetFacts(c: CaseFacts): EvidenceSheetFacts {
  const links = new Map(c.evidence.map((e) => [e.unitRef, e.links]));
  return {
    lot: lotOf(c),
    units: c.defects.map(({ cause: _cause, ...d }) => ({ ...d, links: links.get(d.unitRef) ?? {} })),
  };
}

/** Only web links are made clickable; anything else is shown as the text it is. */
function linkHtml(link: string): string {
  return /^https?:\/\//i.test(link)
    ? `<a class="url" href="${esc(link)}" rel="noreferrer noopener" target="_blank">${esc(link)}</a>`
    : `<span class="url">${esc(link)}</span>`;
}

export function evidenceSheetBody(f: EvidenceSheetFacts, lang: Language): string {
  const blocks = f.units.map((u) => {
    const kinds = EVIDENCE_KINDS.filter((k) => k.key !== 'video' || u.functional || u.links.video);
    const links = kinds
      .map((k) => {
        const label = say({ en: esc(k.label), zh: EVIDENCE_ZH[k.key] ?? esc(k.label) }, lang);
        const link = u.links[k.key];
        return link
          ? `<div class="link">${qrSvg(link, 16)}<div><b>${label}</b><br>${linkHtml(link)}</div></div>`
          : `<div class="link missing"><div><b>${label}</b><br>${say({ en: 'missing', zh: '缺失' }, lang)}</div></div>`;
      })
      .join('');
    return (
      `<section class="unit" data-unit="${esc(u.unitRef)}"><h3>${say(TERM.unit, lang)} ${esc(u.unitRef)} · ${say(classWords(u.class), lang)}</h3>` +
      factTable(
        [
          [TERM.carton, esc(u.carton) || '—'],
          [TERM.defectType, say(typeWords(u), lang)],
          [TERM.measurement, esc(u.measurement) || '—'],
          [TERM.rule, say(ruleWords(u), lang)],
          [TERM.inRejectBox, say(u.inRejectBox ? TERM.yes : TERM.no, lang)],
        ],
        lang,
      ) +
      `<div class="links">${links}</div></section>`
    );
  });
  return `<section class="keep">${lotTable(f.lot, lang)}</section>` + blocks.join('');
}
