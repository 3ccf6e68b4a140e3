/**
 * What Sheets makes of a string written with setValue/setValues: the same as if a user typed it
 * (Range.setValue: "the value can be numeric, string, boolean or date"; strings are interpreted as
 * user-entered input, as the Sheets API's USER_ENTERED option describes: "The values will be
 * parsed as if the user typed them into the UI. Numbers will stay as numbers, but strings may be
 * converted to numbers, dates, etc. following the same rules that are applied when entering text
 * into a cell via the Google Sheets UI."). The locale modelled is en_US.
 */
import { isRealDay, wallTimeToDate } from '../src/core/time';

export type Typed =
  | { kind: 'text'; value: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date };

const NUMBER = /^([+-])?(\$)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;

function hours(h: number, ampm: string | undefined): number | undefined {
  if (!ampm) return h <= 23 ? h : undefined;
  if (h < 1 || h > 12) return undefined;
  return (h % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
}

function date(y: number, m: number, d: number, h: number, mi: number, s: number, timeZone: string): Typed | undefined {
  if (!isRealDay(y, m, d) || mi > 59 || s > 59) return undefined;
  return { kind: 'date', value: wallTimeToDate(y, m, d, h, mi, s, timeZone) };
}

/**
 * Reads a string as Sheets reads typing. A leading apostrophe forces text and is not part of the
 * value; "=" starts a formula. With the plain-text number format ("@") nothing else is parsed:
 * "0045012" stays "0045012".
 */
export function typedInput(input: string, plainText: boolean, timeZone: string, now: Date): Typed {
  if (input.startsWith("'")) return { kind: 'text', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  if (plainText) return { kind: 'text', value: input };
  const s = input.trim();
  if (/^(true|false)$/i.test(s)) return { kind: 'boolean', value: s.toUpperCase() === 'TRUE' };
  const n = NUMBER.exec(s);
  if (n) {
    let value = Number(n[3].replace(/,/g, '')) * 10 ** Number(n[4] ?? 0);
    if (n[5]) value /= 100;
    if (n[1] === '-') value = -value;
    if (Number.isFinite(value)) return { kind: 'number', value };
  }
  const us = US_DATE.exec(s);
  if (us) {
    const year =
      us[3] === undefined
        ? Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now))
        : us[3].length === 2
          ? 2000 + Number(us[3])
          : Number(us[3]);
    const h = hours(Number(us[4] ?? 0), us[7]);
    const typed =
      h === undefined ? undefined : date(year, Number(us[1]), Number(us[2]), h, Number(us[5] ?? 0), Number(us[6] ?? 0), timeZone);
    if (typed) return typed;
  }
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const typed = date(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      timeZone,
    );
    if (typed && Number(iso[4] ?? 0) <= 23) return typed;
  }
  // "+1+1" or "-A1" typed into a cell is read as a formula, as a spreadsheet reads arithmetic
  // typed without "=" (undocumented for Sheets; the stricter reading).
  if (/^[+-]/.test(s)) return { kind: 'formula', formula: `=${s}` };
  const time = TIME.exec(s);
  if (time) {
    const h = hours(Number(time[1]), time[4]);
    // A time alone is a time of day on Sheets' day zero, 30 December 1899.
    const typed = h === undefined ? undefined : date(1899, 12, 30, h, Number(time[2]), Number(time[3] ?? 0), timeZone);
    if (typed) return typed;
  }
  return { kind: 'text', value: input };
}
