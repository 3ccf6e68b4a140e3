import { recordEvidenceState } from '../../core/case/lifecycle';
import type { CaseRecord } from '../../core/case/lifecycle';
import { EVIDENCE_KINDS } from '../../core/case/evidence';
import { InputError } from '../../core/errors';
import type { CaseSummary, Result } from '../../shared/contract';
import { DEFECTS, EVIDENCE } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, list, text } from '../validate';
import type { Fields } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

/** A photo or video link: https only, one line. */
const LINK = /^https:\/\/\S+$/i;

export function readLink(f: Fields, key: string, label: string): string {
  const value = text(f, key, label, { max: 2000 });
  if (value && !LINK.test(value)) throw new InputError(`${label} must be a link starting with https://.`);
  return value;
}

/**
 * Writes a unit's evidence row with its completeness worked out with the new links in place (one
 * write), and moves the case's evidence state where it is still at that step.
 */
export function storeEvidence(wb: Workbook, record: CaseRecord, existing: StoredRow | undefined, unitRef: string, links: Row) {
  const row: Row = { ...(existing?.values ?? { caseId: record.id, unitRef }), ...links };
  const gaps = wb.gapsOf(record.id, row);
  const missing = gaps.find((g) => g.unitRef === unitRef)?.missing ?? [];
  row.complete = missing.length === 0;
  row.missing = missing.join('; ');
  if (existing) wb.update(EVIDENCE, existing, row);
  else wb.append(EVIDENCE, [row]);
  return { gaps, missing };
}

export function defectiveUnit(wb: Workbook, record: CaseRecord, unitRef: string): void {
  if (!wb.rowsOf(DEFECTS, record.id).some((r) => r.values.unitRef === unitRef)) {
    throw new InputError(`unit ${unitRef} has no defect recorded in ${record.id}; record the defect first.`);
  }
}

/**
 * Links for one unit (`unitRef` and its links) or for many at once (`units`: a list of those, as
 * pasted from a sheet): all checked, then written together, with one log row.
 */
export function saveEvidence(services: Services, request: unknown): Result<Saved<CaseSummary & { missing: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    // Evidence is gathered until re-inspection (refused once the lot is released or settled).
    recordEvidenceState(record, []);
    const items = f.units === undefined || f.units === null ? [f] : list(f, 'units', 'Units', 500).map((item) => fields(item));
    const seen = new Set<string>();
    let gaps = wb.gapsOf(record.id);
    let missing: string[] = [];
    items.forEach((item, i) => {
      const where = items.length > 1 ? `Unit ${i + 1}: ` : '';
      const unitRef = text(item, 'unitRef', `${where}Unit`, { required: true, max: 60 });
      if (seen.has(unitRef)) throw new InputError(`${unitRef} is listed twice; give each unit's links once.`);
      seen.add(unitRef);
      defectiveUnit(wb, record, unitRef);
      const existing = wb.rowsOf(EVIDENCE, record.id).find((r) => r.values.unitRef === unitRef);
      const links: Row = {};
      for (const { key, label } of EVIDENCE_KINDS) {
        const value = readLink(item, key, `${where}${label}`);
        if (!value) continue;
        const recorded = String(existing?.values[key] ?? '');
        if (recorded && recorded !== value) {
          throw new InputError(`${label} for ${unitRef} is already recorded; a recorded link changes only by a correction with a reason.`);
        }
        links[key] = value;
      }
      ({ gaps, missing } = storeEvidence(wb, record, existing, unitRef, links));
    });
    const moved = recordEvidenceState(record, gaps);
    const units = [...seen];
    const action =
      units.length === 1
        ? `Evidence for ${units[0]}${missing.length ? ` (still missing ${missing.length})` : ' complete'}`
        : `Evidence for ${units.length} units: ${units.join(', ')}${gaps.length ? ` (${gaps.length} unit(s) still incomplete)` : ' — all complete'}`;
    wb.saveCase(stored, moved, action, {}, gaps);
    return { ...summary(moved, wb), missing };
  });
}
