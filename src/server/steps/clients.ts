import { checkClientName, clientKeyFor, parseReaders, possessive, sameClientName } from '../../core/clients/clients';
import { InputError } from '../../core/errors';
import { samePerson } from '../../core/people';
import type { ClientInfo, ClientViewState, Result, SyncResult } from '../../shared/contract';
import type { Client } from '../../tracker/clients';
import { OUT_OF_DATE, readClients } from '../../tracker/clients';
import { CASES, CLIENTS } from '../../tracker/schema';
import type { Workbook } from '../../tracker/workbook';
import type { ClientFiles } from '../clients/files';
import { failureOf } from '../clients/files';
import { casesOfClient, clientFileTitle, failureText, fileGone, sharesFile, syncClient, viewState } from '../clients/sync';
import type { Services } from '../services';
import { fields, flag, text } from '../validate';
import type { Fields } from '../validate';
import { handle, locked, onCase, reader } from './common';
import type { Saved } from './common';

/** Every case's ID and the Client cell beside it: two reads of RD Cases' columns, however many cases. */
function clientCells(wb: Workbook): Array<{ id: string; key: string }> {
  const last = wb.lastRow(CASES);
  if (last < 2) return [];
  const ids = wb.column(CASES, 'id', 2, last);
  return wb
    .column(CASES, 'client', 2, last)
    .map((key, i) => ({ id: ids[i], key: key.trim() }))
    .filter((c) => c.id && c.key);
}

/** How many cases each client has, from one reading of the Client column. */
function caseCounts(wb: Workbook): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of clientCells(wb)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function info(wb: Workbook, client: Client, cases: number): ClientInfo {
  let readers: string[];
  try {
    readers = parseReaders(client.readersText);
  } catch {
    readers = client.readersText
      .split(/[,;\n]/)
      .map((r) => r.trim())
      .filter(Boolean);
  }
  return {
    ...viewState(client, wb.user),
    name: client.name,
    readers,
    showFactory: client.showFactory,
    includeEvidenceLinks: client.includeEvidenceLinks,
    cases,
  };
}

/** A client by key, or a message naming the ones there are. */
export function clientByKey(wb: Workbook, key: string): Client {
  const clients = readClients(wb);
  const client = clients.find((c) => c.key === key);
  if (!client) {
    throw new InputError(
      clients.length
        ? `there is no client "${key}" in "${CLIENTS.name}"; the clients are ${clients.map((c) => `${c.name} (${c.key})`).join(', ')}.`
        : `there is no client "${key}": add the client first (Clients, in the desk).`,
    );
  }
  return client;
}

function files(services: Services): ClientFiles {
  const found = services.clientFiles();
  if (!found) throw new InputError('the Sheets and Drive advanced services are not enabled for Rework Desk; nothing was changed.');
  return found;
}

/** Only the account that made a client's file can write it (drive.file): anyone else is told whose it is. */
function requireOwner(wb: Workbook, client: Client): void {
  if (client.fileOwner && wb.user && !samePerson(client.fileOwner, wb.user)) {
    throw new InputError(
      `${possessive(client.name)} view is ${possessive(client.fileOwner)} file: Google lets only the account that made it change it or its readers. Ask ${client.fileOwner} to do this; nothing was changed.`,
    );
  }
}

/**
 * Makes the file's readers exactly the client's list (plus its owner): adds the missing, with
 * Drive's notification email, and removes anyone else — a reader taken off the list, an editor
 * or a link-sharing permission someone added by hand. Removals come first, so a failure part-way
 * never leaves someone with access they should not have. An address Drive refuses (one with no
 * Google account, where the domain does not allow visitors) does not stop the others: the
 * refused ones are answered, for the view's status.
 */
function applyReaders(
  wb: Workbook,
  api: ClientFiles,
  client: Client,
  readers: readonly string[],
): { refused: string[]; notRemoved: string[] } {
  const current = api.readers(client.fileId);
  const kept = new Set<string>();
  const notRemoved: string[] = [];
  for (const p of current) {
    if (p.role === 'owner') continue;
    if (p.type === 'user' && p.role === 'reader' && readers.includes(p.email) && !kept.has(p.email)) {
      kept.add(p.email);
      continue;
    }
    try {
      api.unshare(client.fileId, p.permissionId);
    } catch (error) {
      // The file gone ends it; any other refusal leaves this one with access: named, and the rest still removed.
      if (failureOf(error) === 'missing') throw error;
      notRemoved.push(p.email || (p.type === 'anyone' ? 'anyone with the link' : p.type));
    }
  }
  const owner = current.find((p) => p.role === 'owner')?.email ?? '';
  const message = `${wb.user || 'Your agent'} shares ${possessive(client.name)} quality cases with you: a read-only spreadsheet that Rework Desk keeps up to date.`;
  const refused: string[] = [];
  for (const email of readers) {
    if (kept.has(email) || email === owner) continue;
    try {
      api.share(client.fileId, email, message);
    } catch (error) {
      // Quota and a file gone are the view's problem, reported by the caller; a refused address is this reader's.
      if (failureOf(error) !== 'other' && failureOf(error) !== 'denied') throw error;
      refused.push(email);
    }
  }
  return { refused, notRemoved };
}

/** A client's name, readers and choices, as RD Log keeps them before and after a change. */
function described(c: Pick<Client, 'name' | 'readersText' | 'showFactory' | 'includeEvidenceLinks'>): string {
  return `${c.name}; readers ${c.readersText || '—'}; factory ${c.showFactory ? 'shown' : 'aliased'}; evidence links ${c.includeEvidenceLinks ? 'in' : 'out'}`;
}

function markLate(wb: Workbook, client: Client, problem: string): ClientViewState {
  const status = `${OUT_OF_DATE}: ${problem}`;
  wb.update(CLIENTS, client.stored, { viewStatus: status });
  client.viewStatus = status;
  return viewState(client, wb.user);
}

/**
 * The readers, then the view written whole: for sharing, a client's new choices, and a rebuild.
 * A file in the trash or gone is left to the sync to report; a reader Drive refused is named in
 * the view's status, so the agent can correct the address (the view stays marked until then).
 */
function readersThenView(wb: Workbook, api: ClientFiles, client: Client, readers: readonly string[]): ClientViewState {
  const twin = sharesFile(wb, client);
  if (twin) return markLate(wb, client, twin);
  let outcome: { refused: string[]; notRemoved: string[] };
  try {
    const state = api.state(client.fileId);
    if (state === 'missing') return markLate(wb, client, fileGone(state));
    // In the trash, its readers can still open it: the list is applied all the same.
    outcome = applyReaders(wb, api, client, readers);
    if (state === 'trashed') return markLate(wb, client, fileGone(state));
  } catch (error) {
    return markLate(wb, client, `readers not applied — ${failureText(error)}`);
  }
  const state = syncClient(wb, api, client, new Set(), true);
  if (!state.upToDate) return state;
  // Someone keeping access they should not have comes first: it is the leak.
  if (outcome.notRemoved.length)
    return markLate(wb, client, `${outcome.notRemoved.join(', ')} can still read the file: Drive did not remove the access — retry.`);
  if (outcome.refused.length) {
    return markLate(
      wb,
      client,
      `Drive would not share with ${outcome.refused.join(', ')} — check the address (one with no Google account needs a domain that allows visitors).`,
    );
  }
  return state;
}

export function listClients(services: Services): Result<ClientInfo[]> {
  return handle(() => {
    const wb = reader(services);
    const clients = readClients(wb);
    const counts = clients.length ? caseCounts(wb) : new Map<string, number>();
    return clients.map((c) => info(wb, c, counts.get(c.key) ?? 0));
  }, 'read');
}

export function saveClient(services: Services, request: unknown): Result<{ key: string; client: ClientInfo }> {
  return handle(() => {
    const f = fields(request);
    const name = checkClientName(text(f, 'name', 'Client (brand)', { required: true, max: 100 }));
    const raw = f.readers ?? [];
    if (typeof raw !== 'string' && !Array.isArray(raw)) throw new InputError('Readers: give a list of email addresses.');
    const readers = parseReaders(typeof raw === 'string' ? raw : raw.map((r) => String(r)));
    const showFactory = flag(f, 'showFactory');
    const includeEvidenceLinks = flag(f, 'includeEvidenceLinks');
    const key = text(f, 'key', 'Client key', { max: 40 });
    return locked(services, (wb) => {
      const clients = readClients(wb);
      const existing = key ? clientByKey(wb, key) : undefined;
      const twin = clients.find((c) => c.key !== existing?.key && sameClientName(c.name, name));
      if (twin)
        throw new InputError(`a client named "${twin.name}" already exists (key ${twin.key}); edit that one rather than add a look-alike.`);
      const values = { name, readers: readers.join(', '), showFactory, includeEvidenceLinks };
      let client: Client;
      if (existing) {
        if (existing.fileId) requireOwner(wb, existing);
        const before = described(existing);
        wb.update(CLIENTS, existing.stored, values);
        Object.assign(existing, { name, readersText: values.readers, showFactory, includeEvidenceLinks });
        wb.log('', `Client ${existing.key} saved`, before, described(existing));
        client = existing;
        // A shared view follows its client at once: readers, and a view made again for the new choices —
        // after the new list and choices are on record, so Drive never holds what the tracker does not.
        if (client.fileId) {
          const api = files(services);
          wb.commit();
          services.flush();
          readersThenView(wb, api, client, readers);
        }
      } else {
        const newKey = clientKeyFor(
          name,
          clients.map((c) => c.key),
        );
        const [stored] = wb.append(CLIENTS, [{ clientKey: newKey, ...values }]);
        wb.log('', `Client ${newKey} added`, '', described({ ...values, readersText: values.readers }));
        client = {
          key: newKey,
          name,
          readersText: values.readers,
          showFactory,
          includeEvidenceLinks,
          fileId: '',
          fileUrl: '',
          fileOwner: '',
          viewStatus: '',
          aliases: [],
          stored,
        };
      }
      return {
        key: client.key,
        client: info(wb, client, existing ? casesOfClient(wb, client.key).length : 0),
      };
    });
  });
}

/**
 * Shares a client's live view: makes its file the first time (and records it at once, so a retry
 * never makes a second), applies the readers, and writes the view whole. A file found in the
 * trash or gone is reported; only `recreate` makes a new one in its place.
 */
export function shareWithClient(services: Services, request: unknown): Result<ClientViewState> {
  return handle(() => {
    const f = fields(request);
    const key = text(f, 'clientKey', 'Client', { required: true, max: 40 });
    const recreate = flag(f, 'recreate');
    return locked(services, (wb) => {
      const client = clientByKey(wb, key);
      const readers = parseReaders(client.readersText);
      if (!readers.length) throw new InputError(`${client.name} has no readers yet: add the addresses that may read the view first.`);
      const api = files(services);
      // Only its maker can write a client file later: a file is made only under a known account.
      if ((!client.fileId || recreate) && !wb.user) {
        throw new InputError(
          'Google does not tell Rework Desk who you are here, so the file could not be recorded as yours: sign in with your work account (or ask your admin to allow it) and share again. Nothing was changed.',
        );
      }
      let trashed = '';
      if (client.fileId) {
        requireOwner(wb, client);
        const state = api.state(client.fileId);
        if (state !== 'ok' && !recreate) return markLate(wb, client, fileGone(state));
        if (state === 'ok' && recreate)
          throw new InputError(`${possessive(client.name)} file is still there; a second file would leave two views. Nothing was changed.`);
        if (state === 'trashed') trashed = client.fileId;
      }
      if (!client.fileId || recreate) {
        const created = api.create(clientFileTitle(client), wb.timeZone(), { tracker: wb.spreadsheet.getId(), client: client.key });
        wb.log('', `Client ${client.key} view file made`, client.fileId ? `${client.fileId} (in the trash or gone)` : '', created.id);
        wb.update(CLIENTS, client.stored, {
          fileId: created.id,
          fileUrl: created.url,
          fileOwner: wb.user,
          viewStatus: `${OUT_OF_DATE}: not yet written`,
        });
        Object.assign(client, {
          fileId: created.id,
          fileUrl: created.url,
          fileOwner: wb.user,
          viewStatus: `${OUT_OF_DATE}: not yet written`,
        });
        // The new file is on record before anything else can fail: a retry finds it, never makes a second.
        wb.commit();
        services.flush();
      }
      const state = readersThenView(wb, api, client, readers);
      if (!trashed) return state;
      // Only once the new file is shared: the old one, in the trash, keeps its readers until Drive empties it.
      try {
        for (const p of api.readers(trashed)) if (p.role !== 'owner') api.unshare(trashed, p.permissionId);
        return state;
      } catch (error) {
        return markLate(
          wb,
          client,
          `the old file, in the trash, is still readable by its readers (${failureText(error)}): remove them in Drive, or retry.`,
        );
      }
    });
  });
}

/** Rebuilds one client's view, or every shared one, from the tracker: readers included. */
export function syncClientViews(services: Services, request: unknown): Result<SyncResult> {
  return handle(() => {
    const f = fields(request ?? {});
    const key = text(f, 'clientKey', 'Client', { max: 40 });
    return locked(services, (wb) => {
      const chosen = key ? [clientByKey(wb, key)] : readClients(wb).filter((c) => c.fileId);
      const api = services.clientFiles();
      const views = chosen.map((client) => {
        const mine = !client.fileOwner || !wb.user || samePerson(client.fileOwner, wb.user);
        if (!api || !mine || !client.fileId) return syncClient(wb, api, client, new Set(), true);
        let readers: string[];
        try {
          readers = parseReaders(client.readersText);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          // Someone typed into RD Clients' Readers cell: the view waits until the list is all addresses.
          const status = `${OUT_OF_DATE}: the readers in "${CLIENTS.name}" are not all addresses — ${error.message}`;
          wb.update(CLIENTS, client.stored, { viewStatus: status });
          client.viewStatus = status;
          return viewState(client, wb.user);
        }
        return readersThenView(wb, api, client, readers);
      });
      return { views, strays: strayCases(wb), orphans: key || !api ? [] : orphanFiles(wb, api) };
    });
  });
}

/** Cases whose Client cell is not a client's key (a name typed into the sheet): in no client's view, so said. */
function strayCases(wb: Workbook): string[] {
  const keys = new Set(readClients(wb).map((c) => c.key));
  return clientCells(wb)
    .filter((c) => !keys.has(c.key))
    .map((c) => c.id);
}

/**
 * Client files this agent made for this tracker that no client's row records any more (deleted by
 * hand): still shared with whoever was on the list, and no longer kept up to date — so named.
 */
function orphanFiles(wb: Workbook, api: ClientFiles): SyncResult['orphans'] {
  try {
    const recorded = new Set(readClients(wb).map((c) => c.fileId));
    return api
      .madeFor(wb.spreadsheet.getId())
      .filter((f) => !recorded.has(f.id))
      .map((f) => ({
        title: f.title,
        client: f.client,
        fileUrl: `https://docs.google.com/spreadsheets/d/${f.id}/edit`,
        readers: api
          .readers(f.id)
          .filter((p) => p.role !== 'owner')
          .map((p) => p.email || p.type),
      }));
  } catch (error) {
    // Looking for them is a courtesy of the rebuild: a failure at Drive's end does not undo it.
    console.error(error);
    return [];
  }
}

/** Moves a case to another client (or to none): a recorded fact, so it needs a reason and is logged. */
export function setCaseClient(services: Services, request: unknown): Result<Saved<{ client: string; clientName: string }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const key = text(f, 'clientKey', 'Client', { max: 40 });
    const reason = text(f, 'reason', 'Reason', { required: true, max: 500 });
    const before = String(stored.values.client ?? '').trim();
    const to = key ? clientByKey(wb, key) : undefined;
    if (key === before)
      throw new InputError(to ? `${record.id} is already ${possessive(to.name)}.` : `${record.id} has no client already.`);
    wb.update(CASES, stored, { client: key, updatedAt: wb.now });
    wb.log(record.id, `Client changed: ${reason}`, before || '(none)', key || '(none)');
    return { client: key, clientName: to?.name ?? '' };
  });
}

/** The agent's own notes on a case: kept in the tracker, never in a client's view. */
export function saveInternalNotes(services: Services, request: unknown): Result<Saved<{ internalNotes: string }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const notes = text(f, 'internalNotes', 'Internal notes', { max: 5000 });
    const before = String(stored.values.internalNotes ?? '');
    wb.update(CASES, stored, { internalNotes: notes });
    wb.log(record.id, 'Internal notes', before, notes);
    return { internalNotes: notes };
  });
}

/** A new case's client and notes, checked before the case is opened. */
export function clientOfNewCase(wb: Workbook, f: Fields): { client: string; internalNotes: string } {
  const client = text(f, 'client', 'Client', { max: 40 });
  if (client) clientByKey(wb, client);
  return { client, internalNotes: text(f, 'internalNotes', 'Internal notes', { max: 5000 }) };
}
