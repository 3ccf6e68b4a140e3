import { InputError } from './errors';

/**
 * Times as a spreadsheet user reads and types them: wall-clock times in the spreadsheet's time
 * zone (an IANA name such as Asia/Shanghai), stored as instants so they are never ambiguous.
 */

/** Milliseconds to add to a UTC instant to get the wall time in `timeZone`. */
function offsetAt(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utc / 1000) * 1000;
}

/** The instant of a wall-clock time in a time zone. */
export function wallTimeToDate(y: number, m: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, h, mi, s);
  const first = guess - offsetAt(guess, timeZone);
  return new Date(guess - offsetAt(first, timeZone));
}

/** The minute an instant falls in: times are typed and shown to the minute, so they are compared so. */
export function toMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** Whether a calendar day exists (no 30 February). */
export function isRealDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** An instant as the wall-clock time in a zone: "2026-03-14 09:30". */
export function formatInZone(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** Whether a name is a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time as typed: "2026-03-14 09:30" (or with T) is wall-clock time in the spreadsheet's zone;
 * with "Z" or an offset it is that instant. The day must exist and the hour be a real one.
 */
export function parseTime(label: string, text: string, timeZone: string): Date {
  const match = TIME.exec(text.trim());
  if (!match) throw new InputError(`${label} must be a date and time such as 2026-03-14 09:30 (${timeZone} time).`);
  const [y, m, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (!isRealDay(y, m, d)) throw new InputError(`${label}: ${match[1]}-${match[2]}-${match[3]} is not a date on the calendar.`);
  if (h > 23 || mi > 59 || s > 59) throw new InputError(`${label}: ${text.trim()} is not a time of day.`);
  const zone = match[7];
  if (!zone) return wallTimeToDate(y, m, d, h, mi, s, timeZone);
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(Date.UTC(y, m - 1, d, h, mi, s) - offset * 60_000);
}
