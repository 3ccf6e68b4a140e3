import { InputError } from '../core/errors';
import type { ColumnSpec, SheetSpec } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type Row = Record<string, unknown>;

export interface StoredRow {
  /** 1-based sheet row. */
  row: number;
  values: Row;
}

export interface Loaded {
  spec: SheetSpec;
  sheet: Sheet;
  /** Column (1-based) of each of our keys, found by header. */
  columns: Map<string, number>;
  rows: StoredRow[];
  /** The last row with anything in it (1 = only the header). */
  lastRow: number;
}

/** Sheets reads a typed "=…", "+…", "-…" or "@…" as a formula; a leading apostrophe keeps it text. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function toCell(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (column.type === 'formula') return value;
  if (typeof value === 'string') return asText(value);
  return value;
}

function fromCell(column: ColumnSpec, value: unknown): unknown {
  switch (column.type) {
    case 'number':
    case 'money':
    case 'percent':
      return value === '' || value === null ? undefined : typeof value === 'number' ? value : Number(value);
    case 'date':
      return value instanceof Date ? value : value === '' ? undefined : new Date(String(value));
    case 'boolean':
      return value === true || (typeof value === 'string' && value.toUpperCase() === 'TRUE');
    default:
      return value === null || value === undefined ? '' : String(value);
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

/** Reads a whole tracker sheet in one call. */
export function load(spreadsheet: Spreadsheet, spec: SheetSpec): Loaded {
  const sheet = sheetOrError(spreadsheet, spec);
  const values = sheet.getDataRange().getValues();
  const columns = headerColumns(spec, values[0] ?? []);
  // Positions looked up once, not once per cell: a tracker sheet can hold a million cells.
  const placed = spec.columns.map((column) => ({ column, at: columns.get(column.key)! - 1 }));
  const rows: StoredRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (line.every((cell) => cell === '' || cell === null)) continue;
    const row: Row = {};
    for (const { column, at } of placed) row[column.key] = fromCell(column, line[at]);
    rows.push({ row: r + 1, values: row });
  }
  return { spec, sheet, columns, rows, lastRow: values.length };
}

/** Reads only the header, for append-only sheets such as the log. */
export function loadHeader(spreadsheet: Spreadsheet, spec: SheetSpec): Loaded {
  const sheet = sheetOrError(spreadsheet, spec);
  const width = Math.max(1, sheet.getLastColumn());
  const columns = headerColumns(spec, sheet.getRange(1, 1, 1, width).getValues()[0]);
  return { spec, sheet, columns, rows: [], lastRow: sheet.getLastRow() };
}

/**
 * Writes rows starting at a sheet row. Our columns are written in runs of adjacent columns, one
 * call per run (one call in all unless a user put a column of their own in between), so a user's
 * own columns — values or formulas — are never touched.
 */
export function writeRows(table: Loaded, firstRow: number, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const placed = table.spec.columns.map((column) => ({ column, at: table.columns.get(column.key)! })).sort((a, b) => a.at - b.at);
  let start = 0;
  while (start < placed.length) {
    let end = start;
    while (end + 1 < placed.length && placed[end + 1].at === placed[end].at + 1) end++;
    const run = placed.slice(start, end + 1);
    const values = rows.map((row) => run.map(({ column }) => toCell(column, row[column.key])));
    table.sheet.getRange(firstRow, run[0].at, rows.length, run.length).setValues(values);
    start = end + 1;
  }
}

/** Appends rows after the last row of the sheet as loaded. */
export function appendRows(table: Loaded, rows: readonly Row[]): number {
  const first = table.lastRow + 1;
  writeRows(table, first, rows);
  table.lastRow += rows.length;
  return first;
}
