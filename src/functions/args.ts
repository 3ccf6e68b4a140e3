import { InputError } from '../core/errors';

/** What Sheets hands a custom function for one cell. Blank cells arrive as "". */
export type CellValue = string | number | boolean | Date | null | undefined;
export type Grid<T = CellValue> = T[][];

export const BLANK = '';

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Throws the Error Sheets shows in the cell's note: it starts with the function's name. */
export function formulaError(fn: string, message: string): never {
  throw new Error(`${fn}: ${message}`);
}

/** Runs a cell's work and turns a user-facing InputError into the named formula error. */
export function inFormula<T>(fn: string, where: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) formulaError(fn, where ? `${error.message} (${where})` : error.message);
    throw error;
  }
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number from a cell: numbers as they are; text only when it is plainly numeric ("1500", "2.5",
 * "15%" → 0.15, as Sheets reads a percent). Thousands separators are refused: "1,500" is 1.5 in
 * half the world's locales.
 */
export function toNumber(name: string, value: CellValue): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    const percent = text.endsWith('%');
    const digits = percent ? text.slice(0, -1).trim() : text;
    if (NUMERIC_TEXT.test(digits)) return percent ? Number(digits) / 100 : Number(digits);
  }
  throw new InputError(`${name} must be a number; got ${describe(value)}.`);
}

/** A whole number ≥ min from a cell. */
export function toWhole(name: string, value: CellValue, min = 0): number {
  const number = toNumber(name, value);
  if (!Number.isInteger(number) || number < min) {
    throw new InputError(`${name} must be a whole number of ${min} or more; got ${describe(value)}.`);
  }
  return number;
}

/** A number ≥ 0 from a cell. */
export function toAmount(name: string, value: CellValue): number {
  const number = toNumber(name, value);
  if (number < 0) throw new InputError(`${name} must be 0 or more; got ${describe(value)}.`);
  return number;
}

export function toText(name: string, value: CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InputError(`${name} must be text; got ${describe(value)}.`);
}

/** How a value reads in an error note. */
export function describe(value: unknown): string {
  if (isBlank(value)) return 'a blank cell';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a range';
  return String(value);
}

/** A cell or a range, as a grid. An empty range is refused: Sheets never sends one, a caller might. */
export function asGrid(fn: string, name: string, value: unknown): Grid {
  if (!Array.isArray(value)) return [[value as CellValue]];
  if (value.length === 0 || !value.every((row) => Array.isArray(row) && row.length === value[0].length && row.length > 0)) {
    formulaError(fn, `${name} must be a cell or a rectangular range.`);
  }
  return value as Grid;
}

export interface Arg {
  name: string;
  value: unknown;
}

/**
 * Built-in style broadcasting: every argument is a cell or a range; ranges must share one shape,
 * and single cells apply to every position. `each` gets the cells at one position. An error at a
 * position of a larger range says which row and column it came from.
 */
export function broadcast<T>(fn: string, args: readonly Arg[], each: (cells: CellValue[]) => T): Grid<T> {
  const grids = args.map((arg) => asGrid(fn, arg.name, arg.value));
  let rows = 1;
  let cols = 1;
  let shapeOf = '';
  grids.forEach((grid, i) => {
    if (grid.length === 1 && grid[0].length === 1) return;
    if (shapeOf && (grid.length !== rows || grid[0].length !== cols)) {
      formulaError(
        fn,
        `${args[i].name} is ${grid.length}×${grid[0].length} but ${shapeOf} is ${rows}×${cols}; ranges must have the same shape.`,
      );
    }
    rows = grid.length;
    cols = grid[0].length;
    shapeOf = args[i].name;
  });
  const scalar = grids.map((grid) => grid.length === 1 && grid[0].length === 1);
  const cells: CellValue[] = grids.map((grid) => grid[0][0]);
  const out: Grid<T> = [];
  let r = 0;
  let c = 0;
  // One try around the whole walk: a try or closure per cell costs more than the cell's own work.
  try {
    for (r = 0; r < rows; r++) {
      const line: T[] = new Array(cols);
      for (c = 0; c < cols; c++) {
        for (let a = 0; a < grids.length; a++) if (!scalar[a]) cells[a] = grids[a][r][c];
        line[c] = each(cells);
      }
      out.push(line);
    }
  } catch (error) {
    const where = rows === 1 && cols === 1 ? '' : `row ${r + 1}, column ${c + 1} of the range`;
    return inFormula(fn, where, () => {
      throw error;
    });
  }
  return out;
}

/** A 1×1 result as a plain value, as a built-in returns it; anything larger as it is. */
export function unwrapSingle<T>(grid: Grid<T>): T | Grid<T> {
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
}

/** One cell's value; a range of more than one cell is refused for arguments that take a single value. */
export function single(name: string, value: unknown): CellValue {
  if (!Array.isArray(value)) return value as CellValue;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0] as CellValue;
  throw new InputError(`${name} must be a single cell, not a range.`);
}

/** The non-blank cells of a cell or a range, in reading order. */
export function cellsOf(value: unknown): CellValue[] {
  const cells = Array.isArray(value) ? (value as unknown[]).flat() : [value];
  return (cells as CellValue[]).filter((cell) => !isBlank(cell));
}

/** Runs a formula's work so that a user-facing problem becomes the named formula error. */
export function formula<T>(fn: string, work: () => T): T {
  return inFormula(fn, '', work);
}

/** An optional number: blank or omitted gives undefined. */
export function optionalNumber(name: string, value: unknown, read: (name: string, v: CellValue) => number = toNumber): number | undefined {
  const cell = single(name, value);
  return isBlank(cell) ? undefined : read(name, cell);
}
