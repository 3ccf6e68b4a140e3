import { STATUS_LABELS, holdNoticeOverdue, oqcResult } from '../../core/case/lifecycle';
import type { CaseRecord } from '../../core/case/lifecycle';
import { EVIDENCE_KINDS } from '../../core/case/evidence';
import { InputError } from '../../core/errors';
import { roundMoney } from '../../core/money';
import { settlement } from '../../core/protocol/settlement';
import type { CaseSummary, CaseView, ClientViewState, Result, SettingsView } from '../../shared/contract';
import { AGENT_ONLY, VIEW_SOURCES } from '../../tracker/clientView';
import { OUT_OF_DATE, readClients } from '../../tracker/clients';
import { clientsTouched, syncClients, viewState } from '../clients/sync';
import { CLIENTS, DEFECTS, EVIDENCE, INSPECTIONS, REWORK, REWORKED_UNITS, SETTLEMENTS } from '../../tracker/schema';
import type { Settings } from '../../tracker/settings';
import type { StoredRow } from '../../tracker/table';
import { Workbook } from '../../tracker/workbook';
import type { Person } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, text } from '../validate';
import { loggedUnits, scopeOfCycle } from './scope';
import { caseFacts } from './facts';
import { currentSeverity } from './factoryRecord';
import { documentsReady } from '../../documents';
import type { Fields } from '../validate';

/** How long a save waits for another to finish before saying so. */
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

/** A step's view of the workbook, outside the lock: for reads. */
export function reader(services: Services): Workbook {
  return new Workbook(services.spreadsheet(), services.user(), services.now(), services.builders());
}

/**
 * Every read-modify-write runs under the document lock, so two saves never interleave. The step
 * stages its changes; they are written only once it has returned (a refused step writes nothing),
 * and flushed before the lock is released so the next execution reads them.
 */
export function locked<T>(services: Services, work: (wb: Workbook) => T): T {
  const lock = services.lock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new InputError('another save is in progress in this workbook; nothing was changed — try again in a moment.');
  }
  try {
    const wb = reader(services);
    const result = work(wb);
    if (wb.dirty) {
      const touched = wb.touchedCases(VIEW_SOURCES, AGENT_ONLY);
      const clients = clientsTouched(wb, touched);
      try {
        wb.commit();
      } catch (error) {
        viewsLate(services, clients);
        throw error;
      }
      services.flush();
      // The save stands; then each client view it touched is brought up to date in this execution.
      const views = clients.size ? syncClients(wb, services.clientFiles(), clients, touched) : [];
      if (wb.dirty) {
        wb.commit();
        services.flush();
      }
      if (views.length) withViews(result, views);
    }
    return result;
  } finally {
    lock.releaseLock();
  }
}

/**
 * A save Sheets recorded only in part (Apps Script has no transactions) may have changed what a
 * client's view shows: its views are marked out of date, in a write of their own, so the next
 * save or Retry makes them whole. Best effort: when Sheets is failing, the save's own message
 * already says to check the case.
 */
function viewsLate(services: Services, keys: ReadonlySet<string>): void {
  if (!keys.size) return;
  try {
    const again = reader(services);
    for (const c of readClients(again)) {
      if (keys.has(c.key) && c.fileId)
        again.update(CLIENTS, c.stored, { viewStatus: `${OUT_OF_DATE}: a save was only partly recorded; check the case, then retry.` });
    }
    if (again.dirty) {
      again.commit();
      services.flush();
    }
  } catch (error) {
    console.error(error);
  }
}

/** A save's answer carries the client views it updated, and its case view shows its client's as it now stands. */
function withViews(result: unknown, views: ClientViewState[]): void {
  if (!result || typeof result !== 'object') return;
  const saved = result as { view?: CaseView; clientViews?: ClientViewState[] };
  saved.clientViews = views;
  if (saved.view?.client) saved.view.clientView = views.find((v) => v.clientKey === saved.view!.client) ?? saved.view.clientView;
}

export function iso(date: Date | undefined): string {
  return date ? date.toISOString() : '';
}

/**
 * A case in brief; `updatedAt` is when its row was last written (now, for the case a step just
 * saved). `nextStep`, when given, is the one its row holds (the list reads no other sheet).
 */
export function summary(c: CaseRecord, wb: Workbook, updatedAt: Date = wb.now, nextStep?: string): CaseSummary {
  return {
    id: c.id,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    factory: c.factory,
    style: c.style,
    lotSize: c.lotSize,
    nextStep: nextStep || wb.nextStepOf(c),
    holdOverdue: holdNoticeOverdue(c, wb.now),
    updatedAt: iso(updatedAt),
    createdAt: iso(c.createdAt),
  };
}

export function caseId(f: Fields): string {
  return text(f, 'caseId', 'Case ID', { required: true, max: 40 });
}

/** The settings as the sidebar uses them, with a stamp that changes when any of them does. */
export function settingsView(settings: Settings, people: readonly Person[]): SettingsView {
  const { level, aqlMajor, aqlMinor, severity, currency, catalogue, splits, grades } = settings;
  const view = { level, aqlMajor, aqlMinor, severity, currency, catalogue, splits, grades, people: [...people] };
  return { ...view, stamp: stampOf(JSON.stringify(view)) };
}

function stampOf(textValue: string): string {
  let hash = 5381;
  for (let i = 0; i < textValue.length; i++) hash = ((hash * 33) ^ textValue.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/**
 * What a save answers: the step's own result, the case as it now stands, and the settings when
 * they differ from those the sidebar holds — everything it needs to redraw, in one execution.
 */
export type Saved<T> = T & { view: CaseView; settings?: SettingsView; clientViews?: ClientViewState[] };

/** The usual handler: a form naming a case, read and changed under the lock. */
export function onCase<T extends object>(
  services: Services,
  request: unknown,
  work: (step: { wb: Workbook; f: Fields; stored: StoredRow; record: CaseRecord }) => T,
): Result<Saved<T>> {
  return handle(() => {
    const f = fields(request);
    return locked(services, (wb) => {
      const id = caseId(f);
      const data = work({ wb, f, ...wb.findCase(id) });
      return answer(wb, f, id, data);
    });
  });
}

export function answer<T extends object>(wb: Workbook, f: Fields, id: string, data: T): Saved<T> {
  const settings = settingsView(wb.settings(), wb.people());
  return { ...data, view: caseView(wb, id), ...(f.settingsStamp === settings.stamp ? {} : { settings }) };
}

/** Every rework cycle agreed so far and any concession: what the case costs and keeps, as it stands. */
function moneySoFar(wb: Workbook, record: CaseRecord, stored: StoredRow): CaseView['money'] {
  const cycles = wb.rowsOf(REWORK, record.id);
  const sum = (key: string) => cycles.reduce((total, r) => total + (Number(r.values[key]) || 0), 0);
  const factoryShare = roundMoney(sum('factoryShare'), record.currency);
  const buyerShare = roundMoney(sum('buyerShare'), record.currency);
  const concessionCredit = Number(stored.values.concessionCredit) || 0;
  const s = settlement({ orderValue: record.orderValue, factoryReworkCost: factoryShare, buyerReworkCost: buyerShare, concessionCredit });
  return {
    orderValue: s.orderValue,
    reworkCost: roundMoney(s.reworkCost, record.currency),
    factoryShare,
    buyerShare,
    concessionCredit: s.concessionCredit,
    valueKept: roundMoney(s.valueKept, record.currency),
    recoveryRate: s.recoveryRate,
  };
}

/** The case's client, its agent-only notes, and the client's view as it stands. */
function clientOf(wb: Workbook, stored: StoredRow): Pick<CaseView, 'client' | 'clientName' | 'internalNotes' | 'clientView'> {
  const key = String(stored.values.client ?? '').trim();
  const client = key ? readClients(wb).find((c) => c.key === key) : undefined;
  return {
    client: key,
    clientName: client?.name ?? '',
    internalNotes: String(stored.values.internalNotes ?? ''),
    ...(client?.fileId ? { clientView: viewState(client, wb.user) } : {}),
  };
}

/**
 * One case in full, as the sidebar shows it. `forClient` leaves out what only the agent's desk
 * shows and costs reads — the plan an open case would get from its factory's record, the
 * documents — for a client's view made of many cases at once.
 */
export function caseView(wb: Workbook, id: string, forClient = false): CaseView {
  const found = wb.findCase(id);
  const { stored } = found;
  // An open case shows the plan its OQC will be judged under: its factory's record may have moved.
  const record = { ...(forClient ? found.record : currentSeverity(wb, stored, found.record).record), edition: wb.settings().edition };
  const plan = oqcResult(record, { criticalFound: 0, majorFound: 0, minorFound: 0 });
  const view = (p: typeof plan.major) => ({
    letter: p.letter,
    sampleSize: p.sampleSize,
    acceptance: p.acceptance,
    rejection: p.rejection,
  });
  const reworkRow = wb.rowsOf(REWORK, record.id).find((r) => Number(r.values.cycle) === record.reworkCycle);
  const rework = reworkRow?.values;
  const settled = wb
    .rowsOf(SETTLEMENTS, record.id)
    .filter((r) => !r.values.voided)
    .at(-1)?.values;
  return {
    ...summary(record, wb),
    timeZone: wb.timeZone(),
    po: record.po,
    orderValue: record.orderValue,
    currency: record.currency,
    level: record.level,
    aqlMajor: record.aqlMajor,
    aqlMinor: record.aqlMinor,
    severity: record.severity,
    severityMinor: record.severityMinor ?? record.severity,
    edition: record.edition,
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
    money: moneySoFar(wb, record, stored),
    evidence: wb.rowsOf(EVIDENCE, record.id).map((r) => ({
      unitRef: String(r.values.unitRef),
      links: Object.fromEntries(EVIDENCE_KINDS.flatMap(({ key }) => (r.values[key] ? [[key, String(r.values[key])]] : []))),
    })),
    inspections: wb.rowsOf(INSPECTIONS, record.id).map((r) => ({
      kind: String(r.values.kind),
      at: iso(r.values.at as Date | undefined),
      inspector: String(r.values.inspector),
      verdict: String(r.values.verdict),
      reasons: String(r.values.reasons),
      criticalFound: Number(r.values.criticalFound) || 0,
      majorFound: Number(r.values.majorFound) || 0,
      minorFound: Number(r.values.minorFound) || 0,
      sampleSize: Number(r.values.sampleSize) || 0,
      majorAc: Number(r.values.majorAc) || 0,
      minorAc: Number(r.values.minorAc) || 0,
    })),
    rework: rework && {
      cycle: Number(rework.cycle),
      cause: String(rework.cause),
      units: Number(rework.units),
      totalCost: Number(rework.totalCost),
      factoryShare: Number(rework.factoryShare),
      buyerShare: Number(rework.buyerShare),
      operatorsNeeded: typeof rework.operatorsNeeded === 'number' ? rework.operatorsNeeded : null,
      scope: reworkRow ? scopeOfCycle(wb, record, reworkRow) : [],
      logged: loggedUnits(wb, record),
      checklist: {
        materialsVerified: rework.materialsVerified === true,
        dedicatedStation: rework.dedicatedStation === true,
        seniorOperators: rework.seniorOperators === true,
        inspectorSignOff: rework.inspectorSignOff === true,
      },
      expectedBy:
        rework.agreedAt instanceof Date && typeof rework.days === 'number' && rework.days > 0
          ? new Date(rework.agreedAt.getTime() + rework.days * 86_400_000).toISOString()
          : '',
    },
    reworkedUnits: wb.rowsOf(REWORKED_UNITS, record.id).filter((r) => Number(r.values.cycle) === record.reworkCycle).length,
    documents: forClient ? [] : documentsReady(caseFacts(wb, id, found)),
    cartonsSealed: typeof stored.values.cartonsSealed === 'number' ? stored.values.cartonsSealed : null,
    concessionDiscount: typeof stored.values.concessionDiscount === 'number' ? stored.values.concessionDiscount : null,
    ...clientOf(wb, stored),
    settlement: settled && {
      valueKept: Number(settled.valueKept),
      recoveryRate: Number(settled.recoveryRate),
      concessionCredit: Number(settled.concessionCredit),
      reworkCost: Number(settled.reworkCost),
    },
  };
}
