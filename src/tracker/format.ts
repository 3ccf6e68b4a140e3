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

/** What a column's cells get: one signature per kind of column, so adjacent alike columns share calls. */
function signature(column: ColumnSpec): string {
  const rule = column.options
    ? `list:${column.options.join('|')}`
    : column.type === 'boolean'
      ? 'checkbox'
      : column.type === 'date'
        ? 'date'
        : '';
  return `${rule}#${numberFormatOf(column) ?? ''}#${column.computed ? 'computed' : ''}`;
}

function rule(column: ColumnSpec, builders: Builders): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  if (column.options)
    return builders.newDataValidation().requireValueInList(column.options.map(String), true).setAllowInvalid(false).build();
  if (column.type === 'boolean') return builders.newDataValidation().requireCheckbox().build();
  // A date rule gives the cell Sheets' date picker and flags text typed into it.
  if (column.type === 'date')
    return builders.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('A date and time, e.g. 2026-03-14 09:30').build();
  return undefined;
}

/**
 * Dropdowns, checkboxes, date pickers, number formats and warning-only protection of computed
 * columns for a block of rows, one call of each kind per run of adjacent alike columns.
 */
export function formatRows(
  sheet: Sheet,
  spec: SheetSpec,
  placed: ReadonlyArray<{ column: ColumnSpec; at: number }>,
  firstRow: number,
  rows: number,
  builders: Builders,
): void {
  if (rows < 1) return;
  const sorted = [...placed].sort((a, b) => a.at - b.at);
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    const kind = signature(sorted[start].column);
    while (end + 1 < sorted.length && sorted[end + 1].at === sorted[end].at + 1 && signature(sorted[end + 1].column) === kind) end++;
    const run = sorted.slice(start, end + 1);
    const { column } = run[0];
    const range = sheet.getRange(firstRow, run[0].at, rows, run.length);
    const validation = rule(column, builders);
    if (validation) range.setDataValidation(validation);
    const numberFormat = numberFormatOf(column);
    if (numberFormat) range.setNumberFormat(numberFormat);
    if (column.computed) {
      const headers = run.map((r) => r.column.header).join(', ');
      range
        .protect()
        .setWarningOnly(true)
        .setDescription(`${spec.name}: ${headers} ${run.length > 1 ? 'are' : 'is'} written by Rework Desk from the protocol.`);
    }
    start = end + 1;
  }
}
