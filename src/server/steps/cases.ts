import { openCase } from '../../core/case/lifecycle';
import { InputError } from '../../core/errors';
import { checkAql, parseLevel, parseSeverity } from '../../core/sampling/vocabulary';
import type { CaseList, CaseSummary, CaseView, Result } from '../../shared/contract';
import { caseFromRow, nextCaseId } from '../../tracker/caseRecords';
import { CASES } from '../../tracker/schema';
import { describeProblem } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, number, requiredNumber, text } from '../validate';
import { answer, caseId, caseView, handle, locked, reader, summary } from './common';
import type { Saved } from './common';

/** How many closed cases the picker lists, most recent first, besides every open one. */
export const RECENT_CLOSED = 30;
const CLOSED = new Set(['released', 'settled']);

/**
 * Open cases and the most recent closed ones, from two columns of RD Cases and the listed rows —
 * never every case ever. A row that cannot be read is reported by sheet, row and column and the
 * others still list.
 */
function caseList(wb: Workbook): CaseList {
  const ids = wb.keys(CASES);
  const statuses = wb.columnValues(CASES, 'status');
  const open: number[] = [];
  const closed: number[] = [];
  ids.forEach((id, i) => {
    if (id) (CLOSED.has(statuses[i]) ? closed : open).push(i + 2);
  });
  const recent = closed.slice(-RECENT_CLOSED);
  const rows = wb.rowsAt(
    CASES,
    [...open, ...recent].sort((a, b) => a - b),
  );
  const problems: string[] = [];
  const cases: CaseSummary[] = [];
  for (const stored of rows) {
    try {
      const own = wb.problems.filter((p) => p.sheet === CASES.name && p.row === stored.row).map(describeProblem);
      cases.push(summary(caseFromRow(stored.values, own), wb, stored.values.updatedAt as Date | undefined));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`"${CASES.name}" row ${stored.row}: ${error.message}`);
    }
  }
  return { cases, olderClosed: closed.length - recent.length, problems };
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
      const aqlMajor = number(f, 'aqlMajor', 'AQL major', { min: 0 });
      const aqlMinor = number(f, 'aqlMinor', 'AQL minor', { min: 0 });
      const id = nextCaseId(wb.keys(CASES), wb.now.getUTCFullYear());
      const record = openCase(
        id,
        {
          factory: text(f, 'factory', 'Factory', { required: true, max: 200 }),
          style: text(f, 'style', 'Style', { required: true, max: 200 }),
          po: text(f, 'po', 'PO', { max: 100 }),
          orderValue: requiredNumber(f, 'orderValue', 'Order value', { min: 0 }),
          currency: text(f, 'currency', 'Currency', { max: 8 }) || settings.currency,
          lotSize: requiredNumber(f, 'lotSize', 'Lot size', { min: 1, whole: true }),
          level: level ? parseLevel(level) : settings.level,
          severity: severity ? parseSeverity(severity) : settings.severity,
          aqlMajor: aqlMajor === undefined ? settings.aqlMajor : checkAql(aqlMajor),
          aqlMinor: aqlMinor === undefined ? settings.aqlMinor : checkAql(aqlMinor),
        },
        wb.now,
      );
      wb.saveCase(undefined, record, 'Case opened', {}, []);
      return answer(wb, f, id, summary(record, wb));
    });
  });
}

export function getCase(services: Services, request: unknown): Result<CaseView> {
  return handle(() => caseView(reader(services), caseId(fields(request))), 'read');
}
