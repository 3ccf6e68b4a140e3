import { PHOTO_KINDS } from '../src/core/case/evidence';
import { SUPERVISION_CHECKLIST, oqcResult } from '../src/core/case/lifecycle';
import type { CaseStatus } from '../src/core/case/lifecycle';
import { COST_SPLITS, allocateRework } from '../src/core/protocol/allocation';
import { catalogue, classifyDefect } from '../src/core/protocol/classify';
import { CONCESSION_GRADES, concessionDiscount } from '../src/core/protocol/concession';
import { DEFECT_CATALOGUE } from '../src/core/protocol/defectCatalogue';
import { reinspectionPlan } from '../src/core/protocol/reinspection';
import { reworkCost } from '../src/core/protocol/reworkCost';
import { reworkTimeline } from '../src/core/protocol/timeline';
import { AQL_LABELS, AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from '../src/core/sampling/tables';
import type { InspectionLevel, Severity } from '../src/core/sampling/tables';
import { DEFAULT_AQL_MAJOR, DEFAULT_AQL_MINOR, DEFAULT_LEVEL, DEFAULT_SEVERITY } from '../src/core/sampling/vocabulary';
import { formatInZone } from '../src/core/time';
import type { CaseList, CaseSummary, CaseView, HandlerName, SettingsView } from '../src/shared/contract';
import { append, byId, clear, h } from './dom';
import { call } from './server';

/** The protocol, one step at a time. */
const STEPS = [
  { key: 'details', label: '1 Case' },
  { key: 'oqc', label: '2 OQC' },
  { key: 'hold', label: '3 Hold' },
  { key: 'defects', label: '4 Defects' },
  { key: 'evidence', label: '5 Evidence' },
  { key: 'agreement', label: '6 Agree' },
  { key: 'supervision', label: '7 Rework' },
  { key: 'reinspection', label: '8 Re-inspect' },
  { key: 'settlement', label: '9 Settle' },
] as const;
type Step = (typeof STEPS)[number]['key'];

/** Steps that take more than one entry stay open while the case allows them, instead of moving on. */
const STAYS_OPEN: Partial<Record<Step, readonly CaseStatus[]>> = {
  defects: ['on-hold', 'classified', 'evidence-complete'],
  evidence: ['classified', 'evidence-complete'],
  supervision: ['agreed'],
};

/** Where each status puts the user. */
const STEP_OF: Record<CaseStatus, Step> = {
  open: 'oqc',
  'on-hold': 'defects',
  classified: 'evidence',
  'evidence-complete': 'agreement',
  agreed: 'supervision',
  'rework-done': 'reinspection',
  released: 'settlement',
  settled: 'settlement',
};

const state: { cases: CaseSummary[]; current?: CaseView; step: Step; needsSetup: boolean } = {
  cases: [],
  step: 'details',
  needsSetup: false,
};

/** The workbook's settings: the protocol's defaults until the server's arrive. */
let settings: SettingsView = {
  level: DEFAULT_LEVEL,
  aqlMajor: DEFAULT_AQL_MAJOR,
  aqlMinor: DEFAULT_AQL_MINOR,
  severity: DEFAULT_SEVERITY,
  currency: '',
  catalogue: [...DEFECT_CATALOGUE],
  splits: [...COST_SPLITS],
  grades: [...CONCESSION_GRADES],
  people: [],
  stamp: '',
};

// ---------- fields ----------

interface Field {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'url' | 'datetime-local' | 'checkbox';
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  value?: string | number | boolean;
  required?: boolean;
  step?: string;
  hint?: string;
  /** A datalist of suggestions (the roster). */
  list?: 'people-names' | 'people-ids';
}

function field(form: string, f: Field): HTMLElement {
  const id = `${form}-${f.name}`;
  const errorId = `${id}-error`;
  const common = { id, name: f.name, 'aria-describedby': errorId, required: f.required };
  let input: HTMLElement;
  if (f.options) {
    input = h(
      'select',
      common,
      ...f.options.map(([value, label]) => h('option', { value, selected: String(f.value ?? '') === value }, label)),
    );
  } else if (f.type === 'checkbox') {
    input = h('input', { ...common, type: 'checkbox', checked: Boolean(f.value) });
    return h('div', { class: 'form-group inline' }, input, h('label', { for: id }, f.label), h('p', { class: 'field-error', id: errorId }));
  } else {
    input = h('input', {
      ...common,
      type: f.type ?? 'text',
      value: f.value === undefined ? undefined : String(f.value),
      step: f.step ?? (f.type === 'number' ? 'any' : undefined),
      inputmode: f.type === 'number' ? 'decimal' : undefined,
      list: f.list,
      autocomplete: f.list ? 'off' : undefined,
    });
  }
  return h(
    'div',
    { class: 'form-group' },
    h('label', { for: id }, f.label),
    input,
    f.hint ? h('p', { class: 'hint' }, f.hint) : null,
    h('p', { class: 'field-error', id: errorId }),
  );
}

function values(form: HTMLFormElement): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name) continue;
    out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
  }
  return out;
}

const num = (v: string | boolean | undefined): number | undefined =>
  v === undefined || v === '' || typeof v === 'boolean' ? undefined : Number(v);

/**
 * A datetime-local field's wall-clock time as typed ("2026-03-14T09:30"), or undefined for "now":
 * the server reads it in the spreadsheet's zone, whatever zone this browser is in.
 */
function wallTimeOf(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

// ---------- server calls with pending, success and error states ----------

async function submit(form: HTMLFormElement, handler: HandlerName, request: unknown, success: string): Promise<boolean> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  for (const el of Array.from(form.querySelectorAll('.field-error'))) el.textContent = '';
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  // A browser hands over a half-typed date or a number it cannot read as blank: say so, rather than
  // let a blank mean "now" or "required".
  const unreadable = Array.from(form.querySelectorAll<HTMLInputElement>('input')).find((el) => el.validity.badInput);
  if (unreadable) {
    const label = form.querySelector(`label[for="${unreadable.id}"]`)?.textContent?.replace(/\s*\(.*\)$/, '') ?? 'This field';
    showError(form, `${label} is not complete: ${unreadable.type === 'number' ? 'type a number' : 'give the whole date and time'}.`);
    return false;
  }
  if (button) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  document.body.dataset.ready = 'false';
  showMessage('pending', 'Saving…');
  // The sidebar's settings stamp: the save sends the settings back only if they changed.
  const stamped = typeof request === 'object' && request !== null ? { ...request, settingsStamp: settings.stamp } : request;
  const result = await call<{ id?: string; view?: CaseView; settings?: SettingsView }>(handler, stamped);
  if (button) button.disabled = false;
  form.removeAttribute('aria-busy');
  if (!result.ok) {
    // The form keeps what was typed; the error goes next to the field it names, or above the form.
    document.body.dataset.ready = 'true';
    showError(form, result.error);
    return false;
  }
  // The confirmation comes once the view shows the saved state, not before. A save answers with
  // the case as it now stands, so redrawing needs no further call to the server.
  if (result.data.view) showSaved(result.data.view, result.data.settings);
  else await refresh(result.data.id ?? state.current?.id);
  showMessage('success', success);
  return true;
}

function showError(form: HTMLFormElement, message: string): void {
  const lower = message.toLowerCase();
  const labels = Array.from(form.querySelectorAll('label'));
  const label = labels
    .filter((l) => {
      const text = l.textContent!.toLowerCase().replace(/\s*\(.*\)$/, '');
      return lower.startsWith(text) || lower.startsWith(`the ${text}`) || lower.includes(`: ${text}`);
    })
    .sort((a, b) => b.textContent!.length - a.textContent!.length)[0];
  // A message that names no field belongs to the form's one field, when it has only one.
  const fields = Array.from(form.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea'));
  const input = label ? document.getElementById(label.htmlFor) : fields.length === 1 ? fields[0] : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    byId(`${input.id}-error`).textContent = message;
    showMessage('error', message);
    input.focus();
  } else {
    showMessage('error', message);
  }
}

function showMessage(kind: 'pending' | 'success' | 'error', text: string): void {
  const box = byId('message');
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  clear(box);
  if (kind === 'pending') box.append(h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  box.append(text);
  document.body.dataset.busy = kind === 'pending' ? 'true' : 'false';
}

function clearMessage(): void {
  const box = byId('message');
  box.className = 'message';
  clear(box);
  document.body.dataset.busy = 'false';
}

function showSaved(view: CaseView, changed?: SettingsView): void {
  if (changed) settings = changed;
  const at = state.cases.findIndex((c) => c.id === view.id);
  if (at >= 0) state.cases[at] = view;
  else state.cases.push(view);
  showCase(view);
  render();
}

/** Shows a case: the step it is at, unless the user is in the middle of a step that takes many entries. */
function showCase(view: CaseView): void {
  const status = view.status as CaseStatus;
  const switched = state.current?.id !== view.id;
  const moved = switched || state.current!.status !== status;
  state.current = view;
  if (switched || (moved && !STAYS_OPEN[state.step]?.includes(status))) state.step = STEP_OF[status];
}

async function refresh(selectId?: string): Promise<void> {
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
    if (loaded.ok) settings = loaded.data;
    else showMessage('error', loaded.error);
  }
  if (selectId) {
    const view = await call<CaseView>('rdGetCase', { caseId: selectId });
    if (view.ok) showCase(view.data);
    else showMessage('error', view.error);
  }
  render();
}

// ---------- rendering ----------

function render(): void {
  renderPicker();
  renderStatus();
  renderSteps();
  const main = byId('step');
  clear(main);
  main.append(renderStep(), peopleLists());
  document.body.dataset.ready = 'true';
}

/** The roster (RD People) as suggestions for name and ID fields; any other name may still be typed. */
function peopleLists(): HTMLElement {
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

function renderPicker(): void {
  const select = byId<HTMLSelectElement>('case-select');
  clear(select);
  select.append(h('option', { value: '' }, state.cases.length ? '— new case —' : 'No cases yet — new case'));
  for (const c of state.cases) select.append(h('option', { value: c.id, selected: c.id === state.current?.id }, `${c.id} · ${c.style}`));
}

function renderStatus(): void {
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
  ]);
}

function renderSteps(): void {
  const nav = byId('steps');
  clear(nav);
  for (const s of STEPS) {
    const disabled = !state.current && s.key !== 'details';
    nav.append(
      h(
        'button',
        {
          type: 'button',
          class: s.key === state.step ? 'step current' : 'step',
          'aria-current': s.key === state.step ? 'step' : undefined,
          disabled,
          onclick: () => {
            state.step = s.key;
            render();
            byId('step').querySelector<HTMLElement>('input, select, button')?.focus();
          },
        },
        s.label,
      ),
    );
  }
}

function renderStep(): HTMLElement {
  if (state.needsSetup) return setupForm();
  const c = state.current;
  if (!c) return newCaseForm();
  switch (state.step) {
    case 'details':
      return details(c);
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

const LEVELS = INSPECTION_LEVELS.map((l) => [l, l] as const);
const AQLS = AQL_VALUES.map((v, i) => [String(v), AQL_LABELS[i]] as const);
const SEVERITY_OPTIONS = SEVERITIES.map((s) => [s, s] as const);

function form(
  id: string,
  title: string,
  fields: HTMLElement[],
  button: string,
  onSubmit: (f: HTMLFormElement) => void,
  ...extra: HTMLElement[]
): HTMLFormElement {
  const el = h(
    'form',
    { id, 'aria-labelledby': `${id}-title`, novalidate: true },
    h('h2', { id: `${id}-title` }, title),
    ...fields,
    ...extra,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'action' }, button)),
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(el);
  });
  return el;
}

function live(id: string): HTMLElement {
  return h('div', { id, class: 'live', 'aria-live': 'polite' });
}

function liveLines(el: HTMLElement, lines: Array<string | [string, string]>): void {
  clear(el);
  for (const line of lines) {
    el.append(typeof line === 'string' ? h('p', {}, line) : h('p', { class: line[0] }, line[1]));
  }
}

function setupForm(): HTMLElement {
  return form(
    'setup-form',
    'Set up the case tracker',
    [h('p', {}, 'This workbook has no case tracker yet. Setting up adds the RD sheets and changes nothing that is already here.')],
    'Set up case tracker',
    (el) => void submit(el, 'rdSetupTracker', undefined, 'The case tracker is set up.'),
  );
}

function newCaseForm(): HTMLElement {
  return form(
    'case-form',
    'Open a case for the lot',
    [
      field('case', { name: 'factory', label: 'Factory', required: true }),
      field('case', { name: 'style', label: 'Style', required: true }),
      field('case', { name: 'po', label: 'PO' }),
      field('case', { name: 'orderValue', label: 'Order value', type: 'number', required: true }),
      field('case', { name: 'currency', label: 'Currency', value: settings.currency, hint: 'Three letters, such as USD or CNY.' }),
      field('case', { name: 'lotSize', label: 'Lot size', type: 'number', required: true }),
      field('case', { name: 'level', label: 'Inspection level', options: LEVELS, value: settings.level }),
      field('case', { name: 'aqlMajor', label: 'AQL major', options: AQLS, value: String(settings.aqlMajor) }),
      field('case', { name: 'aqlMinor', label: 'AQL minor', options: AQLS, value: String(settings.aqlMinor) }),
      field('case', { name: 'severity', label: 'Severity', options: SEVERITY_OPTIONS, value: settings.severity }),
    ],
    'Open case',
    (f) => {
      const v = values(f);
      void submit(
        f,
        'rdCreateCase',
        { ...v, orderValue: num(v.orderValue), lotSize: num(v.lotSize), aqlMajor: num(v.aqlMajor), aqlMinor: num(v.aqlMinor) },
        'Case opened.',
      );
    },
  );
}

function details(c: CaseView): HTMLElement {
  const rows: Array<[string, string]> = [
    ['Factory', c.factory],
    ['Style', c.style],
    ['PO', c.po || '—'],
    ['Order value', `${c.orderValue.toLocaleString('en-US', { minimumFractionDigits: 2 })} ${c.currency}`],
    ['Lot size', String(c.lotSize)],
    ['Plan', `Level ${c.level}, ${c.severity}; major AQL ${c.aqlMajor}, minor AQL ${c.aqlMinor}`],
    ['Major plan', `${c.planMajor.letter}, n ${c.planMajor.sampleSize}, Ac ${c.planMajor.acceptance} / Re ${c.planMajor.rejection}`],
    ['Minor plan', `${c.planMinor.letter}, n ${c.planMinor.sampleSize}, Ac ${c.planMinor.acceptance} / Re ${c.planMinor.rejection}`],
  ];
  return h('section', {}, h('h2', {}, 'Case details'), h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

function oqcForm(c: CaseView): HTMLElement {
  if (c.status !== 'open')
    return done(
      'OQC inspection',
      c.inspections.filter((i) => i.kind === 'OQC').map((i) => `${i.inspector}: ${i.verdict}${i.reasons ? ` — ${i.reasons}` : ''}`),
    );
  const out = live('oqc-live');
  const f = form(
    'oqc-form',
    'OQC inspection',
    [
      field('oqc', { name: 'inspector', label: 'Inspector', required: true, list: 'people-names' }),
      field('oqc', { name: 'criticalFound', label: 'Critical found', type: 'number', value: 0 }),
      field('oqc', { name: 'majorFound', label: 'Major found', type: 'number', value: 0 }),
      field('oqc', { name: 'minorFound', label: 'Minor found', type: 'number', value: 0 }),
    ],
    'Record inspection',
    (el) => {
      const v = values(el);
      void submit(
        el,
        'rdRecordInspection',
        {
          caseId: c.id,
          inspector: v.inspector,
          criticalFound: num(v.criticalFound),
          majorFound: num(v.majorFound),
          minorFound: num(v.minorFound),
        },
        'Inspection recorded.',
      );
    },
    out,
  );
  const update = () => {
    const v = values(f);
    try {
      const r = oqcResult(
        {
          lotSize: c.lotSize,
          level: c.level as InspectionLevel,
          severity: c.severity as Severity,
          aqlMajor: c.aqlMajor,
          aqlMinor: c.aqlMinor,
        },
        { criticalFound: num(v.criticalFound) ?? 0, majorFound: num(v.majorFound) ?? 0, minorFound: num(v.minorFound) ?? 0 },
      );
      liveLines(out, [
        `Plan: ${r.major.letter}, sample ${r.major.sampleSize}; major Ac ${r.major.acceptance}/Re ${r.major.rejection}; minor Ac ${r.minor.acceptance}/Re ${r.minor.rejection}`,
        r.passed ? ['ok', 'Verdict: ACCEPT — the lot is released'] : ['bad', `Verdict: REJECT — ${r.reasons.join('; ')}`],
      ]);
    } catch (error) {
      liveLines(out, [['bad', (error as Error).message]]);
    }
  };
  f.addEventListener('input', update);
  update();
  return f;
}

function holdForm(c: CaseView): HTMLElement {
  if (!c.holdAt) return done('Hold notice', ['No hold: the lot passed OQC or is not inspected yet.']);
  // Times in the spreadsheet's zone, named, as the sheet itself shows them.
  const fmt = (iso: string) => (iso ? `${formatInZone(new Date(iso), c.timeZone)} (${c.timeZone})` : '—');
  const facts = h(
    'dl',
    {},
    h('dt', {}, 'Hold notice at'),
    h('dd', {}, fmt(c.holdAt)),
    h('dt', {}, 'Tell agent by'),
    h('dd', {}, fmt(c.notifyBy)),
    h('dt', {}, 'Agent told at'),
    h('dd', {}, fmt(c.agentNotifiedAt)),
  );
  if (c.agentNotifiedAt) return h('section', {}, h('h2', {}, 'Hold notice'), facts);
  return form(
    'hold-form',
    'Hold notice',
    [
      facts,
      field('hold', {
        name: 'at',
        label: 'Agent told at',
        type: 'datetime-local',
        hint: `In ${c.timeZone} time, the spreadsheet's zone. Blank means now.`,
      }),
    ],
    'Agent told',
    (el) => void submit(el, 'rdRecordAgentNotified', { caseId: c.id, at: wallTimeOf(values(el).at) }, 'Recorded.'),
  );
}

/** A measurement as typed: a number when it reads as one, else the word (pass, fail, valid…). */
function measurementOf(v: Record<string, string | boolean>): number | string | undefined {
  const measured = String(v.measurement).trim();
  if (measured === '') return undefined;
  return Number.isFinite(Number(measured)) ? Number(measured) : measured;
}

function defectsForm(c: CaseView): HTMLElement {
  const list = h(
    'ul',
    { class: 'defects' },
    ...c.defects.map((d) =>
      h('li', {}, h('strong', {}, `${d.unitRef} ${d.class}`), ` ${d.defectType}${d.measurement ? ` ${d.measurement}` : ''} — ${d.rule}`),
    ),
  );
  const allowed = ['on-hold', 'classified', 'evidence-complete'].includes(c.status);
  if (!allowed) return h('section', {}, h('h2', {}, `Defects (${c.defects.length})`), list);
  const out = live('defect-live');
  const f = form(
    'defect-form',
    'Classify a defective unit',
    [
      field('defect', { name: 'unitRef', label: 'Unit', required: true }),
      field('defect', { name: 'carton', label: 'Carton' }),
      field('defect', {
        name: 'defectType',
        label: 'Defect type',
        options: settings.catalogue.map((t) => [t.name, t.measure ? `${t.name} (${t.measure.unit})` : t.name] as const),
      }),
      field('defect', { name: 'measurement', label: 'Measurement' }),
      field('defect', {
        name: 'context',
        label: 'Context',
        hint: 'Where a type needs it: shoulder strap / main handle; exterior / non-critical panel.',
      }),
      field('defect', {
        name: 'cause',
        label: 'Cause',
        options: [['', '—'] as const, ...settings.splits.map((x) => [x.name, x.name] as const)],
      }),
      field('defect', { name: 'inRejectBox', label: 'In the reject sample box', type: 'checkbox' }),
    ],
    'Add defect',
    (el) => {
      const v = values(el);
      const request = {
        caseId: c.id,
        defects: [{ ...v, measurement: measurementOf(v) }],
      };
      void submit(el, 'rdAddDefects', request, `Defect recorded for ${String(v.unitRef)}.`);
    },
    out,
  );
  const update = () => {
    const v = values(f);
    try {
      const r = classifyDefect(String(v.defectType), measurementOf(v), String(v.context) || undefined, catalogue(settings.catalogue));
      liveLines(out, [[r.classification === 'ok' ? 'ok' : 'bad', `${r.classification.toUpperCase()}: ${r.rule}`]]);
    } catch (error) {
      liveLines(out, [(error as Error).message]);
    }
  };
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  // What is recorded so far goes below the form, so the button stays next to the fields.
  return h('div', {}, f, h('h3', {}, `Recorded (${c.defects.length})`), list);
}

function evidenceForm(c: CaseView): HTMLElement {
  const units = [...new Set(c.defects.filter((d) => d.class !== 'OK').map((d) => d.unitRef))];
  const gaps = h(
    'ul',
    { class: 'gaps' },
    ...(c.evidenceGaps.length
      ? c.evidenceGaps.map((g) => h('li', {}, `${g.unitRef}: ${g.missing.join(', ')}`))
      : [h('li', { class: 'ok' }, 'Evidence complete for every defective unit.')]),
  );
  if (units.length === 0) return done('Evidence', ['Record defective units first.']);
  const first = c.evidenceGaps[0]?.unitRef ?? units[0];
  const entry = form(
    'evidence-form',
    'Evidence (links)',
    [
      field('evidence', { name: 'unitRef', label: 'Unit', options: units.map((u) => [u, u] as const), value: first }),
      ...PHOTO_KINDS.map((k) => field('evidence', { name: k.key, label: k.label, type: 'url' })),
      field('evidence', { name: 'video', label: 'Video', type: 'url', hint: 'Needed for functional defects.' }),
    ],
    'Save evidence',
    (el) => void submit(el, 'rdSaveEvidence', { caseId: c.id, ...values(el) }, 'Evidence saved.'),
  );
  return h('div', {}, entry, h('h3', {}, 'Still missing'), gaps);
}

function agreementForm(c: CaseView): HTMLElement {
  if (!['classified', 'evidence-complete'].includes(c.status)) {
    return done('Agreement', [
      c.rework
        ? `Rework cycle ${c.rework.cycle}: ${c.rework.units} units, ${c.rework.totalCost.toFixed(2)} ${c.currency} — factory ${c.rework.factoryShare.toFixed(2)}, buyer ${c.rework.buyerShare.toFixed(2)}`
        : 'No rework.',
    ]);
  }
  const out = live('agree-live');
  const f = form(
    'agree-form',
    'Rework and/or concession',
    [
      field('agree', { name: 'doRework', label: 'Rework the defective units', type: 'checkbox', value: true }),
      field('agree', { name: 'cause', label: 'Cause', options: settings.splits.map((x) => [x.name, x.name] as const) }),
      field('agree', {
        name: 'units',
        label: 'Units to rework',
        type: 'number',
        value: c.defects.filter((d) => d.class === 'MAJOR' || d.class === 'CRITICAL').length || '',
      }),
      field('agree', { name: 'labourMinutes', label: 'Labour minutes per unit', type: 'number' }),
      field('agree', { name: 'hourlyRate', label: 'Hourly rate', type: 'number', hint: `In ${c.currency}, like every amount here.` }),
      field('agree', { name: 'consumables', label: 'Consumables per unit', type: 'number' }),
      field('agree', { name: 'qcAllocation', label: 'QC allocation per unit', type: 'number' }),
      field('agree', { name: 'days', label: 'Days', type: 'number' }),
      field('agree', { name: 'hoursPerDay', label: 'Hours per day', type: 'number', value: 8 }),
      field('agree', { name: 'operators', label: 'Operators', type: 'number' }),
      field('agree', { name: 'doConcession', label: 'Concession on the rest', type: 'checkbox', value: false }),
      field('agree', { name: 'share', label: 'Share of lot affected', type: 'number', hint: '0.15 for 15%.' }),
      field('agree', {
        name: 'grade',
        label: 'Grade',
        options: [['', 'discount below'] as const, ...settings.grades.map((g) => [g.name, `${g.name} (${g.default * 100}%)`] as const)],
      }),
      field('agree', { name: 'discount', label: 'Discount', type: 'number', hint: '0.03 for 3%, when no grade is picked.' }),
      field('agree', { name: 'overrideReason', label: 'Reason to go ahead without full evidence' }),
    ],
    'Agree',
    (el) => {
      const v = values(el);
      const rework = v.doRework
        ? {
            cause: v.cause,
            units: num(v.units),
            labourMinutes: num(v.labourMinutes) ?? 0,
            hourlyRate: num(v.hourlyRate) ?? 0,
            consumables: num(v.consumables),
            qcAllocation: num(v.qcAllocation),
            days: num(v.days),
            hoursPerDay: num(v.hoursPerDay),
            operators: num(v.operators),
          }
        : undefined;
      const concession = v.doConcession
        ? { groups: [{ share: num(v.share), grade: v.grade || undefined, discount: num(v.discount) }] }
        : undefined;
      void submit(el, 'rdAgree', { caseId: c.id, rework, concession, overrideReason: v.overrideReason }, 'Agreement recorded.');
    },
    out,
  );
  const update = () => {
    const v = values(f);
    const lines: Array<string | [string, string]> = [];
    try {
      if (v.doRework) {
        const units = num(v.units) ?? 0;
        const cost = reworkCost(
          {
            labourMinutes: num(v.labourMinutes) ?? 0,
            hourlyRate: num(v.hourlyRate) ?? 0,
            consumables: [num(v.consumables) ?? 0],
            qcAllocation: num(v.qcAllocation) ?? 0,
          },
          units,
        );
        const split = settings.splits.find((x) => x.name === v.cause)!;
        const labour = cost.labour * units;
        const a = allocateRework(split, { directLabour: labour, otherCosts: cost.total - labour });
        lines.push(
          `Rework: ${cost.perUnit.toFixed(2)}/unit, ${cost.total.toFixed(2)} ${c.currency} — factory ${a.factory.toFixed(2)}, buyer ${a.buyer.toFixed(2)}`,
        );
        if ((num(v.labourMinutes) ?? 0) > 0 && units > 0) {
          const t = reworkTimeline({
            units,
            minutesPerUnit: num(v.labourMinutes)!,
            days: num(v.days),
            hoursPerDay: num(v.hoursPerDay),
            operators: num(v.operators),
          });
          lines.push(
            `${t.personHours.toFixed(1)} person-hours${t.operatorsNeeded ? `; ${t.operatorsNeeded} operators for ${num(v.days)} days` : ''}${t.daysNeeded ? `; ${t.daysNeeded} days with the crew` : ''}${t.unitsPerDay ? `; ${t.unitsPerDay} units/day` : ''}`,
          );
          if (t.shortBy) lines.push(['bad', `Short by ${t.shortBy} operator(s) for the promised days.`]);
        }
      }
      if (v.doConcession) {
        const grade = settings.grades.find((g) => g.name === v.grade);
        const d = concessionDiscount({
          groups: [{ share: num(v.share) ?? 0, discount: grade ? grade.default : (num(v.discount) ?? 0) }],
          shipmentValue: c.orderValue,
        });
        lines.push(`Concession: ${(d.discount * 100).toFixed(2)}% = ${d.credit!.toFixed(2)} ${c.currency}`);
      }
      if (c.evidenceGaps.length)
        lines.push(['bad', `Evidence incomplete for ${c.evidenceGaps.length} unit(s): give a reason or complete it first.`]);
      if (c.quarantined) lines.push(['bad', 'Quarantined: a concession is ruled out.']);
    } catch (error) {
      lines.push(['bad', (error as Error).message]);
    }
    liveLines(out, lines);
  };
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  return f;
}

function supervisionForms(c: CaseView): HTMLElement {
  if (c.status !== 'agreed' || !c.rework)
    return done('Supervised rework', [
      c.rework
        ? `Cycle ${c.rework.cycle}: ${c.rework.logged.length} of ${c.rework.scope.length} units to rework logged.`
        : 'No rework agreed.',
    ]);
  const checklist = form(
    'checklist-form',
    `Supervision checklist — cycle ${c.rework.cycle}`,
    SUPERVISION_CHECKLIST.map((item) =>
      field('check', { name: item.key, label: item.label, type: 'checkbox', value: c.rework!.checklist[item.key] }),
    ),
    'Sign',
    (el) => void submit(el, 'rdSignChecklist', { caseId: c.id, ...values(el) }, 'Checklist signed.'),
  );
  // The units this cycle must cover and are not yet logged: the log takes no other.
  const logged = new Set(c.rework.logged);
  const pending = c.rework.scope.filter((unit) => !logged.has(unit));
  const log = form(
    'reworked-form',
    `Reworked log — ${c.rework.logged.length} of ${c.rework.scope.length} units to rework`,
    [
      pending.length
        ? field('reworked', { name: 'unitRef', label: 'Unit', required: true, options: pending.map((unit) => [unit, unit] as const) })
        : h('p', { class: 'hint' }, 'Every unit to rework is logged.'),
      field('reworked', { name: 'operatorId', label: 'Operator ID', required: true, list: 'people-ids' }),
      field('reworked', { name: 'nature', label: 'Nature of rework', required: true }),
      field('reworked', { name: 'signedOffBy', label: 'Signed off by', required: true, list: 'people-names' }),
    ],
    'Log unit',
    (el) => void submit(el, 'rdLogReworkedUnit', { caseId: c.id, ...values(el) }, 'Unit logged.'),
  );
  const finish = form(
    'done-form',
    'Rework done',
    [],
    'Rework done',
    (el) => void submit(el, 'rdCompleteRework', { caseId: c.id }, 'Rework done: ready for re-inspection.'),
  );
  return h('div', {}, checklist, log, finish);
}

function reinspectionForm(c: CaseView): HTMLElement {
  if (c.status !== 'rework-done' || !c.rework)
    return done(
      'Re-inspection',
      c.inspections
        .filter((i) => i.kind === 'Re-inspection')
        .map((i) => `${i.inspector}: ${i.verdict}${i.reasons ? ` — ${i.reasons}` : ''}`),
    );
  const out = live('re-live');
  const f = form(
    're-form',
    'Re-inspection',
    [
      field('re', {
        name: 'inspector',
        label: 'Re-inspector',
        required: true,
        list: 'people-names',
        hint: `Not ${c.inspector}: a different inspector.`,
      }),
      field('re', { name: 'adjacentUnits', label: 'Adjacent units', type: 'number', value: 0 }),
      field('re', { name: 'fullInspectionFailures', label: 'Failures among reworked and adjacent units', type: 'number', value: 0 }),
      field('re', { name: 'sampleCritical', label: 'Critical in the sample', type: 'number', value: 0 }),
      field('re', { name: 'sampleMajor', label: 'Major in the sample', type: 'number', value: 0 }),
      field('re', { name: 'sampleMinor', label: 'Minor in the sample', type: 'number', value: 0 }),
      field('re', { name: 'newMajorDefects', label: 'New major defects', type: 'number', value: 0 }),
    ],
    'Record re-inspection',
    (el) => {
      const v = values(el);
      const n = (k: string) => num(v[k]);
      void submit(
        el,
        'rdRecordReinspection',
        {
          caseId: c.id,
          inspector: v.inspector,
          adjacentUnits: n('adjacentUnits'),
          fullInspectionFailures: n('fullInspectionFailures'),
          sampleCritical: n('sampleCritical'),
          sampleMajor: n('sampleMajor'),
          sampleMinor: n('sampleMinor'),
          newMajorDefects: n('newMajorDefects'),
        },
        'Re-inspection recorded.',
      );
    },
    out,
  );
  const update = () => {
    try {
      const p = reinspectionPlan({
        lotSize: c.lotSize,
        reworkedUnits: c.rework!.units,
        adjacentUnits: num(values(f).adjacentUnits) ?? 0,
        aqlMajor: c.aqlMajor,
        aqlMinor: c.aqlMinor,
      });
      liveLines(out, [
        `100%: ${p.fullInspection} units. Level III on ${p.remainder}: ${p.letter ?? '—'}, sample ${p.sampleSize}; major Ac ${p.major?.acceptance ?? '—'}/Re ${p.major?.rejection ?? '—'}, minor Ac ${p.minor?.acceptance ?? '—'}/Re ${p.minor?.rejection ?? '—'}`,
        'Any new major defect fails the lot at once; the next cycle is the factory’s.',
      ]);
    } catch (error) {
      liveLines(out, [['bad', (error as Error).message]]);
    }
  };
  f.addEventListener('input', update);
  update();
  return f;
}

function settlementView(c: CaseView): HTMLElement {
  if (c.settlement) {
    const s = c.settlement;
    return h(
      'section',
      { id: 'settled' },
      h('h2', {}, 'Settlement'),
      h(
        'dl',
        {},
        h('dt', {}, 'Rework cost'),
        h('dd', {}, `${s.reworkCost.toFixed(2)} ${c.currency}`),
        h('dt', {}, 'Concession credit'),
        h('dd', {}, `${s.concessionCredit.toFixed(2)} ${c.currency}`),
        h('dt', {}, 'Value kept'),
        h('dd', {}, `${s.valueKept.toFixed(2)} ${c.currency}`),
        h('dt', {}, 'Recovery rate'),
        h('dd', { id: 'recovery' }, `${(s.recoveryRate * 100).toFixed(2)}%`),
      ),
    );
  }
  if (c.status !== 'released') return done('Settlement', ['The case settles once the lot is released.']);
  return form('settle-form', 'Settle and close', [], 'Settle', (el) => void submit(el, 'rdSettle', { caseId: c.id }, 'Case settled.'));
}

function done(title: string, lines: string[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...lines.map((l) => h('p', {}, l)));
}

// ---------- start ----------

function start(): void {
  byId<HTMLSelectElement>('case-select').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    if (!id) {
      state.current = undefined;
      state.step = 'details';
      render();
      return;
    }
    showMessage('pending', 'Loading the case…');
    void refresh(id).then(() => {
      if (byId('message').classList.contains('pending')) clearMessage();
    });
  });
  byId('new-case').addEventListener('click', () => {
    state.current = undefined;
    state.step = 'details';
    render();
    byId('step').querySelector<HTMLElement>('input')?.focus();
  });
  void refresh();
}

start();
