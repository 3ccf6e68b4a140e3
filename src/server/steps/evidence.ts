import { correctAgentNotified, recordEvidenceState, requireCorrectable } from '../../core/case/lifecycle';
import type { CaseRecord } from '../../core/case/lifecycle';
import { formatInZone } from '../../core/time';
import { PHOTO_KINDS } from '../../core/case/evidence';
import { InputError } from '../../core/errors';
import type { CaseSummary, Result } from '../../shared/contract';
import { DEFECTS, EVIDENCE } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { text, time } from '../validate';
import type { Fields } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

/** A photo or video link: https only, one line. */
const LINK = /^https:\/\/\S+$/i;
const KINDS = [...PHOTO_KINDS.map((k) => ({ key: k.key, label: k.label })), { key: 'video', label: 'Video' }];

function readLink(f: Fields, key: string, label: string): string {
  const value = text(f, key, label, { max: 2000 });
  if (value && !LINK.test(value)) throw new InputError(`${label} must be a link starting with https://.`);
  return value;
}

/**
 * Writes a unit's evidence row with its completeness worked out with the new links in place (one
 * write), and moves the case's evidence state where it is still at that step.
 */
function storeEvidence(wb: Workbook, record: CaseRecord, existing: StoredRow | undefined, unitRef: string, links: Row) {
  const row: Row = { ...(existing?.values ?? { caseId: record.id, unitRef }), ...links };
  const gaps = wb.gapsOf(record.id, row);
  const missing = gaps.find((g) => g.unitRef === unitRef)?.missing ?? [];
  row.complete = missing.length === 0;
  row.missing = missing.join('; ');
  if (existing) wb.update(EVIDENCE, existing, row);
  else wb.append(EVIDENCE, [row]);
  return { gaps, missing };
}

function defectiveUnit(wb: Workbook, record: CaseRecord, unitRef: string): void {
  if (!wb.rowsOf(DEFECTS, record.id).some((r) => r.values.unitRef === unitRef)) {
    throw new InputError(`unit ${unitRef} has no defect recorded in ${record.id}; record the defect first.`);
  }
}

export function saveEvidence(services: Services, request: unknown): Result<Saved<CaseSummary & { missing: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    defectiveUnit(wb, record, unitRef);
    // Evidence is gathered until re-inspection (refused once the lot is released or settled).
    recordEvidenceState(record, []);
    const existing = wb.rowsOf(EVIDENCE, record.id).find((r) => r.values.unitRef === unitRef);
    const links: Row = {};
    for (const { key, label } of KINDS) {
      const value = readLink(f, key, label);
      if (!value) continue;
      const recorded = String(existing?.values[key] ?? '');
      if (recorded && recorded !== value) {
        throw new InputError(`${label} for ${unitRef} is already recorded; a recorded link changes only by a correction with a reason.`);
      }
      links[key] = value;
    }
    const { gaps, missing } = storeEvidence(wb, record, existing, unitRef, links);
    const moved = recordEvidenceState(record, gaps);
    wb.saveCase(stored, moved, `Evidence for ${unitRef}${missing.length ? ` (still missing ${missing.length})` : ' complete'}`, {}, gaps);
    return { ...summary(moved, wb), missing };
  });
}

/**
 * A correction of a recorded fact, with a reason: the time the agent was told of the hold, or a
 * unit's photo or video link (replaced, or cleared with a blank). The log keeps old → new.
 */
export function correct(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const reason = requireCorrectable(record, text(f, 'reason', 'Reason', { max: 500 }));
    const fact = text(f, 'fact', 'What to correct', { required: true, max: 40 });
    if (fact === 'agentNotifiedAt') {
      const at = time(f, 'value', 'Time the agent was told', wb.now, wb.timeZone());
      if (f.value === undefined || f.value === null || f.value === '') throw new InputError('give the corrected time the agent was told.');
      const next = correctAgentNotified(record, at, reason);
      const zone = wb.timeZone();
      const old = record.agentNotifiedAt ? formatInZone(record.agentNotifiedAt, zone) : '';
      wb.saveCase(stored, next, `Corrected the time the agent was told: ${old} → ${formatInZone(at, zone)} (${zone}); reason: ${reason}`);
      return summary(next, wb);
    }
    const kind = KINDS.find((k) => k.key === fact);
    if (!kind)
      throw new InputError(`"${fact}" is not a fact that can be corrected here: the time the agent was told, or a photo or video link.`);
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    defectiveUnit(wb, record, unitRef);
    const existing = wb.rowsOf(EVIDENCE, record.id).find((r) => r.values.unitRef === unitRef);
    const old = String(existing?.values[kind.key] ?? '');
    const value = readLink(f, 'value', kind.label);
    if (!old) throw new InputError(`${kind.label} for ${unitRef} is not recorded yet: save it as evidence.`);
    if (old === value) throw new InputError(`${kind.label} for ${unitRef} is already that link.`);
    const { gaps } = storeEvidence(wb, record, existing, unitRef, { [kind.key]: value });
    const next = record.status === 'classified' || record.status === 'evidence-complete' ? recordEvidenceState(record, gaps) : record;
    wb.saveCase(
      stored,
      next,
      `Corrected ${kind.label.toLowerCase()} for ${unitRef}: ${old} → ${value || '(cleared)'}; reason: ${reason}`,
      {},
      gaps,
    );
    return summary(next, wb);
  });
}
