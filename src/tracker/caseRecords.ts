import type { CaseRecord } from '../core/case/lifecycle';
import { InputError } from '../core/errors';
import { CASE_STATUSES } from '../core/case/lifecycle';
import type { InspectionLevel, Severity } from '../core/sampling/tables';
import type { Row } from './table';

/**
 * A case as its RD Cases row holds it. A case whose status is not one of the tracker's (a user typed
 * over it) or whose cells could not be read cannot be worked on: the error names the cells.
 */
export function caseFromRow(row: Row, problems: readonly string[] = []): CaseRecord {
  const status = String(row.status) as CaseRecord['status'];
  if (!CASE_STATUSES.includes(status)) {
    throw new InputError(
      `could not read case ${String(row.id)}: its status "${String(row.status)}" is not one of the tracker's; put the status back (RD Log has it).`,
    );
  }
  if (problems.length) throw new InputError(`could not read case ${String(row.id)}: ${problems.join('; ')}.`);
  const date = (v: unknown) => (v instanceof Date ? v : undefined);
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    id: str(row.id),
    status,
    createdAt: date(row.createdAt) ?? new Date(0),
    factory: str(row.factory),
    style: str(row.style),
    po: str(row.po),
    orderValue: Number(row.orderValue),
    currency: str(row.currency),
    lotSize: Number(row.lotSize),
    level: str(row.level) as InspectionLevel,
    aqlMajor: Number(row.aqlMajor),
    aqlMinor: Number(row.aqlMinor),
    severity: str(row.severity) as Severity,
    severityMinor: (str(row.severityMinor) || undefined) as Severity | undefined,
    inspector: str(row.inspector) || undefined,
    holdAt: date(row.holdAt),
    notifyBy: date(row.notifyBy),
    agentNotifiedAt: date(row.agentNotifiedAt),
    quarantined: row.quarantined === true,
    reworkCycle: Number(row.reworkCycle ?? 0) || 0,
    factoryPaysNextCycle: row.factoryPaysNextCycle === true,
    evidenceOverride: str(row.evidenceOverride) || undefined,
    reworkAgreed: row.reworkAgreed === true,
    concessionAgreed: row.concessionAgreed === true,
    wasHeld: row.wasHeld === true,
  };
}

export function caseToRow(c: CaseRecord, nextStep: string, updatedAt: Date): Row {
  return { ...c, nextStep, updatedAt };
}

/** Readable, unique IDs per year: RD-2026-0001. Computed under the document lock from the IDs that exist. */
export function nextCaseId(existing: readonly string[], year: number): string {
  const prefix = `RD-${year}-`;
  let max = 0;
  for (const id of existing) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** A compact, readable snapshot for the log's Before/After columns. */
export function snapshot(c: CaseRecord | undefined): string {
  if (!c) return '';
  const parts = [`status=${c.status}`];
  if (c.quarantined) parts.push('quarantined');
  if (c.reworkCycle) parts.push(`cycle=${c.reworkCycle}`);
  if (c.factoryPaysNextCycle) parts.push('factory pays next cycle');
  if (c.reworkAgreed) parts.push('rework agreed');
  if (c.concessionAgreed) parts.push('concession agreed');
  return parts.join('; ');
}
