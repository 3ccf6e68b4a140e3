import { InputError } from '../../core/errors';
import type { Result, SelectionView } from '../../shared/contract';
import { CASES, TRACKER_SHEETS } from '../../tracker/schema';
import { openTable } from '../../tracker/table';
import type { Services } from '../services';
import { handle } from './common';

/** The most rows a selection is read for: a paste's worth. */
const MAX_SELECTED_ROWS = 500;

function cellText(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().slice(0, 10);
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The user's selection in the sheet, for the desk to act on: its cells as text (to classify the
 * selected rows, as if pasted) and, on a tracker sheet, the case of its first row (to open it).
 */
export function readSelection(services: Services): Result<SelectionView> {
  return handle((): SelectionView => {
    const spreadsheet = services.spreadsheet();
    const range = spreadsheet.getActiveRange();
    if (!range) throw new InputError('select one or more rows in a sheet first.');
    if (range.getNumRows() > MAX_SELECTED_ROWS) throw new InputError(`select at most ${MAX_SELECTED_ROWS} rows at a time.`);
    const sheet = range.getSheet();
    const name = sheet.getName();
    const rows = range.getValues().map((line) => line.map(cellText));
    const spec = TRACKER_SHEETS.find((s) => s.name === name && s.columns.some((c) => c.key === (s === CASES ? 'id' : 'caseId')));
    let caseId: string | undefined;
    if (spec && range.getRow() > 1) {
      const key = spec === CASES ? 'id' : 'caseId';
      const column = openTable(spreadsheet, spec).columns.get(key)!;
      const value = sheet.getRange(range.getRow(), column).getValue();
      caseId = value === '' ? undefined : String(value);
    }
    return { sheet: name, a1: range.getA1Notation(), rows, ...(caseId ? { caseId } : {}) };
  }, 'read');
}
