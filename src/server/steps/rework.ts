import { SUPERVISION_CHECKLIST, recordReworkDone } from '../../core/case/lifecycle';
import { snapshot } from '../../tracker/caseRecords';
import type { CaseRecord, ChecklistKey } from '../../core/case/lifecycle';
import { InputError } from '../../core/errors';
import { samePerson } from '../../core/people';
import { formatInZone, toMinute } from '../../core/time';
import type { CaseSummary, Result } from '../../shared/contract';
import { REWORK, REWORKED_UNITS } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { flag, text, time } from '../validate';
import { onCase, summary } from './common';
import { loggedUnits, scopeOfCycle } from './scope';
import type { Saved } from './common';

/** The log's Before/After for a step inside the rework: the case, and how far the cycle has come. */
function progress(c: CaseRecord, logged: number, scope: number, signed: number): string {
  return `${snapshot(c)}; logged ${logged} of ${scope}; checklist ${signed} of ${SUPERVISION_CHECKLIST.length}`;
}

const signedCount = (row: StoredRow) => SUPERVISION_CHECKLIST.filter((item) => row.values[item.key] === true).length;

/** A name that is the case's OQC inspector in another spelling is stored as the inspector was. */
function sameAsInspector(record: CaseRecord, name: string): string {
  return record.inspector && samePerson(name, record.inspector) ? record.inspector : name;
}

export function currentRework(wb: Workbook, c: CaseRecord): StoredRow {
  const row = wb.rowsOf(REWORK, c.id).find((r) => Number(r.values.cycle) === c.reworkCycle);
  if (!row) throw new InputError(`${c.id} has no rework agreed for cycle ${c.reworkCycle}.`);
  return row;
}

export function logReworkedUnit(services: Services, request: unknown): Result<Saved<CaseSummary & { logged: number }>> {
  return onCase(services, request, ({ wb, f, record }) => {
    if (record.status !== 'agreed') throw new InputError(`${record.id} is not in rework: units are logged while rework is under way.`);
    const unitRef = text(f, 'unitRef', 'Unit', { required: true, max: 60 });
    const row = currentRework(wb, record);
    const scope = scopeOfCycle(wb, record, row);
    if (!scope.includes(unitRef)) {
      throw new InputError(
        `unit ${unitRef} is not one of the ${scope.length} units to rework in cycle ${record.reworkCycle} (${scope.slice(0, 5).join(', ')}${scope.length > 5 ? ', …' : ''}).`,
      );
    }
    const logged = loggedUnits(wb, record);
    if (logged.includes(unitRef)) throw new InputError(`unit ${unitRef} is already in the Reworked log for cycle ${record.reworkCycle}.`);
    const at = time(f, 'at', 'Rework date', wb.now, wb.timeZone());
    const agreedAt = row.values.agreedAt as Date | undefined;
    if (agreedAt && at.getTime() < toMinute(agreedAt).getTime()) {
      throw new InputError(
        `rework date: a unit cannot be reworked before the rework was agreed (${formatInZone(agreedAt, wb.timeZone())}).`,
      );
    }
    wb.append(REWORKED_UNITS, [
      {
        caseId: record.id,
        cycle: record.reworkCycle,
        unitRef,
        operatorId: wb.operator(text(f, 'operatorId', 'Operator ID', { required: true, max: 60 })),
        at,
        nature: text(f, 'nature', 'Nature of rework', { required: true, max: 300 }),
        signedOffBy: sameAsInspector(record, wb.person(text(f, 'signedOffBy', 'Signed off by', { required: true, max: 100 }))),
      },
    ]);
    const signed = signedCount(row);
    wb.log(
      record.id,
      `Reworked unit ${unitRef} logged`,
      progress(record, logged.length, scope.length, signed),
      progress(record, logged.length + 1, scope.length, signed),
    );
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
    for (const key of keys) {
      const ticked = flag(f, key);
      if (ticked) update[key] = true;
      // A sign-off is a recorded fact: it is not withdrawn by unticking a box.
      else if (f[key] === false && row.values[key] === true) {
        throw new InputError(
          `"${SUPERVISION_CHECKLIST.find((item) => item.key === key)!.label}" is already signed; a sign-off is not withdrawn.`,
        );
      }
    }
    const scope = scopeOfCycle(wb, record, row).length;
    const logged = loggedUnits(wb, record).length;
    const before = progress(record, logged, scope, signedCount(row));
    wb.update(REWORK, row, update);
    wb.log(
      record.id,
      `Checklist signed: ${Object.keys(update).join(', ') || 'nothing new'}`,
      before,
      progress(record, logged, scope, signedCount(row)),
    );
    return { ...summary(record, wb), checklist: Object.fromEntries(keys.map((k) => [k, row.values[k] === true])) };
  });
}

export function completeRework(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, stored, record }) => {
    const row = currentRework(wb, record);
    const logged = loggedUnits(wb, record);
    const next = recordReworkDone(record, row.values as Partial<Record<ChecklistKey, boolean>>, scopeOfCycle(wb, record, row), logged);
    wb.update(REWORK, row, { doneAt: wb.now });
    wb.saveCase(stored, next, `Rework cycle ${record.reworkCycle} done: ${logged.length} units logged`);
    return summary(next, wb);
  });
}
