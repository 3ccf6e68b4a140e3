import { recordEvidenceState } from '../../core/case/lifecycle';
import { PHOTO_KINDS } from '../../core/case/evidence';
import { InputError } from '../../core/errors';
import type { CaseSummary, Result } from '../../shared/contract';
import { DEFECTS, EVIDENCE } from '../../tracker/schema';
import type { Row } from '../../tracker/table';
import type { Services } from '../services';
import { text } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

const LINK = /^https?:\/\/\S+$/i;

export function saveEvidence(services: Services, request: unknown): Result<Saved<CaseSummary & { missing: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    if (!wb.rowsOf(DEFECTS, record.id).some((r) => r.values.unitRef === unitRef)) {
      throw new InputError(`unit ${unitRef} has no defect recorded in ${record.id}; record the defect first.`);
    }
    const links: Row = {};
    for (const key of [...PHOTO_KINDS.map((k) => k.key), 'video']) {
      const label = PHOTO_KINDS.find((k) => k.key === key)?.label ?? 'Video';
      const value = text(f, key, label, { max: 2000 });
      if (value && !LINK.test(value)) throw new InputError(`${label} must be a link starting with https://.`);
      if (value) links[key] = value;
    }
    // Completeness is worked out with the new links in place, so the row is written once.
    const existing = wb.rowsOf(EVIDENCE, record.id).find((r) => r.values.unitRef === unitRef);
    const row: Row = { ...(existing?.values ?? { caseId: record.id, unitRef }), ...links };
    const gaps = wb.gapsOf(record.id, row);
    const missing = gaps.find((g) => g.unitRef === unitRef)?.missing ?? [];
    row.complete = missing.length === 0;
    row.missing = missing.join('; ');
    if (existing) wb.update(EVIDENCE, existing, row);
    else wb.append(EVIDENCE, [row]);
    const next = recordEvidenceState(record, gaps);
    wb.saveCase(stored, next, `Evidence for ${unitRef}${missing.length ? ` (still missing ${missing.length})` : ' complete'}`, {}, gaps);
    return { ...summary(next, wb), missing };
  });
}
