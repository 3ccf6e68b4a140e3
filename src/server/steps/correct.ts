import { BEFORE_AGREEMENT, correctAgentNotified, oqcResult, recordEvidenceState, requireCorrectable } from '../../core/case/lifecycle';
import type { CaseRecord } from '../../core/case/lifecycle';
import { EVIDENCE_KINDS } from '../../core/case/evidence';
import { InputError } from '../../core/errors';
import { catalogue } from '../../core/protocol/classify';
import { formatInZone } from '../../core/time';
import type { CaseSummary, Result } from '../../shared/contract';
import { DEFECTS, EVIDENCE, INSPECTIONS } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { text, time } from '../validate';
import type { Fields } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';
import { classifiedRowsFor } from './defects';
import { defectiveUnit, readLink, storeEvidence } from './evidence';
import { cartonsOf, oqcCounts } from './oqc';

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
      if (old === formatInZone(at, zone)) throw new InputError(`the agent is already recorded as told at ${old} (${zone}).`);
      wb.saveCase(stored, next, `Corrected the time the agent was told: ${old} → ${formatInZone(at, zone)} (${zone}); reason: ${reason}`);
      return summary(next, wb);
    }
    if (fact === 'cartonsSealed') {
      if (!record.holdAt) throw new InputError('the lot was never held, so no cartons were sealed.');
      const cartons = cartonsOf(f, record.lotSize, 'value');
      if (cartons === undefined) throw new InputError('give the number of cartons sealed with hold tags.');
      const old = typeof stored.values.cartonsSealed === 'number' ? stored.values.cartonsSealed : '';
      if (old === cartons) throw new InputError(`${cartons} cartons are already recorded as sealed.`);
      wb.saveCase(
        stored,
        record,
        `Corrected the cartons sealed with hold tags: ${old === '' ? '(none)' : old} → ${cartons}; reason: ${reason}`,
        {
          cartonsSealed: cartons,
        },
      );
      return summary(record, wb);
    }
    if (fact === 'oqcCounts') return correctOqcCounts(wb, f, stored, record, reason);
    if (fact === 'defect') return correctDefect(wb, f, stored, record, reason);
    const kind = EVIDENCE_KINDS.find((k) => k.key === fact);
    if (!kind) {
      throw new InputError(
        `"${fact}" is not a fact that can be corrected: the time the agent was told, the cartons sealed, the OQC counts, a defective unit, or a photo or video link.`,
      );
    }
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    defectiveUnit(wb, record, unitRef);
    const existing = wb.rowsOf(EVIDENCE, record.id).find((r) => r.values.unitRef === unitRef);
    const old = String(existing?.values[kind.key] ?? '');
    const value = readLink(f, 'value', kind.label);
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

/** Quarantine as the record now stands: a critical count at the OQC, or a unit recorded as critical. */
function quarantineOf(wb: Workbook, caseId: string): boolean {
  const oqc = wb
    .rowsOf(INSPECTIONS, caseId)
    .filter((r) => r.values.kind === 'OQC' && r.values.verdict !== 'VOID')
    .at(-1);
  return Number(oqc?.values.criticalFound) > 0 || wb.rowsOf(DEFECTS, caseId).some((r) => r.values.class === 'CRITICAL');
}

/**
 * The OQC counts as found, corrected: the inspection row keeps its plan and takes the new counts
 * and reasons. A correction cannot turn the verdict — the case has acted on it; a released lot is
 * reopened instead.
 */
function correctOqcCounts(wb: Workbook, f: Fields, stored: StoredRow, record: CaseRecord, reason: string) {
  if (!BEFORE_AGREEMENT.includes(record.status)) {
    throw new InputError(`${record.id} has an agreement on its lot: the OQC counts are corrected before rework or a concession is agreed.`);
  }
  const counts = oqcCounts(f);
  const row = wb
    .rowsOf(INSPECTIONS, record.id)
    .filter((r) => r.values.kind === 'OQC' && r.values.verdict !== 'VOID')
    .at(-1);
  if (!row) throw new InputError(`${record.id} has no OQC inspection to correct.`);
  const result = oqcResult({ ...record, edition: wb.settings().edition }, counts);
  const before = `${String(row.values.criticalFound)}/${String(row.values.majorFound)}/${String(row.values.minorFound)}`;
  const after = `${counts.criticalFound}/${counts.majorFound}/${counts.minorFound}`;
  if (result.passed !== (row.values.verdict === 'ACCEPT')) {
    throw new InputError(
      `the corrected counts would ${result.passed ? 'pass' : 'fail'} the lot, and the case has acted on the recorded verdict; ${result.passed ? 'the hold stands as recorded' : 'reopen the case to inspect it again'}.`,
    );
  }
  if (after === before) throw new InputError(`the OQC counts are already ${after}.`);
  wb.update(INSPECTIONS, row, { ...counts, reasons: result.reasons.join('; ') });
  const next = { ...record, quarantined: quarantineOf(wb, record.id) };
  wb.saveCase(stored, next, `Corrected the OQC counts (critical/major/minor): ${before} → ${after}; reason: ${reason}`);
  return summary(next, wb);
}

/**
 * A defective unit's measurement or context, corrected and classified again — before anything is
 * agreed on the units; after that, the agreement stands on what was recorded.
 */
function correctDefect(wb: Workbook, f: Fields, stored: StoredRow, record: CaseRecord, reason: string) {
  if (!BEFORE_AGREEMENT.includes(record.status)) {
    throw new InputError(`${record.id} has an agreement on its units: a defect is corrected before rework or a concession is agreed.`);
  }
  const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
  const defectType = catalogue(wb.settings().catalogue).find(text(f, 'defectType', 'Defect type', { required: true, max: 100 })).name;
  const row = wb.rowsOf(DEFECTS, record.id).find((r) => r.values.unitRef === unitRef && r.values.defectType === defectType);
  if (!row) throw new InputError(`unit ${unitRef} has no ${defectType.toLowerCase()} recorded in ${record.id}.`);
  const [fresh] = classifiedRowsFor(wb, record.id, { ...f, unitRef, defectType }, String(row.values.foundAt || 'OQC'), row);
  const describe = (r: Row) => `${String(r.measurement)} ${String(r.context)} ${String(r.class)}`.replace(/\s+/g, ' ').trim();
  const old = describe(row.values);
  if (old === describe(fresh)) throw new InputError(`${defectType.toLowerCase()} of ${unitRef} is already recorded as ${old}.`);
  wb.update(DEFECTS, row, { measurement: fresh.measurement, context: fresh.context, class: fresh.class, rule: fresh.rule });
  const gaps = wb.gapsOf(record.id);
  const next = recordEvidenceState({ ...record, quarantined: quarantineOf(wb, record.id), status: 'classified' }, gaps);
  wb.saveCase(
    stored,
    next,
    `Corrected ${defectType.toLowerCase()} of ${unitRef}: ${old} → ${describe(fresh)}; reason: ${reason}`,
    {},
    gaps,
  );
  return summary(next, wb);
}
