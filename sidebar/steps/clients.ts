// Brand clients: the list, adding and editing one, sharing its live view; and on a case, its
// client, the view's state with a retry, moving the case to another client, and the agent's notes.
import type { CaseView, ClientInfo, ClientViewState, SyncResult } from '../../src/shared/contract';
import { byId, h } from '../dom';
import { possessive } from '../../src/core/clients/clients';
import { call } from '../server';
import { state } from '../state';
import { field, form, values } from '../ui';
import { showMessage, submit } from '../save';

/** The clients as the desk last read them (the new-case form and the move form offer them). */
export let clients: ClientInfo[] = [];

export async function loadClients(): Promise<void> {
  const listed = await call<ClientInfo[]>('rdListClients');
  // A workbook set up before clients existed has no RD Clients: the desk works without them.
  clients = listed.ok ? listed.data : [];
  // A view still out of date is on the status box after a reload too, until it is up to date.
  state.lateViews = clients.filter((c) => c.shared && !c.upToDate);
}

export function clientOptions(none = 'No client'): Array<readonly [string, string]> {
  return [['', none] as const, ...clients.map((c) => [c.clientKey, c.name] as const)];
}

/** One line on a view's state: up to date (when), or what is wrong. */
export function viewLine(v: ClientViewState): string {
  if (!v.shared) return `${v.client}: not shared yet.`;
  if (v.upToDate)
    return `${possessive(v.client)} view is up to date${v.updatedAt ? ` (written ${new Date(v.updatedAt).toLocaleString()})` : ''}.`;
  return `${possessive(v.client)} client view is out of date: ${v.problem}`;
}

/** A button that runs one request at a time: a double click never sends it twice. */
function once(button: HTMLButtonElement, work: () => Promise<unknown>): HTMLButtonElement {
  button.addEventListener('click', () => {
    if (button.disabled) return;
    button.disabled = true;
    void work().finally(() => (button.disabled = false));
  });
  return button;
}

/**
 * Views a save or a retry reported: the clients list takes their state, and the status box keeps
 * those still late (a move's old client included) until they are up to date.
 */
export function noteViews(views: readonly ClientViewState[]): void {
  for (const v of views) {
    const at = clients.findIndex((c) => c.clientKey === v.clientKey);
    if (at >= 0) clients[at] = { ...clients[at], ...v };
    state.lateViews = state.lateViews.filter((l) => l.clientKey !== v.clientKey);
    if (v.shared && !v.upToDate) state.lateViews.push(v);
  }
}

/** Retry (rebuild the view), or — for a file in the trash or gone — make a new one, asked for. */
export function viewActions(v: ClientViewState, after: () => void): HTMLElement {
  const retry = once(h('button', { type: 'button', class: 'secondary', 'data-action': 'retry-view' }, 'Retry'), () => {
    showMessage('pending', `Updating ${possessive(v.client)} view…`);
    return call<SyncResult>('rdSyncClientViews', { clientKey: v.clientKey }).then((result) => {
      if (!result.ok) return showMessage('error', result.error);
      noteViews(result.data.views);
      const now = result.data.views[0];
      after();
      showMessage(now?.upToDate ? 'success' : 'warning', now ? viewLine(now) : 'Nothing to update.');
    });
  });
  const recreate = once(h('button', { type: 'button', class: 'secondary', 'data-action': 'recreate-view' }, 'Make a new file'), () => {
    showMessage('pending', `Making a new file for ${v.client}…`);
    return call<ClientViewState>('rdShareWithClient', { clientKey: v.clientKey, recreate: true }).then((result) => {
      if (!result.ok) return showMessage('error', result.error);
      noteViews([result.data]);
      showMessage(
        result.data.upToDate ? 'success' : 'warning',
        result.data.upToDate ? `A new file was made and shared: ${viewLine(result.data)}` : viewLine(result.data),
      );
      after();
    });
  });
  return h(
    'div',
    { class: 'actions' },
    v.fileUrl && !v.canRecreate ? h('a', { href: v.fileUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open the client file') : null,
    v.canRetry ? retry : null,
    v.canRecreate ? recreate : null,
  );
}

/** On a case: its client and the view's state, moving it to another client, and the agent's notes. */
export function caseClient(c: CaseView, reload: () => void): HTMLElement {
  const move = form(
    'client-form',
    c.client ? `Client: ${c.clientName || c.client}` : 'Client',
    [
      c.client && !c.clientName
        ? h(
            'p',
            { class: 'warn' },
            `"${c.client}" is not a client key in RD Clients (typed into the sheet?): the case is in no client’s view. Move it to its client here.`,
          )
        : h(
            'p',
            { class: 'hint' },
            c.client ? 'The case shows in this client’s live view.' : 'No client: the case is in no client’s view.',
          ),
      field('client', {
        name: 'clientKey',
        label: 'Move to',
        options: clientOptions('No client (take it out of every view)'),
        value: c.client,
      }),
      field('client', { name: 'reason', label: 'Reason', required: true, hint: 'Kept in RD Log; the old client’s view drops the case.' }),
    ],
    'Move the case',
    (el) => {
      const v = values(el);
      void submit(el, 'rdSetCaseClient', { caseId: c.id, clientKey: v.clientKey, reason: v.reason }, (data) => ({
        kind: 'success',
        text: data.clientName ? `Moved to ${String(data.clientName)}.` : 'Taken out of every client’s view.',
      }));
    },
  );
  const notes = form(
    'notes-form',
    'Internal notes',
    [notesField('notes', c.internalNotes)],
    'Save notes',
    (el) => void submit(el, 'rdSaveInternalNotes', { caseId: c.id, internalNotes: values(el).internalNotes }, 'Notes saved.'),
  );
  return h(
    'div',
    { class: 'client-case' },
    c.clientView
      ? h(
          'section',
          { class: c.clientView.upToDate ? 'view-ok' : 'view-late' },
          h('p', {}, viewLine(c.clientView)),
          viewActions(c.clientView, reload),
        )
      : null,
    move,
    notes,
  );
}

/** The agent's internal notes, as a labelled box: on a new case and on the case's details. */
export function notesField(form: string, value: string): HTMLElement {
  const id = `${form}-internalNotes`;
  return h(
    'div',
    { class: 'form-group' },
    h('label', { for: id }, 'Internal notes'),
    h('textarea', { id, name: 'internalNotes', rows: 3, 'aria-describedby': `${id}-error` }, value),
    h('p', { class: 'hint' }, 'For the agent’s side only: no client view ever shows them.'),
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}

/** The clients panel: each client with its view, and a form to add one or edit the one picked. */
export function clientsPanel(rerender: () => void): HTMLElement {
  const editing = clients.find((c) => c.clientKey === state.editingClient);
  const reload = () => void loadClients().then(rerender);
  const list = clients.length
    ? h(
        'ul',
        { class: 'clients' },
        ...clients.map((c) => {
          const edit = h('button', { type: 'button', class: 'secondary', 'data-action': 'edit-client' }, 'Edit');
          edit.addEventListener('click', () => {
            state.editingClient = c.clientKey;
            rerender();
            byId('clientedit-name').focus();
          });
          const share = h(
            'button',
            { type: 'button', class: 'action', 'data-action': 'share-client' },
            c.shared ? 'Share again' : 'Share with client',
          );
          once(share, () => {
            showMessage('pending', `Sharing ${possessive(c.name)} view…`);
            return call<ClientViewState>('rdShareWithClient', { clientKey: c.clientKey }).then((result) => {
              if (!result.ok) return showMessage('error', result.error);
              noteViews([result.data]);
              const others = c.readers.filter((r) => r !== result.data.fileOwner.toLowerCase());
              showMessage(
                result.data.upToDate ? 'success' : 'warning',
                result.data.upToDate
                  ? `${others.length ? `Shared read-only with ${others.join(', ')}.` : 'The file is yours alone: add the brand’s readers.'} ${viewLine(result.data)}`
                  : viewLine(result.data),
              );
              reload();
            });
          });
          return h(
            'li',
            { 'data-client': c.clientKey },
            h('p', { class: 'client-name' }, `${c.name} · ${c.cases} case${c.cases === 1 ? '' : 's'}`),
            h('p', { class: 'hint' }, c.readers.length ? `Readers: ${c.readers.join(', ')}` : 'No readers yet.'),
            h(
              'p',
              { class: 'hint' },
              `${c.showFactory ? 'Factory names shown' : 'Factories as aliases (Supplier A…)'}; ${c.includeEvidenceLinks ? 'evidence links included' : 'no evidence links'}.`,
            ),
            h('p', { class: c.shared && !c.upToDate ? 'warn' : 'hint' }, viewLine(c)),
            h('div', { class: 'actions' }, edit, c.canRecreate ? null : share),
            c.shared ? viewActions(c, reload) : null,
          );
        }),
      )
    : h('p', {}, 'No clients yet. Add the brand, the addresses that may read its view, and what the view shows.');
  const f = form(
    'clientedit-form',
    editing ? `Edit ${editing.name} (key ${editing.clientKey})` : 'Add a client',
    [
      field('clientedit', { name: 'name', label: 'Client (brand)', required: true, value: editing?.name ?? '' }),
      h(
        'div',
        { class: 'form-group' },
        h('label', { for: 'clientedit-readers' }, 'Readers (emails)'),
        h(
          'textarea',
          { id: 'clientedit-readers', name: 'readers', rows: 3, 'aria-describedby': 'clientedit-readers-error' },
          editing?.readers.join('\n') ?? '',
        ),
        h(
          'p',
          { class: 'hint' },
          'One address a line (or separated by commas). They get read-only access and Drive’s email. The file’s readers are kept to exactly this list: anyone taken off, or given access by hand, loses it; an empty list stops sharing.',
        ),
        h('p', { class: 'field-error', id: 'clientedit-readers-error' }),
      ),
      field('clientedit', {
        name: 'showFactory',
        label: 'Show factory names (off: Supplier A, B…)',
        type: 'checkbox',
        value: editing?.showFactory ?? false,
      }),
      field('clientedit', {
        name: 'includeEvidenceLinks',
        label: 'Include evidence links',
        type: 'checkbox',
        value: editing?.includeEvidenceLinks ?? false,
      }),
      h('p', { class: 'hint' }, 'Evidence links open only for readers who also have access to the photo files.'),
      ...(editing
        ? [
            h(
              'p',
              { class: 'warn' },
              `Saving changes ${possessive(editing.name)} own row: its cases, its file and its readers follow. To add another brand, cancel first.`,
            ),
          ]
        : []),
    ],
    editing ? 'Save client' : 'Add client',
    (el) => {
      const v = values(el);
      // As typed or pasted: the server reads a mail program's lists ("Doe, Jane <jane@…>; …").
      void submit(
        el,
        'rdSaveClient',
        {
          key: editing?.clientKey,
          name: v.name,
          readers: v.readers,
          showFactory: v.showFactory,
          includeEvidenceLinks: v.includeEvidenceLinks,
        },
        (data) => {
          // A shared client's readers and view change at once: say so when Drive or Sheets did not follow.
          const saved = data.client as ClientInfo;
          noteViews([saved]);
          const done = editing ? 'Client saved.' : 'Client added.';
          return saved.shared && !saved.upToDate
            ? { kind: 'warning', text: `${done} But ${viewLine(saved)}` }
            : { kind: 'success', text: done };
        },
      ).then((ok) => {
        if (!ok) return;
        state.editingClient = undefined;
        reload();
      });
    },
  );
  if (editing) {
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'cancel-edit' }, 'Cancel: add a client instead');
    cancel.addEventListener('click', () => {
      state.editingClient = undefined;
      rerender();
    });
    f.querySelector('.actions')!.append(cancel);
  }
  const close = h('button', { type: 'button', class: 'secondary', id: 'close-clients' }, 'Back to the case');
  close.addEventListener('click', () => {
    state.panel = undefined;
    state.editingClient = undefined;
    rerender();
  });
  return h('div', { id: 'clients-panel' }, h('h2', {}, 'Clients'), list, f, h('div', { class: 'actions' }, close));
}
