import {
  STATUS_LABELS,
  holdNoticeOverdue,
  oqcResult,
  openCase,
  recordAgentNotified,
  recordAgreement,
  recordClassification,
  recordEvidenceState,
  recordInspection,
  recordReinspection,
  recordReworkDone,
  recordSettled,
} from '../core/case/lifecycle';
import type { CaseRecord, ChecklistKey } from '../core/case/lifecycle';
import { PHOTO_KINDS } from '../core/case/evidence';
import { InputError } from '../core/errors';
import { allocateRework, splitTable } from '../core/protocol/allocation';
import { catalogue, classifyDefect } from '../core/protocol/classify';
import type { Classification } from '../core/protocol/defectCatalogue';
import { concessionDiscount, gradeTable } from '../core/protocol/concession';
import { reworkCost } from '../core/protocol/reworkCost';
import { settlement } from '../core/protocol/settlement';
import { reworkTimeline } from '../core/protocol/timeline';
import { checkAql, parseLevel, parseSeverity } from '../core/sampling/vocabulary';
import type { CaseList, CaseSummary, CaseView, Result, SettingsView, SetupResult } from '../shared/contract';
import { caseFromRow, nextCaseId } from '../tracker/caseRecords';
import { CASES, DEFECTS, EVIDENCE, INSPECTIONS, REWORK, REWORKED_UNITS, SETTLEMENTS } from '../tracker/schema';
import { readSettings } from '../tracker/settings';
import type { Settings } from '../tracker/settings';
import { columnLetter, setupTracker } from '../tracker/setup';
import { describeProblem } from '../tracker/table';
import type { Row, StoredRow } from '../tracker/table';
import { Workbook } from '../tracker/workbook';
import type { Services } from './services';
import { fields, flag, list, number, requiredNumber, text, time } from './validate';
import type { Fields } from './validate';

const LOCK_WAIT_MS = 10_000;

/** Runs a handler: user-facing problems come back as messages, anything else as a safe one. */
export function handle<T>(work: () => T, kind: 'save' | 'read' = 'save'): Result<T> {
  try {
    return { ok: true, data: work() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: capitalise(error.message) };
    console.error(error);
    return {
      ok: false,
      error:
        kind === 'read'
          ? 'Rework Desk could not read the tracker just now; nothing was changed. Try again; the details are in the execution log.'
          : 'Sheets did not complete the save, so this step may be only partly recorded: check the case before trying again. The details are in the execution log.',
    };
  }
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Every read-modify-write runs under the document lock, so two saves never interleave. The step
 * stages its changes; they are written only once it has returned (a refused step writes nothing),
 * and flushed before the lock is released so the next execution reads them.
 */
function locked<T>(services: Services, work: (wb: Workbook) => T): T {
  const lock = services.lock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new InputError('another save is in progress in this workbook; nothing was changed — try again in a moment.');
  }
  try {
    const wb = new Workbook(services.spreadsheet(), services.user(), services.now(), services.builders());
    const result = work(wb);
    if (wb.dirty) {
      wb.commit();
      services.flush();
    }
    return result;
  } finally {
    lock.releaseLock();
  }
}

function iso(date: Date | undefined): string {
  return date ? date.toISOString() : '';
}

/** A case in brief; `updatedAt` is when its row was last written (now, for the case a step just saved). */
function summary(c: CaseRecord, wb: Workbook, updatedAt: Date = wb.now): CaseSummary {
  return {
    id: c.id,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    factory: c.factory,
    style: c.style,
    lotSize: c.lotSize,
    nextStep: wb.nextStepOf(c),
    holdOverdue: holdNoticeOverdue(c, wb.now),
    updatedAt: iso(updatedAt),
  };
}

/** The usual handler: a form naming a case, read and changed under the lock. */
function onCase<T>(
  services: Services,
  request: unknown,
  work: (step: { wb: Workbook; f: Fields; stored: StoredRow; record: CaseRecord }) => T,
): Result<T> {
  return handle(() => {
    const f = fields(request);
    return locked(services, (wb) => work({ wb, f, ...wb.findCase(caseId(f)) }));
  });
}

function caseId(f: Fields): string {
  return text(f, 'caseId', 'Case ID', { required: true, max: 40 });
}

export function setup(services: Services): Result<SetupResult> {
  return handle(() => locked(services, () => setupTracker(services.spreadsheet(), services.builders())));
}

export function getSettings(services: Services): Result<SettingsView> {
  return handle((): SettingsView => readSettings(services.spreadsheet()));
}

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
  return handle(() => {
    const wb = new Workbook(services.spreadsheet(), services.user(), services.now());
    return caseList(wb);
  }, 'read');
}

export function createCase(services: Services, request: unknown): Result<CaseSummary> {
  return handle(() => {
    const f = fields(request);
    return locked(services, (wb) => {
      const settings = readSettings(wb.spreadsheet);
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
      return summary(record, wb);
    });
  });
}

export function recordOqc(services: Services, request: unknown): Result<CaseSummary & { passed: boolean; reasons: string[] }> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const settings = readSettings(wb.spreadsheet);
    const at = time(f, 'at', 'Inspection time', wb.now);
    const { case: next, result } = recordInspection(
      record,
      {
        inspector: text(f, 'inspector', 'Inspector', { required: true, max: 100 }),
        at,
        criticalFound: requiredNumber(f, 'criticalFound', 'Critical found', { min: 0, whole: true }),
        majorFound: requiredNumber(f, 'majorFound', 'Major found', { min: 0, whole: true }),
        minorFound: requiredNumber(f, 'minorFound', 'Minor found', { min: 0, whole: true }),
      },
      settings.holdNoticeHours,
    );
    const col = (key: string) => columnLetter(wb.columnOf(INSPECTIONS, key));
    const row = '{row}';
    wb.append(INSPECTIONS, [
      {
        caseId: record.id,
        kind: 'OQC',
        at,
        inspector: next.inspector,
        lotSize: record.lotSize,
        level: record.level,
        severity: record.severity,
        fullInspection: 0,
        letter: result.major.letter,
        sampleSize: result.major.sampleSize,
        aqlMajor: record.aqlMajor,
        majorAc: result.major.acceptance,
        majorRe: result.major.rejection,
        majorFound: f.majorFound,
        aqlMinor: record.aqlMinor,
        minorAc: result.minor.acceptance,
        minorRe: result.minor.rejection,
        minorFound: f.minorFound,
        criticalFound: f.criticalFound,
        verdict: result.passed ? 'ACCEPT' : 'REJECT',
        reasons: result.reasons.join('; '),
        // The add-on's own formula, so anyone reading the sheet sees the plan's logic live.
        majorCheck: `=AQL_VERDICT(${col('majorFound')}${row}, ${col('lotSize')}${row}, ${col('level')}${row}, ${col('aqlMajor')}${row}, ${col('severity')}${row})`,
      },
    ]);
    wb.saveCase(stored, next, result.passed ? 'OQC passed: lot released' : `OQC failed: hold notice (${result.reasons.join('; ')})`);
    return { ...summary(next, wb), passed: result.passed, reasons: result.reasons };
  });
}

export function agentNotified(services: Services, request: unknown): Result<CaseSummary> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const next = recordAgentNotified(record, time(f, 'at', 'Time the agent was told', wb.now));
    wb.saveCase(stored, next, holdNoticeOverdue(next, wb.now) ? 'Agent told of the hold (late)' : 'Agent told of the hold');
    return summary(next, wb);
  });
}

export function addDefects(services: Services, request: unknown): Result<CaseSummary & { classes: string[] }> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const settings = readSettings(wb.spreadsheet);
    const splits = splitTable(settings.splits);
    const types = catalogue(settings.catalogue);
    const known = new Set(wb.rowsOf(DEFECTS, record.id).map((r) => `${String(r.values.unitRef)}|${String(r.values.defectType)}`));
    const rows = list(f, 'defects', 'Defects').map((item, i): Row => {
      const d = fields(item);
      const label = (name: string) => `Defect ${i + 1}: ${name}`;
      const unitRef = text(d, 'unitRef', label('unit'), { required: true, max: 60 });
      const type = types.find(text(d, 'defectType', label('defect type'), { required: true, max: 100 }));
      if (known.has(`${unitRef}|${type.name}`)) throw new InputError(`unit ${unitRef} already has a ${type.name.toLowerCase()} recorded.`);
      known.add(`${unitRef}|${type.name}`);
      const measured = d.measurement;
      const measurement =
        measured === undefined || measured === null || measured === ''
          ? undefined
          : typeof measured === 'number'
            ? measured
            : text(d, 'measurement', label('measurement'), { max: 60 });
      const context = text(d, 'context', label('context'), { max: 60 });
      const result = classifyDefect(type.name, measurement, context || undefined, types);
      const cause = text(d, 'cause', label('cause'), { max: 60 });
      return {
        caseId: record.id,
        unitRef,
        carton: text(d, 'carton', label('carton'), { max: 60 }),
        defectType: type.name,
        measurement: measurement === undefined ? '' : String(measurement),
        context: result.context ?? context,
        class: result.classification.toUpperCase(),
        rule: result.rule,
        cause: cause ? splits.find(cause).name : '',
        inRejectBox: flag(d, 'inRejectBox'),
        functional: type.functional,
        recordedAt: wb.now,
      };
    });
    const classified = recordClassification(
      record,
      rows.map((r) => String(r.class).toLowerCase() as Classification),
    );
    wb.append(DEFECTS, rows);
    const gaps = wb.gapsOf(record.id);
    const next = recordEvidenceState(classified, gaps);
    wb.saveCase(stored, next, `Defects classified: ${rows.map((r) => `${String(r.unitRef)} ${String(r.class)}`).join(', ')}`, {}, gaps);
    return { ...summary(next, wb), classes: rows.map((r) => String(r.class)) };
  });
}

const LINK = /^https?:\/\/\S+$/i;

export function saveEvidence(services: Services, request: unknown): Result<CaseSummary & { missing: string[] }> {
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

function reworkRow(record: CaseRecord, cycle: number, terms: Fields, settings: Settings, now: Date): Row {
  const cause = splitTable(settings.splits).find(text(terms, 'cause', 'Cause', { required: true, max: 60 }));
  const units = requiredNumber(terms, 'units', 'Units to rework', { min: 1, whole: true });
  const cost = reworkCost(
    {
      labourMinutes: requiredNumber(terms, 'labourMinutes', 'Labour minutes per unit', { min: 0 }),
      hourlyRate: requiredNumber(terms, 'hourlyRate', 'Hourly rate', { min: 0 }),
      consumables: [number(terms, 'consumables', 'Consumables per unit', { min: 0 }) ?? 0],
      qcAllocation: number(terms, 'qcAllocation', 'QC allocation per unit', { min: 0 }) ?? 0,
    },
    units,
  );
  // After a new major defect on re-inspection the next cycle is all the factory's, whatever the cause.
  const split = record.factoryPaysNextCycle && cycle > 1 ? { ...cause, labour: 1, other: 1, repacking: 1 } : cause;
  const labour = cost.labour * units;
  const allocation = allocateRework(split, { directLabour: labour, otherCosts: cost.total - labour });
  const days = number(terms, 'days', 'Days', { min: 1, whole: true });
  const hoursPerDay = number(terms, 'hoursPerDay', 'Hours per day', { min: 1, max: 24 });
  const operators = number(terms, 'operators', 'Operators', { min: 1, whole: true });
  // A quote per unit without labour minutes (the case study's USD 18) has no person-hours to plan.
  const timeline =
    Number(terms.labourMinutes) > 0
      ? reworkTimeline({ units, minutesPerUnit: Number(terms.labourMinutes), days, hoursPerDay, operators })
      : { hoursPerDay: hoursPerDay ?? '', operatorsNeeded: undefined, daysNeeded: undefined, unitsPerDay: undefined, milestones: [] };
  return {
    caseId: record.id,
    cycle,
    cause: cause.name,
    units,
    labourMinutes: terms.labourMinutes,
    hourlyRate: terms.hourlyRate,
    consumables: cost.consumables,
    qcAllocation: cost.qcAllocation,
    costPerUnit: cost.perUnit,
    totalCost: cost.total,
    factoryShare: allocation.factory,
    buyerShare: allocation.buyer,
    days: days ?? timeline.daysNeeded ?? '',
    hoursPerDay: timeline.hoursPerDay,
    operators: terms.operators ?? '',
    operatorsNeeded: timeline.operatorsNeeded ?? '',
    unitsPerDay: timeline.unitsPerDay ?? '',
    milestones: timeline.milestones.map((m) => `D${m.day}: ${m.cumulative}`).join(', '),
    materialsVerified: false,
    dedicatedStation: false,
    seniorOperators: false,
    inspectorSignOff: false,
    agreedAt: now,
  };
}

export function agree(services: Services, request: unknown): Result<CaseSummary> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const settings = readSettings(wb.spreadsheet);
    const gaps = wb.gapsOf(record.id);
    const reworkTerms = f.rework === undefined || f.rework === null ? undefined : fields(f.rework);
    const concessionTerms = f.concession === undefined || f.concession === null ? undefined : fields(f.concession);
    const next = recordAgreement(
      record,
      {
        rework: Boolean(reworkTerms),
        concession: Boolean(concessionTerms),
        overrideReason: text(f, 'overrideReason', 'Override reason', { max: 500 }),
      },
      gaps,
    );
    const extra: Row = {};
    if (concessionTerms) {
      const grades = gradeTable(settings.grades);
      const groups = list(concessionTerms, 'groups', 'Concession groups', 20).map((item, i) => {
        const g = fields(item);
        const grade = text(g, 'grade', `Group ${i + 1}: grade`, { max: 60 });
        return {
          share: requiredNumber(g, 'share', `Group ${i + 1}: share of the lot`, { min: 0, max: 1 }),
          discount: grade ? grades.find(grade).default : requiredNumber(g, 'discount', `Group ${i + 1}: discount`, { min: 0, max: 1 }),
        };
      });
      const concession = concessionDiscount({
        groups,
        reworkCostSaved: number(concessionTerms, 'reworkCostSaved', 'Rework cost saved', { min: 0 }),
        shipmentValue: record.orderValue,
      });
      extra.concessionDiscount = concession.discount;
      extra.concessionCredit = concession.credit;
    }
    if (reworkTerms) wb.append(REWORK, [reworkRow(record, 1, reworkTerms, settings, wb.now)]);
    const parts = [
      reworkTerms && 'rework',
      concessionTerms && `concession ${((Number(extra.concessionDiscount) || 0) * 100).toFixed(2)}%`,
    ].filter(Boolean);
    const override = next.evidenceOverride && gaps.length ? ` — evidence incomplete, override: ${next.evidenceOverride}` : '';
    wb.saveCase(stored, next, `Agreed: ${parts.join(' and ')}${override}`, extra, gaps);
    return summary(next, wb);
  });
}

function currentRework(wb: Workbook, c: CaseRecord): StoredRow {
  const row = wb.rowsOf(REWORK, c.id).find((r) => Number(r.values.cycle) === c.reworkCycle);
  if (!row) throw new InputError(`${c.id} has no rework agreed for cycle ${c.reworkCycle}.`);
  return row;
}

export function logReworkedUnit(services: Services, request: unknown): Result<CaseSummary & { logged: number }> {
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
        at: time(f, 'at', 'Rework date', wb.now),
        nature: text(f, 'nature', 'Nature of rework', { required: true, max: 300 }),
        signedOffBy: text(f, 'signedOffBy', 'Signed off by', { required: true, max: 100 }),
      },
    ]);
    wb.log(record.id, `Reworked unit ${unitRef} logged`, '', '');
    return { ...summary(record, wb), logged: logged.length + 1 };
  });
}

export function signChecklist(services: Services, request: unknown): Result<CaseSummary & { checklist: Record<string, boolean> }> {
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

export function completeRework(services: Services, request: unknown): Result<CaseSummary> {
  return onCase(services, request, ({ wb, stored, record }) => {
    const row = currentRework(wb, record);
    const logged = wb.rowsOf(REWORKED_UNITS, record.id).filter((r) => Number(r.values.cycle) === record.reworkCycle).length;
    const next = recordReworkDone(record, row.values as Partial<Record<ChecklistKey, boolean>>, logged, Number(row.values.units));
    wb.update(REWORK, row, { doneAt: wb.now });
    wb.saveCase(stored, next, `Rework cycle ${record.reworkCycle} done: ${logged} units logged`);
    return summary(next, wb);
  });
}

export function reinspect(services: Services, request: unknown): Result<CaseSummary & { passed: boolean; reasons: string[] }> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const rework = currentRework(wb, record);
    const at = time(f, 'at', 'Re-inspection time', wb.now);
    const count = (key: string, label: string) => requiredNumber(f, key, label, { min: 0, whole: true });
    const findings = {
      inspector: text(f, 'inspector', 'Re-inspector', { required: true, max: 100 }),
      reworkedUnits: Number(rework.values.units),
      adjacentUnits: number(f, 'adjacentUnits', 'Adjacent units', { min: 0, whole: true }) ?? 0,
      fullInspectionFailures: count('fullInspectionFailures', 'Failures among reworked and adjacent units'),
      sampleCritical: number(f, 'sampleCritical', 'Critical in the sample', { min: 0, whole: true }) ?? 0,
      sampleMajor: count('sampleMajor', 'Major in the sample'),
      sampleMinor: count('sampleMinor', 'Minor in the sample'),
      newMajorDefects: count('newMajorDefects', 'New major defects'),
    };
    const { case: next, plan, verdict, inspector } = recordReinspection(record, findings);
    wb.append(INSPECTIONS, [
      {
        caseId: record.id,
        kind: 'Re-inspection',
        at,
        inspector,
        lotSize: record.lotSize,
        level: 'III',
        severity: record.severity,
        fullInspection: plan.fullInspection,
        letter: plan.letter ?? '',
        sampleSize: plan.sampleSize,
        aqlMajor: record.aqlMajor,
        majorAc: plan.major?.acceptance ?? '',
        majorRe: plan.major?.rejection ?? '',
        majorFound: findings.sampleMajor,
        aqlMinor: record.aqlMinor,
        minorAc: plan.minor?.acceptance ?? '',
        minorRe: plan.minor?.rejection ?? '',
        minorFound: findings.sampleMinor,
        criticalFound: findings.sampleCritical,
        fullInspectionFailures: findings.fullInspectionFailures,
        newMajor: findings.newMajorDefects,
        verdict: verdict.passed ? 'PASS' : 'FAIL',
        reasons: verdict.reasons.join('; '),
      },
    ]);
    if (!verdict.passed) {
      // The next cycle starts from the same terms; after a new major defect, at the factory's cost.
      const terms: Fields = { ...rework.values, cause: String(rework.values.cause) };
      wb.append(REWORK, [reworkRow(next, next.reworkCycle, terms, readSettings(wb.spreadsheet), wb.now)]);
    }
    wb.saveCase(
      stored,
      next,
      verdict.passed ? `Re-inspection passed (${inspector}): lot released` : `Re-inspection failed: ${verdict.reasons.join('; ')}`,
    );
    return { ...summary(next, wb), passed: verdict.passed, reasons: verdict.reasons };
  });
}

export function settle(services: Services, request: unknown): Result<CaseSummary & { valueKept: number; recoveryRate: number }> {
  return onCase(services, request, ({ wb, stored, record }) => {
    const next = recordSettled(record);
    const rework = wb.rowsOf(REWORK, record.id);
    const sum = (key: string) => rework.reduce((total, r) => total + (Number(r.values[key]) || 0), 0);
    const credit = Number(stored.values.concessionCredit) || 0;
    const s = settlement({
      orderValue: record.orderValue,
      factoryReworkCost: sum('factoryShare'),
      buyerReworkCost: sum('buyerShare'),
      concessionCredit: credit,
    });
    wb.append(SETTLEMENTS, [
      {
        caseId: record.id,
        currency: record.currency,
        orderValue: s.orderValue,
        reworkCost: s.reworkCost,
        factoryRework: sum('factoryShare'),
        buyerRework: sum('buyerShare'),
        concessionDiscount: Number(stored.values.concessionDiscount) || 0,
        concessionCredit: s.concessionCredit,
        valueKept: s.valueKept,
        recoveryRate: s.recoveryRate,
        settledAt: wb.now,
      },
    ]);
    wb.saveCase(
      stored,
      next,
      `Settled: value kept ${s.valueKept.toFixed(2)} ${record.currency}, recovery ${(s.recoveryRate * 100).toFixed(2)}%`,
    );
    return { ...summary(next, wb), valueKept: s.valueKept, recoveryRate: s.recoveryRate };
  });
}

export function getCase(services: Services, request: unknown): Result<CaseView> {
  return handle(() => {
    const f = fields(request);
    const wb = new Workbook(services.spreadsheet(), services.user(), services.now());
    const { stored, record } = wb.findCase(caseId(f));
    const plan = oqcResult(record, { criticalFound: 0, majorFound: 0, minorFound: 0 });
    const view = (p: typeof plan.major) => ({
      letter: p.letter,
      sampleSize: p.sampleSize,
      acceptance: p.acceptance,
      rejection: p.rejection,
    });
    const rework = wb.rowsOf(REWORK, record.id).find((r) => Number(r.values.cycle) === record.reworkCycle)?.values;
    const settled = wb.rowsOf(SETTLEMENTS, record.id)[0]?.values;
    return {
      ...summary(record, wb),
      po: record.po,
      orderValue: record.orderValue,
      currency: record.currency,
      level: record.level,
      aqlMajor: record.aqlMajor,
      aqlMinor: record.aqlMinor,
      severity: record.severity,
      inspector: record.inspector ?? '',
      holdAt: iso(record.holdAt),
      notifyBy: iso(record.notifyBy),
      agentNotifiedAt: iso(record.agentNotifiedAt),
      quarantined: record.quarantined,
      reworkCycle: record.reworkCycle,
      factoryPaysNextCycle: record.factoryPaysNextCycle,
      updatedAt: iso(stored.values.updatedAt as Date | undefined),
      planMajor: view(plan.major),
      planMinor: view(plan.minor),
      defects: wb.rowsOf(DEFECTS, record.id).map((r) => ({
        unitRef: String(r.values.unitRef),
        defectType: String(r.values.defectType),
        measurement: String(r.values.measurement),
        class: String(r.values.class),
        rule: String(r.values.rule),
        cause: String(r.values.cause),
        functional: r.values.functional === true,
      })),
      evidenceGaps: wb.gapsOf(record.id),
      inspections: wb.rowsOf(INSPECTIONS, record.id).map((r) => ({
        kind: String(r.values.kind),
        at: iso(r.values.at as Date | undefined),
        inspector: String(r.values.inspector),
        verdict: String(r.values.verdict),
        reasons: String(r.values.reasons),
      })),
      rework: rework && {
        cycle: Number(rework.cycle),
        cause: String(rework.cause),
        units: Number(rework.units),
        totalCost: Number(rework.totalCost),
        factoryShare: Number(rework.factoryShare),
        buyerShare: Number(rework.buyerShare),
        operatorsNeeded: typeof rework.operatorsNeeded === 'number' ? rework.operatorsNeeded : null,
        checklist: {
          materialsVerified: rework.materialsVerified === true,
          dedicatedStation: rework.dedicatedStation === true,
          seniorOperators: rework.seniorOperators === true,
          inspectorSignOff: rework.inspectorSignOff === true,
        },
      },
      reworkedUnits: wb.rowsOf(REWORKED_UNITS, record.id).filter((r) => Number(r.values.cycle) === record.reworkCycle).length,
      settlement: settled && {
        valueKept: Number(settled.valueKept),
        recoveryRate: Number(settled.recoveryRate),
        concessionCredit: Number(settled.concessionCredit),
        reworkCost: Number(settled.reworkCost),
      },
    };
  });
}
