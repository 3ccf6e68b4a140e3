/** Pieces more than one document prints: the lot's particulars, a plan's table, a defect's words. */
import { EVIDENCE_KINDS } from '../core/case/evidence';
import { count, esc, factTable, grid, money, say, when } from './html';
import type { Language } from './html';
import type { CaseFacts, DefectFacts, InspectionFacts } from './facts';
import { CLASS_WORDS, LEVEL_WORDS, SEVERITY_WORDS, TERM } from './terms';
import type { Words } from './terms';
import { typeInChinese } from './rules';

export type Lot = Pick<CaseFacts, 'id' | 'factory' | 'style' | 'po' | 'lotSize' | 'orderValue' | 'currency' | 'timeZone'>;

export function lotOf(c: CaseFacts): Lot {
  const { id, factory, style, po, lotSize, orderValue, currency, timeZone } = c;
  return { id, factory, style, po, lotSize, orderValue, currency, timeZone };
}

export function lotTable(lot: Lot, lang: Language, extra: ReadonlyArray<readonly [Words, string]> = []): string {
  return factTable(
    [
      [TERM.case, esc(lot.id)],
      [TERM.factory, esc(lot.factory)],
      [TERM.style, esc(lot.style)],
      [TERM.po, esc(lot.po) || '—'],
      [TERM.lotSize, count(lot.lotSize)],
      [TERM.orderValue, money(lot.orderValue, lot.currency)],
      ...extra,
    ],
    lang,
  );
}

export const classWords = (cls: string): Words => CLASS_WORDS[cls.toLowerCase()] ?? { en: esc(cls), zh: esc(cls) };

export function typeWords(d: Pick<DefectFacts, 'typeId' | 'defectType'>): Words {
  return { en: esc(d.defectType), zh: esc(typeInChinese(d.typeId, d.defectType)) };
}

/** A rule in the reader's language; a rule with no Chinese counterpart stands as recorded. */
export function ruleWords(d: Pick<DefectFacts, 'rule' | 'ruleZh'>): Words {
  return { en: esc(d.rule), zh: esc(d.ruleZh || d.rule) };
}

export function verdictWords(verdict: string): Words {
  const v = verdict.toUpperCase();
  // A lot is accepted or rejected; a re-inspection passes or fails (合格 / 不合格).
  if (v === 'REJECT') return { en: 'REJECT', zh: '拒收' };
  if (v === 'ACCEPT') return { en: 'ACCEPT', zh: '接收' };
  if (v === 'FAIL') return { en: 'FAIL', zh: '不合格' };
  if (v === 'PASS') return { en: 'PASS', zh: '合格' };
  return { en: esc(v), zh: esc(v) };
}

const severityWords = (severity: string): Words => SEVERITY_WORDS[severity] ?? { en: esc(severity), zh: esc(severity) };

/** The severity of the inspection, class by class where the switching rules put them apart. */
function severityCell(i: InspectionFacts, lang: Language): string {
  if (i.severityMinor === i.severity) return say(severityWords(i.severity), lang);
  const major = severityWords(i.severity);
  const minor = severityWords(i.severityMinor);
  return say({ en: `Major: ${major.en}; minor: ${minor.en}`, zh: `严重缺陷：${major.zh}；轻微缺陷：${minor.zh}` }, lang);
}

/** An inspection's plan, its counts against Ac/Re per class, and the verdict with every reason. */
export function planSection(i: InspectionFacts, lang: Language): string {
  const row = (cls: string, aql: string, ac: number, re: number, found: number) => [
    say(classWords(cls), lang),
    aql,
    `<span class="n">${ac}</span>`,
    `<span class="n">${re}</span>`,
    `<span class="n"><b>${found}</b></span>`,
    say(found >= re ? TERM.reject : TERM.accept, lang),
  ];
  const table = grid(
    [TERM.class, TERM.aql, TERM.ac, TERM.re, TERM.found, TERM.verdict],
    [
      row('critical', '0', 0, 1, i.criticalFound),
      row('major', String(i.major.aql), i.major.acceptance, i.major.rejection, i.major.found),
      row('minor', String(i.minor.aql), i.minor.acceptance, i.minor.rejection, i.minor.found),
    ],
    lang,
    'keep',
  );
  const verdict = verdictWords(i.verdict);
  const cls = /REJECT|FAIL/i.test(i.verdict) ? 'reject' : 'accept';
  return (
    factTable(
      [
        [TERM.level, say(LEVEL_WORDS(esc(i.level)), lang)],
        [TERM.severity, severityCell(i, lang)],
        [TERM.codeLetter, esc(i.letter)],
        [TERM.sampleSize, count(i.sampleSize)],
      ],
      lang,
    ) +
    table +
    `<p class="verdict ${cls}">${say({ en: `${TERM.verdict.en}: ${verdict.en}`, zh: `${TERM.verdict.zh}：${verdict.zh}` }, lang)}</p>` +
    planReasons(i, lang)
  );
}

/** Each class whose count reached its rejection number, in words a factory is shown. */
function planReasons(i: InspectionFacts, lang: Language): string {
  const over = [
    { cls: 'critical', found: i.criticalFound, re: 1 },
    { cls: 'major', found: i.major.found, re: i.major.rejection },
    { cls: 'minor', found: i.minor.found, re: i.minor.rejection },
  ].filter((c) => c.found >= c.re);
  const items = over.map((c) => {
    const w = classWords(c.cls);
    return `<li>${say({ en: `${w.en}: ${c.found} found reaches Re ${c.re}`, zh: `${w.zh}：发现 ${c.found}，达到拒收数 Re ${c.re}` }, lang)}</li>`;
  });
  return items.length ? `<ul class="reasons">${items.join('')}</ul>` : '';
}

export function inspectionTable(i: InspectionFacts, timeZone: string, lang: Language): string {
  return factTable(
    [
      [TERM.date, when(i.at, timeZone)],
      [TERM.place, esc(i.place) || '—'],
      [TERM.inspector, esc(i.inspector)],
    ],
    lang,
  );
}

/** How many of the five photos (and the video, when due) a unit has. */
export function evidenceCount(
  links: Record<string, string> | undefined,
  functional: boolean,
): { photos: number; video: boolean; needsVideo: boolean } {
  const photos = EVIDENCE_KINDS.filter((k) => k.key !== 'video' && links?.[k.key]).length;
  return { photos, video: Boolean(links?.video), needsVideo: functional };
}
