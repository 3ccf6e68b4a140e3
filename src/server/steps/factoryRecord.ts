/**
 * A factory's record as the tracker holds it: its original OQC inspections (found by its cases,
 * under any spelling of its name) and what the agent recorded for it in RD Factories.
 */
import { factoryKey, factoryStatus, planSeverity } from '../../core/factory/history';
import type { FactoryControls, FactoryStatus, OqcLot } from '../../core/factory/history';
import type { CaseRecord } from '../../core/case/lifecycle';
import type { Severity } from '../../core/sampling/tables';
import { recordedClasses } from '../../tracker/inspections';
import { CASES, FACTORIES, INSPECTIONS } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';

export const date = (v: unknown) => (v instanceof Date ? v : undefined);
export const num = (v: unknown) => Number(v) || 0;

/** An original OQC inspection as the switching rules read it; re-inspections and voided rows are not lots. */
export function oqcLotOf(v: Row): OqcLot | undefined {
  const at = date(v.at);
  if (v.kind !== 'OQC' || v.verdict === 'VOID' || !at) return undefined;
  return {
    caseId: String(v.caseId),
    at,
    lotSize: num(v.lotSize),
    severity: (String(v.severity) || 'normal') as Severity,
    letter: String(v.letter),
    sampleSize: num(v.sampleSize),
    ...recordedClasses(v),
  };
}

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** A pattern for exactly these case IDs. */
export const anyOf = (ids: readonly string[]) => `^(${ids.map(escapeRegex).join('|')})$`;

/** A pattern Sheets' TextFinder (RE2) and JavaScript read alike: the name in any case, spacing or punctuation. */
function lookAlike(name: string): string {
  const parts = name
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const letters = (word: string) =>
    [...word].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escapeRegex(ch))).join('');
  return `^[^A-Za-z0-9]*${parts.map(letters).join('[^A-Za-z0-9]*')}[^A-Za-z0-9]*$`;
}

export function controlsOf(row: Row | undefined, timeZone: string): FactoryControls {
  return { reducedApproved: row?.reducedApproved === true, correctiveActionAt: date(row?.correctiveActionAt), timeZone };
}

/** A factory's switching status from its own rows only: its cases found by name, their OQC rows by case ID. */
export function statusOfFactory(wb: Workbook, factory: string): FactoryStatus {
  const { cases, factories } = factoryRows(wb, factory);
  const lots = cases.length
    ? wb.rowsAt(INSPECTIONS, wb.find(INSPECTIONS, 'caseId', anyOf(cases.map((r) => String(r.values.id))), true))
    : [];
  return factoryStatus(
    lots.flatMap((r) => oqcLotOf(r.values) ?? []),
    wb.settings().edition,
    controlsOf(factories[0]?.values, wb.timeZone()),
  );
}

/** A factory's own cases and its RD Factories row, found by Sheets under any spelling of its name. */
export function factoryRows(wb: Workbook, factory: string): { cases: StoredRow[]; factories: StoredRow[] } {
  const key = factoryKey(factory);
  const mine = (spec: typeof CASES) =>
    wb.rowsAt(spec, wb.find(spec, 'factory', lookAlike(factory), true)).filter((r) => factoryKey(String(r.values.factory)) === key);
  return { cases: mine(CASES), factories: mine(FACTORIES) };
}

/**
 * The severities an open case's OQC is judged under: a case opened on its factory's record follows
 * the record until its OQC (lots of the factory inspected since may have moved it); one whose
 * severity the agent chose keeps it. `discontinued` says why inspection may not go ahead.
 */
export function currentSeverity(wb: Workbook, stored: StoredRow, record: CaseRecord): { record: CaseRecord; discontinued?: string } {
  if (record.status !== 'open' || stored.values.severityFromRecord !== true) return { record };
  const status = statusOfFactory(wb, record.factory);
  if (!status.lots) return { record };
  if (status.discontinued)
    return { record, discontinued: status.major.severity === 'discontinued' ? status.major.reason : status.minor.reason };
  return {
    record: {
      ...record,
      severity: planSeverity(status.major.severity) as Severity,
      severityMinor: planSeverity(status.minor.severity) as Severity,
    },
  };
}
