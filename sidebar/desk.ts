// The desk's frame: the case picker, the status box, the step buttons, and the step on screen.
import type { CaseStatus } from '../src/core/case/lifecycle';
import type { CaseList, CaseSummary, CaseView, ClientViewState, SettingsView } from '../src/shared/contract';
import { append, byId, clear, h } from './dom';
import { call } from './server';
import { STEPS, STAYS_OPEN, STEP_OF, setSettings, settings, state } from './state';
import { clearMessage, showMessage } from './save';
import { money } from './ui';
import { setupForm, newCaseForm, details } from './steps/case';
import { oqcForm, holdForm } from './steps/oqc';
import { defectsForm } from './steps/defects';
import { evidenceForm } from './steps/evidence';
import { agreementForm } from './steps/agree';
import { supervisionForms } from './steps/rework';
import { reinspectionForm } from './steps/reinspect';
import { settlementView } from './steps/settle';
import { documentsList } from './steps/documents';
import { caseClient, clientsPanel, loadClients, noteViews, viewActions, viewLine } from './steps/clients';

export function showSaved(view: CaseView, changed?: SettingsView): void {
  if (changed) setSettings(changed);
  const at = state.cases.findIndex((c) => c.id === view.id);
  if (at >= 0) state.cases[at] = view;
  else state.cases.push(view);
  showCase(view);
  render();
}
/** Shows a case: the step it is at, unless the user is in the middle of a step that takes many entries. */
/** The case on screen is remembered, so a reload (or reopening the desk) comes back to it. */
const REMEMBERED = 'rework-desk:case';
export function rememberedCase(): string | undefined {
  try {
    return localStorage.getItem(REMEMBERED) ?? undefined;
  } catch {
    return undefined;
  }
}
export function remember(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(REMEMBERED, id);
    else localStorage.removeItem(REMEMBERED);
  } catch {
    // Storage may be off in the add-on's frame: the desk then starts on a new case.
  }
}

export function showCase(view: CaseView): void {
  remember(view.id);
  if (view.clientView) noteViews([view.clientView]);
  const status = view.status as CaseStatus;
  const switched = state.current?.id !== view.id;
  const moved = switched || state.current!.status !== status;
  state.current = view;
  if (switched || (moved && !STAYS_OPEN[state.step]?.includes(status))) state.step = STEP_OF[status];
  // A lot just put on hold: the first thing due is telling the agent, within the deadline.
  if (moved && status === 'on-hold' && !view.agentNotifiedAt) state.step = 'hold';
}
export async function refresh(selectId?: string): Promise<void> {
  const list = await call<CaseList>('rdListCases');
  // A workbook without the tracker's sheets gets the set-up button instead of an error.
  state.needsSetup = !list.ok && /Set up case tracker/.test(list.error);
  if (!list.ok) {
    if (!state.needsSetup) showMessage('error', list.error);
    state.cases = [];
  } else {
    state.cases = list.data.cases;
    if (list.data.problems.length) showMessage('error', `Some cases could not be read: ${list.data.problems.join(' · ')}`);
    const loaded = await call<SettingsView>('rdGetSettings');
    if (loaded.ok) setSettings(loaded.data);
    else showMessage('error', loaded.error);
    await loadClients();
  }
  // A remembered case that is no longer listed (deleted, or another workbook's) is forgotten.
  if (selectId && list.ok && !state.cases.some((c) => c.id === selectId)) {
    remember(undefined);
    selectId = undefined;
  }
  if (selectId) {
    const view = await call<CaseView>('rdGetCase', { caseId: selectId });
    if (view.ok) showCase(view.data);
    else showMessage('error', view.error);
  }
  render();
}
/** Shows a case picked from the list: one call, for the case alone. */
export async function loadCase(id: string): Promise<void> {
  const view = await call<CaseView>('rdGetCase', { caseId: id });
  if (view.ok) showCase(view.data);
  else showMessage('error', view.error);
  render();
}

export function render(): void {
  renderPicker();
  renderStatus();
  renderSteps();
  const main = byId('step');
  clear(main);
  main.append(renderStep(), peopleLists());
  document.body.dataset.ready = 'true';
}
/** The roster (RD People) as suggestions for name and ID fields; any other name may still be typed. */
export function peopleLists(): HTMLElement {
  return h(
    'div',
    { hidden: true },
    h('datalist', { id: 'people-names' }, ...settings.people.map((p) => h('option', { value: p.name }, p.role))),
    h(
      'datalist',
      { id: 'people-ids' },
      ...settings.people.filter((p) => p.id).map((p) => h('option', { value: p.id }, `${p.name} · ${p.role}`)),
    ),
  );
}
export function renderPicker(): void {
  const select = byId<HTMLSelectElement>('case-select');
  clear(select);
  select.append(h('option', { value: '' }, state.cases.length ? '— new case —' : 'No cases yet — new case'));
  // Open cases first, closed ones apart; each with where it stands and what is late.
  const closed = (c: CaseSummary) => c.status === 'released' || c.status === 'settled';
  for (const [label, cases] of [
    ['Open', state.cases.filter((c) => !closed(c))],
    ['Closed', state.cases.filter(closed)],
  ] as const) {
    if (!cases.length) continue;
    const group = h('optgroup', { label });
    for (const c of cases) {
      const late = c.holdOverdue ? ' · hold notice late' : '';
      const days = Math.floor((Date.now() - new Date(c.createdAt).getTime()) / 86_400_000);
      const age = Number.isFinite(days) ? ` · ${days < 1 ? 'today' : `${days} d`}` : '';
      group.append(
        h(
          'option',
          { value: c.id, selected: c.id === state.current?.id },
          `${c.id} · ${c.style} · ${c.factory} — ${c.statusLabel}${age}${late}`,
        ),
      );
    }
    select.append(group);
  }
}
export function renderStatus(): void {
  const box = byId('status');
  clear(box);
  const c = state.current;
  if (!c) {
    box.append(h('p', { class: 'status-label' }, 'New case'), h('p', {}, 'Enter the lot to open a case.'));
    return;
  }
  append(box, [
    h('p', { class: 'status-label' }, `${c.id} — ${c.statusLabel}`),
    h('p', { class: 'next' }, `Next: ${c.nextStep}`),
    c.quarantined ? h('p', { class: 'warn' }, 'Quarantined: a critical defect was found.') : null,
    c.holdOverdue ? h('p', { class: 'warn' }, 'Hold notice overdue: the agent was not told in time.') : null,
    ...lateViews(c).map((v) =>
      h(
        'div',
        { class: 'warn client-view-late', 'data-client': v.clientKey },
        h('p', {}, viewLine(v)),
        viewActions(v, () => void loadCase(c.id)),
      ),
    ),
    moneyCard(c),
    documentsList(c),
  ]);
}
/** Client views out of date: the case's own client's, and any the last save could not update (a move's old client). */
function lateViews(c: CaseView): ClientViewState[] {
  const own = c.clientView && !c.clientView.upToDate ? [c.clientView] : [];
  return [...own, ...state.lateViews.filter((v) => v.clientKey !== c.clientView?.clientKey)];
}
/** The case's money so far, on every step once there is any: rework, who pays, credit, value kept. */
function moneyCard(c: CaseView): HTMLElement | null {
  const m = c.money;
  if (!m.reworkCost && !m.concessionCredit) return null;
  return h(
    'dl',
    { class: 'money', id: 'money-card' },
    h('dt', {}, 'Rework'),
    h('dd', {}, `${money(m.reworkCost, c.currency)} (factory ${money(m.factoryShare)}, buyer ${money(m.buyerShare)})`),
    h('dt', {}, 'Concession'),
    h('dd', {}, money(m.concessionCredit, c.currency)),
    h('dt', {}, 'Value kept'),
    h('dd', {}, `${money(m.valueKept, c.currency)} · ${(m.recoveryRate * 100).toFixed(2)}%`),
  );
}

export function renderSteps(): void {
  const nav = byId('steps');
  clear(nav);
  // Where the case is: steps before its own are done, its own is due; the one on screen is current.
  const c = state.current;
  // A lot on hold is due its hold notice first: telling the agent comes before the defects.
  const dueStep = c && c.status === 'on-hold' && !c.agentNotifiedAt ? 'hold' : c ? STEP_OF[c.status as CaseStatus] : 'details';
  const due = STEPS.findIndex((s) => s.key === dueStep);
  const closed = state.current?.status === 'settled';
  STEPS.forEach((s, i) => {
    const disabled = !state.current && s.key !== 'details';
    const progress = closed || i < due ? 'done' : i === due ? 'due' : 'later';
    nav.append(
      h(
        'button',
        {
          type: 'button',
          class: `step ${progress}${s.key === state.step ? ' current' : ''}`,
          'aria-current': s.key === state.step ? 'step' : undefined,
          'aria-label': `${s.label}: ${progress === 'done' ? 'done' : progress === 'due' ? 'due now' : 'not yet'}`,
          title: progress === 'done' ? 'Done' : progress === 'due' ? 'Due now' : 'Not yet',
          disabled,
          onclick: () => {
            state.step = s.key;
            // A message belongs to the step it came from.
            clearMessage();
            render();
            byId('step').querySelector<HTMLElement>('input, select, button')?.focus();
          },
        },
        progress === 'done' ? `✓ ${s.label}` : s.label,
      ),
    );
  });
}
export function renderStep(): HTMLElement {
  if (state.needsSetup) return setupForm();
  if (state.panel === 'clients') return clientsPanel(render);
  const c = state.current;
  if (!c) return newCaseForm();
  switch (state.step) {
    case 'details':
      return h(
        'div',
        {},
        details(c),
        caseClient(c, () => void loadCase(c.id)),
      );
    case 'oqc':
      return oqcForm(c);
    case 'hold':
      return holdForm(c);
    case 'defects':
      return defectsForm(c);
    case 'evidence':
      return evidenceForm(c);
    case 'agreement':
      return agreementForm(c);
    case 'supervision':
      return supervisionForms(c);
    case 'reinspection':
      return reinspectionForm(c);
    case 'settlement':
      return settlementView(c);
  }
}
