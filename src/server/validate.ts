import { InputError } from '../core/errors';
import { MAX_AMOUNT } from '../core/money';
import { formatInZone, parseTime, toMinute } from '../core/time';

/** Reading a request that arrived as `unknown` from the sidebar: each check says which field is wrong. */
export type Fields = Record<string, unknown>;

export function fields(input: unknown): Fields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InputError('the request is not a form.');
  return input as Fields;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function text(f: Fields, key: string, label: string, options: { required?: boolean; max?: number } = {}): string {
  const value = f[key];
  if (blank(value)) {
    if (options.required) throw new InputError(`${label} is required.`);
    return '';
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(`${label} must be text.`);
  const out = String(value).trim();
  const max = options.max ?? 500;
  if (out.length > max) throw new InputError(`${label} is longer than ${max} characters.`);
  return out;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function number(
  f: Fields,
  key: string,
  label: string,
  options: { required?: boolean; min?: number; max?: number; whole?: boolean } = {},
): number | undefined {
  const value = f[key];
  if (blank(value)) {
    if (options.required) throw new InputError(`${label} is required.`);
    return undefined;
  }
  // Decimal numerals only: no hex ("0x5DC"), no exponent, no NaN or Infinity.
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) throw new InputError(`${label} must be a number.`);
  if (Math.abs(n) > MAX_AMOUNT) throw new InputError(`${label} must be at most ${MAX_AMOUNT.toLocaleString('en-US')}.`);
  if (options.whole && !Number.isInteger(n)) throw new InputError(`${label} must be a whole number.`);
  if (options.min !== undefined && n < options.min) throw new InputError(`${label} must be ${options.min} or more.`);
  if (options.max !== undefined && n > options.max) throw new InputError(`${label} must be ${options.max} or less.`);
  return n;
}

export function requiredNumber(
  f: Fields,
  key: string,
  label: string,
  options: { min?: number; max?: number; whole?: boolean } = {},
): number {
  return number(f, key, label, { ...options, required: true })!;
}

export function flag(f: Fields, key: string): boolean {
  const value = f[key];
  if (blank(value)) return false;
  if (typeof value !== 'boolean') throw new InputError(`${key} must be true or false.`);
  return value;
}

/** How far ahead of the server's clock a recorded time may be: clocks and typing drift a little, not days. */
const FUTURE_SLACK_MS = 10 * 60_000;

/**
 * A time from the sidebar, or now when omitted: wall-clock time in the spreadsheet's zone, or an
 * ISO instant; a time more than a few minutes ahead of now is refused, as not yet happened.
 */
export function time(f: Fields, key: string, label: string, now: Date, timeZone: string): Date {
  const value = f[key];
  // Now, to the minute: times are shown and typed to the minute, so a hold begun at 11:04:37 can be
  // answered at 11:04.
  if (blank(value)) return toMinute(now);
  if (typeof value !== 'string') throw new InputError(`${label} must be a date and time such as 2026-03-14 09:30.`);
  const at = parseTime(label, value, timeZone);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw new InputError(`${label} is in the future (${formatInZone(at, timeZone)}, ${timeZone} time); record it once it has happened.`);
  }
  return at;
}

export function list(f: Fields, key: string, label: string, max = 500): unknown[] {
  const value = f[key];
  if (!Array.isArray(value) || value.length === 0) throw new InputError(`${label}: give at least one.`);
  if (value.length > max) throw new InputError(`${label}: at most ${max} at a time.`);
  return value;
}
