import { recordReworkDone } from '../../core/case/lifecycle';
import type { CaseRecord, ChecklistKey } from '../../core/case/lifecycle';
import { InputError } from '../../core/errors';
import type { CaseSummary, Result } from '../../shared/contract';
import { REWORK, REWORKED_UNITS } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { flag, text, time } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

export function currentRework(wb: Workbook, c: CaseRecord): StoredRow {
  const row = wb.rowsOf(REWORK, c.id).find((r) => Number(r.values.cycle) === c.reworkCycle);
  if (!row) throw new InputError(`${c.id} has no rework agreed for cycle ${c.reworkCycle}.`);
  return row;
}

export function logReworkedUnit(services: Services, request: unknown): Result<Saved<CaseSummary & { logged: number }>> {
  return onCase(services, request, ({ wb, f, record }) => {
    if (record.status !== 'agreed') throw new InputError(`${record.id} is not in rework: units are logged while rework is under way.`);
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    const logged = wb.rowsOf(REWORKED_UNITS, record.id).filter((r) => Number(r.values.cycle) === record.reworkCycle);
    if (logged.some((r) => r.values.unitRef === unitRef))
      throw new InputError(`unit ${unitRef} is already in the Reworked log for cycle ${record.reworkCycle}.`);
    wb.append(REWORKED_UNITS, [
      {
        caseId: record.id,
        cycle: record.reworkCycle,
        unitRef,
        operatorId: text(f, 'operatorId', 'Operator ID', { required: true, max: 60 }),
        at: time(f, 'at', 'Rework date', wb.now, wb.timeZone()),
        nature: text(f, 'nature', 'Nature of rework', { required: true, max: 300 }),
        signedOffBy: text(f, 'signedOffBy', 'Signed off by', { required: true, max: 100 }),
      },
    ]);
    wb.log(record.id, `Reworked unit ${unitRef} logged`, '', '');
    return { ...summary(record, wb), logged: logged.length + 1 };
  });
}

export function signChecklist(services: Services, request: unknown): Result<Saved<CaseSummary & { checklist: Record<string, boolean> }>> {
  return onCase(services, request, ({ wb, f, record }) => {
    if (record.status !== 'agreed')
      throw new InputError(`${record.id} is not in rework: the checklist is signed while rework is under way.`);
    const row = currentRework(wb, record);
    const keys: ChecklistKey[] = ['materialsVerified', 'dedicatedStation', 'seniorOperators', 'inspectorSignOff'];
    const update: Row = {};
    for (const key of keys) if (flag(f, key)) update[key] = true;
    wb.update(REWORK, row, update);
    wb.log(record.id, `Checklist signed: ${Object.keys(update).join(', ') || 'nothing new'}`, '', '');
    return { ...summary(record, wb), checklist: Object.fromEntries(keys.map((k) => [k, row.values[k] === true])) };
  });
}

export function completeRework(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, stored, record }) => {
    const row = currentRework(wb, record);
    const logged = wb.rowsOf(REWORKED_UNITS, record.id).filter((r) => Number(r.values.cycle) === record.reworkCycle).length;
    const next = recordReworkDone(record, row.values as Partial<Record<ChecklistKey, boolean>>, logged, Number(row.values.units));
    wb.update(REWORK, row, { doneAt: wb.now });
    wb.saveCase(stored, next, `Rework cycle ${record.reworkCycle} done: ${logged} units logged`);
    return summary(next, wb);
  });
}
