import type { CaseRecord } from '../../core/case/lifecycle';
import { scopeOf } from '../../core/case/reworkScope';
import type { RecordedUnit } from '../../core/case/reworkScope';
import { DEFECTS, REWORKED_UNITS } from '../../tracker/schema';
import type { StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';

/** The case's defective units as recorded, with their class: what a rework's scope is drawn from. */
export function recordedUnits(wb: Workbook, caseId: string, foundAt?: string): RecordedUnit[] {
  return wb
    .rowsOf(DEFECTS, caseId)
    .filter((r) => foundAt === undefined || r.values.foundAt === foundAt)
    .map((r) => ({ unitRef: String(r.values.unitRef), class: String(r.values.class) }));
}

/** The units the cycle must cover; a cycle recorded before scopes were kept covers every defective unit. */
export function scopeOfCycle(wb: Workbook, c: CaseRecord, row: StoredRow): string[] {
  const scope = scopeOf(row.values.scope);
  if (scope.length) return scope;
  return [
    ...new Set(
      recordedUnits(wb, c.id)
        .filter((u) => u.class !== 'OK')
        .map((u) => u.unitRef),
    ),
  ];
}

/** The units in the Reworked log for the case's current cycle. */
export function loggedUnits(wb: Workbook, c: CaseRecord): string[] {
  return wb
    .rowsOf(REWORKED_UNITS, c.id)
    .filter((r) => Number(r.values.cycle) === c.reworkCycle)
    .map((r) => String(r.values.unitRef));
}
