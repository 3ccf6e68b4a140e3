import { CASE_STATUSES, openCase } from '../../core/case/lifecycle';
import type { CaseStatus } from '../../core/case/lifecycle';
import { InputError } from '../../core/errors';
import { checkAql, parseLevel, parseSeverity } from '../../core/sampling/vocabulary';
import type { CaseList, CaseSummary, CaseView, Result } from '../../shared/contract';
import { caseFromRow, nextCaseId } from '../../tracker/caseRecords';
import { CASES, SETTINGS } from '../../tracker/schema';
import { LAST_CASE_ID, settingRows } from '../../tracker/settings';
import { describeProblem } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, number, requiredNumber, text } from '../validate';
import { answer, caseId, caseView, handle, locked, reader, summary } from './common';
import { statusOfFactory } from './factoryRecord';
import { planSeverity } from '../../core/factory/history';
import type { Severity } from '../../core/sampling/tables';
import type { Saved } from './common';
import { clientOfNewCase } from './clients';

/** How many closed cases the picker lists, most recent first, besides every open one. */
export const RECENT_CLOSED = 30;
const CLOSED: readonly CaseStatus[] = ['released', 'settled'];
const OPEN = CASE_STATUSES.filter((status) => !CLOSED.includes(status));
const anyOf = (statuses: readonly string[]) => `^(${statuses.join('|')})$`;

/**
 * Open cases and the most recent closed ones. Sheets finds the rows by status on its side, so only
 * the listed rows are read — never every case ever. A row with an ID but a status that is none of
 * the tracker's, or a cell that cannot be read, is reported by sheet, row and column, and the
 * other cases still list.
 */
function caseList(wb: Workbook): CaseList {
  const open = wb.find(CASES, 'status', anyOf(OPEN), true);
  const closed = wb.find(CASES, 'status', anyOf(CLOSED), true);
  const known = new Set([...open, ...closed]);
  const strays = wb.find(CASES, 'id', '.+', true).filter((row) => !known.has(row));
  const recent = closed.slice(-RECENT_CLOSED);
  const rows = wb.rowsAt(
    CASES,
    [...open, ...recent, ...strays].sort((a, b) => a - b),
  );
  const problems: string[] = [];
  const cases: CaseSummary[] = [];
  for (const stored of rows) {
    // A status with no case ID is not a case: the row is the user's.
    if (!stored.values.id) continue;
    try {
      const own = wb.problems.filter((p) => p.sheet === CASES.name && p.row === stored.row).map(describeProblem);
      const { updatedAt, nextStep } = stored.values;
      cases.push(summary(caseFromRow(stored.values, own), wb, updatedAt as Date | undefined, String(nextStep ?? '')));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`"${CASES.name}" row ${stored.row}: ${error.message}`);
    }
  }
  return { cases, olderClosed: closed.length - recent.length, problems };
}

/**
 * The next case ID: after the last one handed out (kept in RD Settings, so a deleted case's ID is
 * never given again) and after the tracker's last row, skipping any ID already in use.
 */
function newCaseId(wb: Workbook): string {
  const year = wb.now.getUTCFullYear();
  const last = wb.lastRow(CASES);
  const seen = [wb.settings().lastCaseId, ...(last > 1 ? wb.column(CASES, 'id', last, last) : [])];
  let id = nextCaseId(seen, year);
  while (wb.find(CASES, 'id', id).length) id = nextCaseId([id], year);
  const counter = wb.settingRows().find((r) => String(r.values.setting).trim() === LAST_CASE_ID);
  if (counter) wb.update(SETTINGS, counter, { value: id });
  else wb.append(SETTINGS, [{ setting: LAST_CASE_ID, value: id, notes: settingRows().find((r) => r.name === LAST_CASE_ID)!.notes }]);
  return id;
}

export function listCases(services: Services): Result<CaseList> {
  return handle(() => caseList(reader(services)), 'read');
}

export function createCase(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return handle(() => {
    const f = fields(request);
    return locked(services, (wb) => {
      const settings = wb.settings();
      const level = text(f, 'level', 'Inspection level');
      const severity = text(f, 'severity', 'Severity');
      const severityMinor = text(f, 'severityMinor', 'Severity minor');
      const factory = text(f, 'factory', 'Factory', { required: true, max: 200 });
      // A factory's next case starts where its record puts it, class by class (unless the agent sets a severity).
      const history = statusOfFactory(wb, factory);
      if (history.discontinued) {
        throw new InputError(
          `inspection of ${factory} is discontinued: ${(history.major.severity === 'discontinued'
            ? history.major.reason
            : history.minor.reason
          )
            .replace(/^discontinued: /, '')
            .replace(
              /; record .*$/,
              '',
            )}. Record its corrective action in "RD Factories" (Corrective action on) to resume on tightened inspection.`,
        );
      }
      const aqlMajor = number(f, 'aqlMajor', 'AQL major', { min: 0 });
      const aqlMinor = number(f, 'aqlMinor', 'AQL minor', { min: 0 });
      // Each class: the agent's choice, else where the factory's lots put it, else the workbook's default.
      const fromRecord = (cls: 'major' | 'minor') => (history.lots ? (planSeverity(history[cls].severity) as Severity) : settings.severity);
      const chosen = {
        major: severity ? parseSeverity(severity) : fromRecord('major'),
        minor: severityMinor ? parseSeverity(severityMinor) : fromRecord('minor'),
      };
      const said = (cls: 'major' | 'minor', typed: string) =>
        `${cls} ${chosen[cls]}${typed ? ` set by the agent${history.lots ? `; the factory’s record calls for ${history[cls].severity}` : ''}` : history.lots ? ' from the factory’s record' : ''}`;
      const { client, internalNotes } = clientOfNewCase(wb, f);
      const id = newCaseId(wb);
      const record = openCase(
        id,
        {
          factory,
          style: text(f, 'style', 'Style', { required: true, max: 200 }),
          po: text(f, 'po', 'PO', { max: 100 }),
          orderValue: requiredNumber(f, 'orderValue', 'Order value', { min: 0 }),
          currency: text(f, 'currency', 'Currency', { max: 8 }) || settings.currency,
          lotSize: requiredNumber(f, 'lotSize', 'Lot size', { min: 1, whole: true }),
          level: level ? parseLevel(level) : settings.level,
          severity: chosen.major,
          severityMinor: chosen.minor,
          aqlMajor: aqlMajor === undefined ? settings.aqlMajor : checkAql(aqlMajor),
          aqlMinor: aqlMinor === undefined ? settings.aqlMinor : checkAql(aqlMinor),
        },
        wb.now,
      );
      const switching = history.lots || severity || severityMinor ? ` (${said('major', severity)}; ${said('minor', severityMinor)})` : '';
      // Opened ahead of its OQC, a case follows its factory's record until then, unless the agent chose.
      wb.saveCase(
        undefined,
        record,
        `Case opened${switching}`,
        { severityFromRecord: !severity && !severityMinor, client, internalNotes },
        [],
      );
      return answer(wb, f, id, summary(record, wb));
    });
  });
}

export function getCase(services: Services, request: unknown): Result<CaseView> {
  return handle(() => caseView(reader(services), caseId(fields(request))), 'read');
}
