// Form building blocks every step uses: labelled fields, forms, live panels.
import { formatMoney, groupDigits } from '../src/core/money';
import { clear, h } from './dom';

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'url' | 'datetime-local' | 'checkbox';
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  value?: string | number | boolean;
  required?: boolean;
  step?: string;
  hint?: string;
  /** Shown but not changeable: a recorded sign-off. */
  locked?: boolean;
  /** A datalist of suggestions (the roster). */
  list?: 'people-names' | 'people-ids';
}
export function field(form: string, f: Field): HTMLElement {
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
    input = h('input', {
      ...common,
      type: 'checkbox',
      checked: Boolean(f.value),
      disabled: f.locked,
      title: f.locked ? 'Signed: a sign-off is not withdrawn' : undefined,
    });
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
    h('label', { for: id, class: f.required ? 'required' : undefined }, f.label),
    input,
    f.hint ? h('p', { class: 'hint' }, f.hint) : null,
    h('p', { class: 'field-error', id: errorId }),
  );
}
export function values(form: HTMLFormElement): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name) continue;
    out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
  }
  return out;
}
export const num = (v: string | boolean | undefined): number | undefined =>
  v === undefined || v === '' || typeof v === 'boolean' ? undefined : Number(v);
/**
 * A datetime-local field's wall-clock time as typed ("2026-03-14T09:30"), or undefined for "now":
 * the server reads it in the spreadsheet's zone, whatever zone this browser is in.
 */
export function wallTimeOf(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
export function form(
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
  // A field's refusal goes once the field is changed.
  el.addEventListener('input', (event) => {
    const field = event.target as HTMLElement;
    if (!field.id || field.getAttribute('aria-invalid') !== 'true') return;
    field.removeAttribute('aria-invalid');
    const note = document.getElementById(`${field.id}-error`);
    if (note) note.textContent = '';
  });
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(el);
  });
  return el;
}
export function live(id: string): HTMLElement {
  return h('div', { id, class: 'live', 'aria-live': 'polite' });
}
export function liveLines(el: HTMLElement, lines: Array<string | [string, string]>): void {
  clear(el);
  for (const line of lines) {
    el.append(typeof line === 'string' ? h('p', {}, line) : h('p', { class: line[0] }, line[1]));
  }
}
export function done(title: string, lines: string[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...lines.map((l) => h('p', {}, l)));
}

/**
 * For a step that cannot be undone without a correction (release or hold a lot, agree, rework
 * done, re-inspect, settle): the first submit — a click or Enter in any field — shows what will be
 * recorded and asks once; only "Record" saves. The summary is the heading and the form's live lines.
 */
export function askFirst(formEl: HTMLFormElement, heading: string, commit: () => void): void {
  formEl.querySelector('.confirm')?.remove();
  // An incomplete form goes straight to the server, whose refusal names the field.
  const blank = Array.from(formEl.querySelectorAll<HTMLInputElement>('[required]')).some((el) => !el.value.trim());
  if (blank) return commit();
  const lines = Array.from(formEl.querySelectorAll('.live p')).map((p) => p.textContent ?? '');
  const yes = h('button', { type: 'button', class: 'action confirm-yes' }, 'Record');
  const no = h('button', { type: 'button', class: 'secondary confirm-no' }, 'Change');
  const own = formEl.querySelector<HTMLElement>(':scope > .actions')!;
  const panel = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': 'Confirm', tabindex: -1 },
    h('p', { class: 'confirm-heading' }, heading),
    ...lines.map((line) => h('p', {}, line)),
    h('div', { class: 'actions' }, yes, no),
  );
  const close = () => {
    panel.remove();
    own.hidden = false;
  };
  yes.addEventListener('click', () => {
    close();
    commit();
  });
  no.addEventListener('click', () => {
    close();
    formEl.querySelector<HTMLElement>('input, select')?.focus();
  });
  // One button to record, not two; focus on the summary, so a second Enter records nothing.
  own.hidden = true;
  own.before(panel);
  panel.focus();
}

/** Money as the desk shows it everywhere: grouped, to the currency's minor unit ("14,334.00 USD"). */
export function money(amount: number, currency?: string): string {
  return currency ? formatMoney(amount, currency) : groupDigits(amount, 2);
}

/** A box to paste rows into, as copied from a sheet or an inspection report, labelled like any field. */
export function pasteField(form: string, name: string, label: string, hint: string): HTMLElement {
  const id = `${form}-${name}`;
  return h(
    'div',
    { class: 'form-group' },
    h('label', { for: id }, label),
    h('textarea', { id, name, rows: 5, 'aria-describedby': `${id}-error`, spellcheck: 'false' }),
    h('p', { class: 'hint' }, hint),
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}

/**
 * Pasted rows as cells: one row per line, split by tabs (what a sheet copies) or else by commas;
 * blank lines dropped, and a first line that is a header (its first cell is `header`) skipped.
 */
export function pastedRows(text: string, header: string): string[][] {
  return pastedLines(text, header).map((l) => l.cells);
}

/** As pastedRows, with each row's line number as pasted (counting the header), for messages. */
export function pastedLines(text: string, header: string): Array<{ line: number; cells: string[] }> {
  const lines = text
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw }))
    .filter(({ raw }) => raw.trim());
  const rows = lines.map(({ line, raw }) => ({
    line,
    cells: (raw.includes('\t') ? raw.split('\t') : raw.split(',')).map((cell) => cell.trim()),
  }));
  return rows.length && rows[0].cells[0]?.toLowerCase() === header ? rows.slice(1) : rows;
}
