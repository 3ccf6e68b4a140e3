import { InputError } from '../core/errors';
import type { ColumnSpec, SheetSpec } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type Row = Record<string, unknown>;

export interface StoredRow {
  /** 1-based sheet row; 0 while the row waits to be appended. */
  row: number;
  values: Row;
}

/** A cell the add-on could not read as its column's type: named by sheet, row and header, never fatal to a read. */
export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export function describeProblem(p: CellProblem): string {
  return `"${p.sheet}" row ${p.row}, ${p.column}: ${p.message}`;
}

/** A tracker sheet as found by its header: where each of our columns is. */
export interface Table {
  spec: SheetSpec;
  sheet: Sheet;
  /** Column (1-based) of each of our keys, found by header. */
  columns: Map<string, number>;
  /** Our columns in sheet order, with their positions. */
  placed: ReadonlyArray<{ column: ColumnSpec; at: number }>;
  /** The sheet's last row with content, asked once per step (the step writes only at its end). */
  lastRow?: number;
}

function lastRowWithContent(table: Table): number {
  table.lastRow ??= table.sheet.getLastRow();
  return table.lastRow;
}

/** How many rows of the key column to look at a time when finding the tracker's last row from the bottom up. */
const SCAN_CHUNK = 200;

/**
 * Text Sheets would read as something else — a formula (=, +, -, @), or its own apostrophe — is
 * written behind an apostrophe, which Sheets keeps out of the value: it reads back exactly as typed.
 */
export function asText(value: string): string {
  return /^[=+\-@']/.test(value) ? `'${value}` : value;
}

/** A value as it goes into a cell of the column. */
export function toCell(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (column.type === 'formula') return value;
  if (typeof value === 'string') return asText(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${column.header}: ${value} cannot be stored`);
  return value;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as its column's type; a value of the wrong type is a problem and reads as blank. */
export function fromCell(column: ColumnSpec, value: unknown, problem: (message: string) => void): unknown {
  const blank = value === '' || value === null || value === undefined;
  switch (column.type) {
    case 'number':
    case 'money':
    case 'percent':
      if (blank) return undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      problem(`"${String(value)}" is not a number`);
      return undefined;
    case 'date':
      if (blank) return undefined;
      if (isDate(value) && !Number.isNaN(value.getTime())) return value;
      problem(`"${String(value)}" is not a date`);
      return undefined;
    case 'boolean':
      if (blank) return false;
      if (typeof value === 'boolean') return value;
      problem(`"${String(value)}" is not a tick box value (TRUE or FALSE)`);
      return false;
    case 'formula':
      return blank ? '' : value;
    default:
      if (blank) return '';
      return isDate(value) ? isoDay(value) : String(value);
  }
}

export function sheetOrError(spreadsheet: Spreadsheet, spec: SheetSpec): Sheet {
  const sheet = spreadsheet.getSheetByName(spec.name);
  if (!sheet) throw new InputError(`the sheet "${spec.name}" is missing: run Extensions → Rework Desk → Set up case tracker.`);
  return sheet;
}

/** Where each of our columns is, by header; a missing header is an error naming it, before anything is written. */
export function headerColumns(spec: SheetSpec, header: readonly unknown[]): Map<string, number> {
  const position = new Map<string, number>();
  header.forEach((cell, i) => {
    const text = String(cell).trim();
    if (text && !position.has(text)) position.set(text, i + 1);
  });
  const columns = new Map<string, number>();
  const missing: string[] = [];
  for (const column of spec.columns) {
    const at = position.get(column.header);
    if (at === undefined) missing.push(column.header);
    else columns.set(column.key, at);
  }
  if (missing.length) {
    throw new InputError(
      `"${spec.name}" lacks the column(s) ${missing.map((m) => `"${m}"`).join(', ')}: run Set up case tracker to add them back.`,
    );
  }
  return columns;
}

/** Opens a tracker sheet by its header row: one read of the header, nothing else. */
export function openTable(spreadsheet: Spreadsheet, spec: SheetSpec): Table {
  const sheet = sheetOrError(spreadsheet, spec);
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const columns = headerColumns(spec, header);
  const placed = spec.columns.map((column) => ({ column, at: columns.get(column.key)! })).sort((a, b) => a.at - b.at);
  return { spec, sheet, columns, placed };
}

/** The key column's cells from row 2 down to the last row with content in any column. */
export function readKeyColumn(table: Table, key: string): string[] {
  const last = lastRowWithContent(table);
  if (last < 2) return [];
  return table.sheet
    .getRange(2, table.columns.get(key)!, last - 1, 1)
    .getValues()
    .map((line) => (line[0] === '' || line[0] === null ? '' : String(line[0]).trim()));
}

/**
 * Rows (2 and below) whose cell in a column is exactly `text` (or matches a regular expression):
 * Sheets searches on its side, so no cell is read until the rows are.
 */
export function findRows(table: Table, key: string, text: string, regularExpression = false): number[] {
  const last = lastRowWithContent(table);
  if (last < 2) return [];
  const finder = table.sheet
    .getRange(2, table.columns.get(key)!, last - 1, 1)
    .createTextFinder(text)
    .matchEntireCell(true)
    .matchCase(true);
  if (regularExpression) finder.useRegularExpression(true);
  return finder
    .findAll()
    .map((range) => range.getRow())
    .sort((a, b) => a - b);
}

/** One column's cells from `top` to `bottom` (inclusive), as text. */
export function readColumn(table: Table, key: string, top: number, bottom: number): string[] {
  if (bottom < top) return [];
  return table.sheet
    .getRange(top, table.columns.get(key)!, bottom - top + 1, 1)
    .getValues()
    .map((line) => (line[0] === '' || line[0] === null ? '' : String(line[0]).trim()));
}

/** The last row whose key cell holds a value (1 = only the header), read from the bottom up in chunks. */
export function lastKeyRow(table: Table, key: string): number {
  let bottom = lastRowWithContent(table);
  const column = table.columns.get(key)!;
  while (bottom >= 2) {
    const top = Math.max(2, bottom - SCAN_CHUNK + 1);
    const cells = table.sheet.getRange(top, column, bottom - top + 1, 1).getValues();
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i][0] !== '' && cells[i][0] !== null) return top + i;
    bottom = top - 1;
  }
  return 1;
}

/** Rows this close together are read in one call, gap and all: a call costs more than a few cells. */
const MERGE_GAP = 20;

/** Spans of the wanted rows, [first, count], merging those closer than MERGE_GAP. */
function spansOf(numbers: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const spans: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = spans[spans.length - 1];
    if (last && n - (last[0] + last[1] - 1) <= MERGE_GAP) last[1] = n - last[0] + 1;
    else spans.push([n, 1]);
  }
  return spans;
}

/**
 * Reads the given rows (one call per span of nearby rows, our columns' span only) as typed
 * records; cells of the wrong type are reported, not thrown.
 */
export function readRows(table: Table, rows: readonly number[], problems: CellProblem[], maxReads = Infinity): StoredRow[] {
  const first = table.placed[0].at;
  const width = table.placed[table.placed.length - 1].at - first + 1;
  let spans = spansOf(rows);
  // Rows scattered over more than `maxReads` spans: one read from the first to the last instead.
  if (spans.length > maxReads) spans = [[spans[0][0], spans[spans.length - 1][0] + spans[spans.length - 1][1] - spans[0][0]]];
  const wanted =
    maxReads < Infinity ? new Set(spans.flatMap(([start, count]) => Array.from({ length: count }, (_, i) => start + i))) : new Set(rows);
  const out: StoredRow[] = [];
  for (const [start, count] of spans) {
    const block = table.sheet.getRange(start, first, count, width).getValues();
    block.forEach((line, i) => {
      if (wanted.has(start + i)) out.push({ row: start + i, values: decode(table, line, start + i, first, problems) });
    });
  }
  return out;
}

function decode(table: Table, line: readonly unknown[], row: number, first: number, problems: CellProblem[]): Row {
  const values: Row = {};
  for (const { column, at } of table.placed) {
    values[column.key] = fromCell(column, line[at - first], (message) =>
      problems.push({ sheet: table.spec.name, row, column: column.header, message }),
    );
  }
  return values;
}

/** Reads every row whose key cell holds a value: for small sheets such as RD Settings. */
export function readAll(spreadsheet: Spreadsheet, spec: SheetSpec, key: string, problems: CellProblem[]): StoredRow[] {
  const table = openTable(spreadsheet, spec);
  const keys = readKeyColumn(table, key);
  const rows = keys.flatMap((k, i) => (k ? [i + 2] : []));
  return rows.length ? readRows(table, rows, problems) : [];
}

/**
 * Writes cells of one row or a block of rows: only the keys given, in runs of adjacent columns,
 * one call per run, so a user's own columns — and our cells the step did not change — are never touched.
 */
export function writeCells(table: Table, firstRow: number, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  const placed = table.placed.filter(({ column }) => keys.has(column.key));
  let start = 0;
  while (start < placed.length) {
    let end = start;
    while (end + 1 < placed.length && placed[end + 1].at === placed[end].at + 1) end++;
    const run = placed.slice(start, end + 1);
    const values = rows.map((row, i) =>
      run.map(({ column }) => {
        const value = toCell(column, row[column.key]);
        // A formula that names its own row is staged before the row is known.
        return column.type === 'formula' && typeof value === 'string' ? value.replace(/\{row\}/g, String(firstRow + i)) : value;
      }),
    );
    table.sheet.getRange(firstRow, run[0].at, rows.length, run.length).setValues(values);
    start = end + 1;
  }
}
