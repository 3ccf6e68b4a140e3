import { formatAliases, possessive, withAliases } from '../../core/clients/clients';
import { InputError } from '../../core/errors';
import { samePerson } from '../../core/people';
import type { ClientViewState } from '../../shared/contract';
import type { Client } from '../../tracker/clients';
import { OUT_OF_DATE, UP_TO_DATE, readClients } from '../../tracker/clients';
import { TITLE_ROWS, VIEW_SOURCES, clientGrid, clientHeader, clientRow, viewContext } from '../../tracker/clientView';
import type { ViewCell } from '../../tracker/clientView';
import { CASES, CLIENTS } from '../../tracker/schema';
import type { Workbook } from '../../tracker/workbook';
import { caseView } from '../steps/common';
import type { ClientFiles } from './files';
import { failureOf } from './files';

/**
 * Keeps each client's file equal to its cases in the tracker. After a save, only the cases the
 * save touched are re-made and the rest of the view is taken from the file as last written — so a
 * save costs the same calls however long the client's history; a view that is out of date, or
 * asked to rebuild, is made whole from the tracker. Runs under the document lock, after the
 * tracker's own write: a sync that fails never undoes the save, it marks the view out of date.
 */

export function clientFileTitle(client: Client): string {
  return `${client.name} — quality cases (Rework Desk)`;
}

/** What the desk says of a client file in the trash or gone: never replaced unasked. */
export function fileGone(state: 'trashed' | 'missing'): string {
  return state === 'trashed'
    ? 'the client file is in the Drive trash: restore it and retry, or make a new file (its readers are moved to the new one).'
    : `${GONE} (deleted for good, or not made by this account): make a new file to share the view again.`;
}

/** How a view's status starts when another agent's save could not write it. */
const FOREIGN = 'this view is';
const GONE = 'the client file could not be found';

export function viewState(client: Client, user = ''): ClientViewState {
  const upToDate = client.viewStatus === UP_TO_DATE;
  const problem = upToDate || !client.fileId ? '' : client.viewStatus.replace(new RegExp(`^${OUT_OF_DATE}:?\\s*`), '') || 'not yet written';
  // Nothing a retry can mend: a file gone for good, or another agent's file for this user.
  const mine = !user || !client.fileOwner || samePerson(user, client.fileOwner);
  return {
    clientKey: client.key,
    client: client.name,
    shared: client.fileId !== '',
    upToDate: client.fileId !== '' && upToDate,
    problem,
    canRecreate: /^the client file (is in the Drive trash|could not be found)/.test(problem),
    canRetry: !upToDate && mine && !problem.startsWith(GONE),
    fileUrl: client.fileUrl,
    fileOwner: client.fileOwner,
    updatedAt: client.viewUpdatedAt ? client.viewUpdatedAt.toISOString() : '',
  };
}

/** The IDs of the cases a client has now, read by Sheets' finder: two calls, however many cases. */
export function casesOfClient(wb: Workbook, key: string): string[] {
  const rows = wb.find(CASES, 'client', key);
  if (!rows.length) return [];
  const top = rows[0];
  const ids = wb.column(CASES, 'id', top, rows[rows.length - 1]);
  return rows.map((r) => ids[r - top]).filter(Boolean);
}

/** Records the view's state on the client's row (staged: the caller commits). */
function mark(wb: Workbook, client: Client, status: string, written: boolean): void {
  const values: Record<string, unknown> = { viewStatus: status };
  if (written) values.viewUpdatedAt = wb.now;
  wb.update(CLIENTS, client.stored, values);
  Object.assign(client, { viewStatus: status, ...(written ? { viewUpdatedAt: wb.now } : {}) });
}

/** A failure at Google's end, in the desk's words (unexpected ones go to the execution log too). */
export function failureText(error: unknown): string {
  switch (failureOf(error)) {
    case 'quota':
      return 'Google’s limit on writes per minute was reached; retry in a minute.';
    case 'missing':
      return `${GONE}: it was deleted, or it is not one this account made.`;
    case 'denied':
      return 'Google refused access to the client file.';
    default:
      console.error(error);
      return 'Google did not complete the update (the details are in the execution log).';
  }
}

/**
 * A file recorded for two clients (a row of RD Clients copied by hand) is written for neither and
 * its readers are left alone: one brand must never get the other's view, or its readers.
 */
export function sharesFile(wb: Workbook, client: Client): string | undefined {
  const others = readClients(wb).filter((c) => c !== client && c.fileId === client.fileId);
  if (!others.length) return undefined;
  return `its File ID is also ${others.map((c) => `${possessive(c.name)} (${c.key})`).join(', ')} in "${CLIENTS.name}" — a copied row? Clear the File ID, link and status on the row that is not this file's brand; nothing is written until then.`;
}

/** Whose file it is, when the user running the add-on is not its maker: drive.file lets only the maker write it. */
function foreignOwner(wb: Workbook, client: Client): string | undefined {
  return wb.user && client.fileOwner && !samePerson(wb.user, client.fileOwner) ? client.fileOwner : undefined;
}

/**
 * Brings one client's view up to date. `touched` are the cases the save changed; `full` rebuilds
 * from the tracker. Answers the view's state; never throws for a failure at Google's end.
 */
export function syncClient(
  wb: Workbook,
  files: ClientFiles | undefined,
  client: Client,
  touched: ReadonlySet<string>,
  full: boolean,
): ClientViewState {
  if (!client.fileId) return viewState(client, wb.user);
  const twin = sharesFile(wb, client);
  if (twin) {
    mark(wb, client, `${OUT_OF_DATE}: ${twin}`, false);
    return viewState(client, wb.user);
  }
  const owner = foreignOwner(wb, client);
  if (owner) {
    mark(
      wb,
      client,
      `${OUT_OF_DATE}: ${FOREIGN} ${possessive(owner)} file, and only ${owner} can write it — it catches up when they next save or update client views.`,
      false,
    );
    return viewState(client, wb.user);
  }
  if (!files) {
    mark(wb, client, `${OUT_OF_DATE}: the Sheets and Drive advanced services are not enabled for Rework Desk.`, false);
    return viewState(client, wb.user);
  }
  try {
    const state = files.state(client.fileId);
    if (state !== 'ok') {
      mark(wb, client, `${OUT_OF_DATE}: ${fileGone(state)}`, false);
      return viewState(client, wb.user);
    }
    const current = new Set(casesOfClient(wb, client.key));
    const rows = new Map<string, ViewCell[]>();
    let rebuild = full || client.viewStatus !== UP_TO_DATE;
    if (!rebuild) {
      const old = files.read(client.fileId);
      const header = clientHeader(client);
      // The header exactly as this release writes it, or the view is made whole: no column it no longer declares survives.
      // And every alias the file shows still on record: aliases cleared or edited by hand in RD Clients
      // would otherwise give two factories one name.
      const supplier = header.indexOf('Supplier');
      const known = new Set(client.aliases.map((a) => a.alias));
      const kept = old?.slice(TITLE_ROWS + 1) ?? [];
      if (!old || JSON.stringify(old[TITLE_ROWS]) !== JSON.stringify(header)) rebuild = true;
      else if (supplier >= 0 && kept.some((row) => row[supplier] && !known.has(String(row[supplier])))) rebuild = true;
      else
        for (const row of kept)
          if (current.has(String(row[0])) && !touched.has(String(row[0]))) rows.set(String(row[0]), row.slice(0, header.length));
    }
    const exists = rebuild ? files.hasViewSheet(client.fileId) : true;
    const toMake = [...current].filter((id) => !rows.has(id));
    // Made whole, a view needs every case of the client: read together, not case by case.
    if (toMake.length > 1) wb.preloadCases(VIEW_SOURCES, toMake);
    let unread = 0;
    const views = toMake.flatMap((id) => {
      try {
        return [caseView(wb, id, true)];
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        unread++;
        return [];
      }
    });
    const aliases = withAliases(
      client.aliases,
      views.map((v) => v.factory),
    );
    if (aliases.length !== client.aliases.length) {
      wb.update(CLIENTS, client.stored, { aliases: formatAliases(aliases) });
      client.aliases = aliases;
    }
    const ctx = viewContext(client, aliases, wb.timeZone());
    // A case ID written twice (a row copied by hand) is the first row's: never shown to another client.
    for (const v of views) if (v.client === client.key) rows.set(v.id, clientRow(v, ctx));
    files.write(client.fileId, clientFileTitle(client), clientGrid(client, [...rows.values()], wb.now, wb.timeZone()), exists);
    mark(wb, client, unread ? `${OUT_OF_DATE}: ${unread} case(s) could not be read; RD Cases names the cells.` : UP_TO_DATE, true);
  } catch (error) {
    mark(wb, client, `${OUT_OF_DATE}: ${failureText(error)}`, false);
  }
  return viewState(client, wb.user);
}

/**
 * The clients whose views a save touched: each touched case's client now, and before a move.
 * Taken before the save is written, from the case rows the step already holds — so a save of a
 * case with no client costs nothing more.
 */
export function clientsTouched(wb: Workbook, touched: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  for (const id of touched) {
    const before = wb.clientsBefore.get(id);
    if (before) keys.add(before);
    let row = wb.caseInMemory(id);
    if (!row) {
      try {
        row = wb.findCase(id).stored.values;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
    const now = String(row?.client ?? '').trim();
    if (now) keys.add(now);
  }
  return keys;
}

/** After a save: the views of the clients it touched, each brought up to date from the cases it changed. */
export function syncClients(
  wb: Workbook,
  files: ClientFiles | undefined,
  keys: ReadonlySet<string>,
  touched: ReadonlySet<string>,
): ClientViewState[] {
  return readClients(wb)
    .filter((c) => keys.has(c.key))
    .map((c) => syncClient(wb, files, c, touched, false));
}
