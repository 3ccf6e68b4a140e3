import type { SetupResult } from '../shared/contract';
import { CASES, INSPECTIONS, SETTINGS, TRACKER_SHEETS } from './schema';
import type { ColumnSpec, SheetSpec } from './schema';
import { formatRows } from './format';
import type { Builders } from './format';
import { settingRows } from './settings';
import { asText } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type { Builders } from './format';

export type SetupReport = SetupResult;

type Plan =
  | { spec: SheetSpec; action: 'create' }
  | { spec: SheetSpec; action: 'extend'; sheet: Sheet; missing: ColumnSpec[]; width: number }
  | { spec: SheetSpec; action: 'keep'; sheet: Sheet };

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function plan(spreadsheet: Spreadsheet, spec: SheetSpec, problems: string[]): Plan | undefined {
  const sheet = spreadsheet.getSheetByName(spec.name);
  if (!sheet) return { spec, action: 'create' };
  const width = sheet.getLastColumn();
  const header =
    width > 0
      ? sheet
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => String(h).trim())
      : [];
  const present = new Set(header.filter(Boolean));
  const missing = spec.columns.filter((c) => !present.has(c.header));
  if (missing.length === spec.columns.length && sheet.getLastRow() > 0) {
    problems.push(
      `"${spec.name}" already exists but its first row has none of the tracker's columns; rename that sheet or move its data, then set up again.`,
    );
    return undefined;
  }
  const duplicated = spec.columns.filter((c) => header.filter((h) => h === c.header).length > 1);
  if (duplicated.length) {
    problems.push(`"${spec.name}" has the column "${duplicated[0].header}" twice; remove one, then set up again.`);
    return undefined;
  }
  return missing.length ? { spec, action: 'extend', sheet, missing, width } : { spec, action: 'keep', sheet };
}

/**
 * Turns the workbook into the case tracker. Creates missing sheets, adds missing columns at the end
 * of existing ones, adds missing settings; never changes or removes anything that is there. Checks
 * every sheet before writing any: if one cannot be reconciled, nothing is written.
 */
export function setupTracker(spreadsheet: Spreadsheet, builders: Builders): SetupReport {
  const report: SetupReport = { ok: true, created: [], columnsAdded: {}, settingsAdded: [], unchanged: [], problems: [] };
  const plans = TRACKER_SHEETS.map((spec) => plan(spreadsheet, spec, report.problems));
  if (report.problems.length) return { ...report, ok: false };

  let settingsSheet: Sheet | undefined;
  for (const p of plans as Plan[]) {
    if (p.action === 'create') {
      const sheet = spreadsheet.insertSheet(p.spec.name);
      widen(sheet, p.spec.columns.length, true);
      writeHeader(sheet, 1, p.spec.columns);
      sheet.setFrozenRows(1);
      format(sheet, p.spec, p.spec.columns, 1, NEW_SHEET_ROWS, builders);
      if (p.spec === CASES || p.spec === INSPECTIONS) sheet.setConditionalFormatRules(highlightRules(sheet, p.spec, builders));
      if (p.spec === SETTINGS) settingsSheet = sheet;
      report.created.push(p.spec.name);
    } else if (p.action === 'extend') {
      widen(p.sheet, p.width + p.missing.length, false);
      writeHeader(p.sheet, p.width + 1, p.missing);
      format(p.sheet, p.spec, p.missing, p.width + 1, p.sheet.getMaxRows(), builders);
      report.columnsAdded[p.spec.name] = p.missing.map((c) => c.header);
    } else {
      report.unchanged.push(p.spec.name);
    }
  }
  report.settingsAdded = addMissingSettings(settingsSheet ?? spreadsheet.getSheetByName(SETTINGS.name)!);
  return report;
}

function writeHeader(sheet: Sheet, firstColumn: number, columns: readonly ColumnSpec[]): void {
  sheet
    .getRange(1, firstColumn, 1, columns.length)
    .setValues([columns.map((c) => c.header)])
    .setFontWeight('bold');
}

/** A sheet just inserted has Sheets' default size, 1,000 rows × 26 columns: no need to ask it. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/**
 * Adds what the tracker needs before writing past a sheet's last column. A sheet just inserted has
 * Sheets' default width; one that exists may have lost columns to its user, so it is asked.
 */
function widen(sheet: Sheet, columns: number, inserted: boolean): void {
  if (inserted && columns <= NEW_SHEET_COLUMNS) return;
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}

function format(
  sheet: Sheet,
  spec: SheetSpec,
  columns: readonly ColumnSpec[],
  firstColumn: number,
  maxRows: number,
  builders: Builders,
): void {
  const placed = columns.map((column, i) => ({ column, at: firstColumn + i }));
  formatRows(sheet, spec, placed, 2, maxRows - 1, builders);
}

/** Rejected lots, failed re-inspections, quarantined lots and overdue hold notices stand out. */
function highlightRules(sheet: Sheet, spec: SheetSpec, builders: Builders): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const at = (key: string) => columnLetter(spec.columns.findIndex((c) => c.key === key) + 1);
  const body = sheet.getRange(2, 1, NEW_SHEET_ROWS - 1, spec.columns.length);
  const rule = (formula: string, colour: string) =>
    builders.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(colour).setRanges([body]).build();
  if (spec === CASES) {
    return [
      rule(`=$${at('quarantined')}2=TRUE`, '#f4c7c3'),
      rule(
        `=AND($${at('notifyBy')}2<>"", OR(AND($${at('agentNotifiedAt')}2="", NOW()>$${at('notifyBy')}2), $${at('agentNotifiedAt')}2>$${at('notifyBy')}2))`,
        '#fce8b2',
      ),
      rule(`=$${at('status')}2="on-hold"`, '#fdecea'),
    ];
  }
  return [rule(`=OR($${at('verdict')}2="REJECT", $${at('verdict')}2="FAIL")`, '#f4c7c3')];
}

function addMissingSettings(sheet: Sheet): string[] {
  const lastRow = sheet.getLastRow();
  const width = Math.max(sheet.getLastColumn(), SETTINGS.columns.length);
  const values = sheet.getRange(1, 1, Math.max(lastRow, 1), width).getValues();
  const header = values[0].map((h) => String(h).trim());
  const keyAt = header.indexOf(SETTINGS.columns[0].header);
  const valueAt = header.indexOf(SETTINGS.columns[1].header);
  const notesAt = header.indexOf(SETTINGS.columns[2].header);
  const have = new Set(values.slice(1).map((row) => String(row[keyAt]).trim()));
  const missing = settingRows().filter((s) => !have.has(s.name));
  if (missing.length === 0) return [];
  const rows = missing.map((s) => {
    const row: unknown[] = new Array(width).fill('');
    row[keyAt] = s.name;
    row[valueAt] = typeof s.value === 'string' ? asText(s.value) : s.value;
    row[notesAt] = s.notes;
    return row;
  });
  sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rows);
  return missing.map((s) => s.name);
}
