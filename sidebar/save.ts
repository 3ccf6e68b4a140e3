// Saving: one server call per save, its pending state, and its refusal shown by the field it names.
import type { CaseView, ClientViewState, HandlerName, SettingsView } from '../src/shared/contract';
import { byId, clear, h } from './dom';
import { call } from './server';
import { state, settings } from './state';
import { showSaved, refresh, render } from './desk';
import { noteViews, viewLine } from './steps/clients';

/** What a save says once it is recorded: a confirmation, or — for a recorded failure — a warning in red. */
export type Outcome = string | ((data: Record<string, unknown>) => { kind: 'success' | 'warning'; text: string });

export async function submit(form: HTMLFormElement, handler: HandlerName, request: unknown, success: Outcome): Promise<boolean> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  for (const el of Array.from(form.querySelectorAll('.field-error'))) el.textContent = '';
  for (const el of Array.from(form.querySelectorAll('.form-error'))) el.remove();
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  // A browser hands over a half-typed date or a number it cannot read as blank: say so, rather than
  // let a blank mean "now" or "required".
  const unreadable = Array.from(form.querySelectorAll<HTMLInputElement>('input')).find((el) => el.validity.badInput);
  // Every required field left blank is named at once, not one per click.
  const blanks = Array.from(form.querySelectorAll<HTMLInputElement>('[required]')).filter(
    (el) => !el.closest('[hidden]') && !el.value.trim(),
  );
  if (blanks.length > 1) {
    const names = blanks.map((el) => form.querySelector(`label[for="${el.id}"]`)?.textContent ?? el.name);
    for (const el of blanks) {
      el.setAttribute('aria-invalid', 'true');
      byId(`${el.id}-error`).textContent = `${form.querySelector(`label[for="${el.id}"]`)?.textContent ?? 'This field'} is required.`;
    }
    showMessage('error', `${blanks.length} required fields are blank: ${names.join(', ')}.`);
    blanks[0].focus();
    return false;
  }
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
  const result = await call<{ id?: string; view?: CaseView; settings?: SettingsView } & Record<string, unknown>>(handler, stamped);
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
  const said = typeof success === 'string' ? { kind: 'success' as const, text: success } : success(result.data);
  // The save stands; a client view it could not update is said at once, with what is wrong, and
  // stays on the status box with its Retry until it is up to date.
  const views = (result.data.clientViews ?? []) as ClientViewState[];
  noteViews(views);
  const late = views.filter((v) => v.shared && !v.upToDate);
  if (late.length) {
    render();
    showMessage('warning', `${said.text} ${late.map(viewLine).join(' ')}`);
  } else showMessage(said.kind, said.text);
  // The next entry starts where the eye is: the step's first field, not the picker at the top.
  byId('step').querySelector<HTMLElement>('input:not([type=hidden]):not([readonly]):not([disabled]), select, textarea')?.focus();
  return true;
}
export function showError(form: HTMLFormElement, message: string): void {
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
    // A refusal that names no field goes where the eye is: by the form's button, scrolled into view.
    const note = h('p', { class: 'form-error', role: 'alert' }, message);
    form.querySelector('.actions')?.before(note);
    note.scrollIntoView({ block: 'nearest' });
  }
}
export function showMessage(kind: 'pending' | 'success' | 'warning' | 'error', text: string): void {
  const box = byId('message');
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' || kind === 'warning' ? 'alert' : 'status');
  clear(box);
  if (kind === 'pending') box.append(h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  box.append(text);
  document.body.dataset.busy = kind === 'pending' ? 'true' : 'false';
}
export function clearMessage(): void {
  const box = byId('message');
  box.className = 'message';
  clear(box);
  document.body.dataset.busy = 'false';
}
