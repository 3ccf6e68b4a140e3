import { InputError } from './errors';

/** The core's input checks: one wording for each, whichever rule asks. */

/** A count of units or defects: a whole number, 0 or more. */
export function wholeCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InputError(`${name} must be a whole number of 0 or more; got ${value}.`);
  return value;
}

/** An amount, rate or duration: a finite number, 0 or more. */
export function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new InputError(`${name} must be a number, 0 or more; got ${value}.`);
  return value;
}
