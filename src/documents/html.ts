/**
 * The documents' HTML building blocks. Every value that came from a user enters through `esc`;
 * every piece of text is marked with its language, so browsers pick Simplified Chinese glyphs for
 * the Chinese (and a screen reader the right voice).
 */
import { groupDigits, minorUnits } from '../core/money';
import { formatInZone } from '../core/time';
import type { Words } from './terms';

export type Language = 'en' | 'zh' | 'both';
export const LANGUAGES: readonly Language[] = ['en', 'zh', 'both'];

/** Text made safe to place in HTML, between tags or inside a quoted attribute. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Words in the document's language(s): a label, a heading, a cell. Both are HTML already (escaped). */
export function say(words: Words, lang: Language): string {
  if (lang === 'en') return `<span lang="en">${words.en}</span>`;
  if (lang === 'zh') return `<span lang="zh-Hans">${words.zh}</span>`;
  return `<span lang="en">${words.en}</span> <span class="zh" lang="zh-Hans">${words.zh}</span>`;
}

/** A paragraph or clause: in both languages, side by side. */
export function clause(words: Words, lang: Language, tag = 'p'): string {
  if (lang === 'en') return `<${tag} lang="en">${words.en}</${tag}>`;
  if (lang === 'zh') return `<${tag} lang="zh-Hans">${words.zh}</${tag}>`;
  return `<div class="bi"><${tag} lang="en">${words.en}</${tag}><${tag} lang="zh-Hans">${words.zh}</${tag}></div>`;
}

/** The same text in both languages: a name, an ID, a number. */
export function same(html: string): Words {
  return { en: html, zh: html };
}

export function heading(words: Words, lang: Language, level = 2): string {
  return `<h${level}>${say(words, lang)}</h${level}>`;
}

/**
 * A table of labelled facts, two to a row so a page holds more; `wide` gives each its own row, for
 * long values such as rules. Values are HTML (escaped by the caller).
 */
export function factTable(rows: ReadonlyArray<readonly [Words, string]>, lang: Language, wide = false): string {
  const cells = rows.map(([label, value]) => `<th scope="row">${say(label, lang)}</th><td>${value}</td>`);
  const perRow = wide ? 1 : 2;
  const trs: string[] = [];
  for (let i = 0; i < cells.length; i += perRow) {
    const row = cells.slice(i, i + perRow);
    trs.push(`<tr>${row.join('')}${row.length < perRow ? '<th></th><td></td>' : ''}</tr>`);
  }
  return `<table class="facts${wide ? ' wide' : ''}"><tbody>${trs.join('')}</tbody></table>`;
}

/** A table with a header row; cells are HTML (escaped by the caller). */
export function grid(head: readonly Words[], rows: ReadonlyArray<readonly string[]>, lang: Language, cls = ''): string {
  const th = head.map((h) => `<th scope="col">${say(h, lang)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="grid ${cls}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Signature lines: a name (role) above a line for the signature and one for the date. */
export function signatures(roles: readonly Words[], lang: Language): string {
  const blocks = roles
    .map(
      (role) =>
        `<div class="sign"><div class="role">${say(role, lang)}</div>` +
        `<div class="line">${say({ en: 'Signature', zh: '签名' }, lang)}</div>` +
        `<div class="line">${say({ en: 'Name', zh: '姓名' }, lang)}</div>` +
        `<div class="line">${say({ en: 'Date', zh: '日期' }, lang)}</div></div>`,
    )
    .join('');
  return `<section class="signatures keep">${blocks}</section>`;
}

/** Digits grouped by thousands, as the documents print every figure. */
export const grouped = groupDigits;

/** A whole number with thousands separators: 1,500. */
export function count(value: number): string {
  return grouped(value, 0);
}

/** An amount in its currency, to the currency's minor unit: USD 14,334.00. */
export function money(amount: number, currency: string): string {
  return `${esc(currency)} ${grouped(amount, minorUnits(currency))}`;
}

/** A fraction as a percent, without trailing zeros: 0.9556 → 95.56%, 0.03 → 3%. */
export function percent(fraction: number, places = 2): string {
  return `${grouped(fraction * 100, places).replace(/\.?0+$/, '')}%`;
}

/** An instant as the spreadsheet's wall-clock time, with its zone named. */
export function when(iso: string, timeZone: string): string {
  return iso ? `${formatInZone(new Date(iso), timeZone)} <span class="tz">(${esc(timeZone)})</span>` : '—';
}

/** A calendar day in the spreadsheet's zone. */
export function day(iso: string, timeZone: string): string {
  return iso ? formatInZone(new Date(iso), timeZone).slice(0, 10) : '—';
}
