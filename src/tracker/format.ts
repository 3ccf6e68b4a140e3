import type { ColumnSpec, SheetSpec } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Builders = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

/** Plain text: what a user typed reads back exactly ("0045012", "10/24", "TRUE" stay text). */
export const PLAIN_TEXT_FORMAT = '@';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const NUMBER_FORMATS: Partial<Record<ColumnSpec['type'], string>> = {
  text: PLAIN_TEXT_FORMAT,
  link: PLAIN_TEXT_FORMAT,
  money: '#,##0.00',
  percent: '0.00%',
  date: DATE_TIME_FORMAT,
};

export function numberFormatOf(column: ColumnSpec): string | undefined {
  return NUMBER_FORMATS[column.type];
}

function rule(column: ColumnSpec, builders: Builders): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (column.options)
    return builders.newDataValidation().requireValueInList(column.options.map(String), true).setAllowInvalid(false).build();
  if (column.type === 'boolean') return builders.newDataValidation().requireCheckbox().build();
  // A date rule gives the cell Sheets' date picker and flags text typed into it.
  if (column.type === 'date')
    return builders.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('A date and time, e.g. 2026-03-14 09:30').build();
  return null;
}

type Placed = ReadonlyArray<{ column: ColumnSpec; at: number }>;

/** Runs of adjacent columns for which `together` holds between neighbours. */
function runs(placed: Placed, together: (a: ColumnSpec, b: ColumnSpec) => boolean): Placed[] {
  const sorted = [...placed].sort((a, b) => a.at - b.at);
  const out: Array<Array<{ column: ColumnSpec; at: number }>> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.at + 1 === p.at && together(prev.column, p.column)) last.push(p);
    else out.push([p]);
  }
  return out;
}

function a1(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * Dropdowns, checkboxes, date pickers, number formats and warning-only protection of computed
 * columns for a block of rows, in as few calls as Sheets allows: one RangeList per number format,
 * one setDataValidations per run of our adjacent columns, one protection per run of adjacent
 * computed columns. A user's own columns between ours are never touched.
 */
export function formatRows(sheet: Sheet, spec: SheetSpec, placed: Placed, firstRow: number, rows: number, builders: Builders): void {
  if (rows < 1) return;
  const lastRow = firstRow + rows - 1;
  const byFormat = new Map<string, string[]>();
  for (const run of runs(placed, (a, b) => numberFormatOf(a) === numberFormatOf(b))) {
    const format = numberFormatOf(run[0].column);
    if (!format) continue;
    const list = byFormat.get(format) ?? [];
    list.push(`${a1(run[0].at, firstRow)}:${a1(run[run.length - 1].at, lastRow)}`);
    byFormat.set(format, list);
  }
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);

  for (const run of runs(placed, () => true)) {
    const rules = run.map(({ column }) => rule(column, builders));
    if (rules.every((r) => r === null)) continue;
    sheet.getRange(firstRow, run[0].at, rows, run.length).setDataValidations(Array.from({ length: rows }, () => rules));
  }

  for (const run of runs(
    placed.filter((p) => p.column.computed),
    () => true,
  )) {
    const headers = run.map((r) => r.column.header).join(', ');
    const why = run.length === 1 && run[0].column.protectedBecause;
    sheet
      .getRange(firstRow, run[0].at, rows, run.length)
      .protect()
      .setWarningOnly(true)
      .setDescription(
        why
          ? `${spec.name}: ${headers} ${why}`
          : `${spec.name}: ${headers} ${run.length > 1 ? 'are' : 'is'} written by Rework Desk from the protocol.`,
      );
  }
}
