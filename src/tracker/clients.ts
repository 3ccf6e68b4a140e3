import { parseAliases } from '../core/clients/clients';
import type { Aliases } from '../core/clients/clients';
import type { ClientChoices } from './clientView';
import { CLIENTS } from './schema';
import type { StoredRow } from './table';
import type { Workbook } from './workbook';

/** A row of RD Clients, read. Readers stay as typed until a step that shares needs them checked. */
export interface Client extends ClientChoices {
  key: string;
  readersText: string;
  fileId: string;
  fileUrl: string;
  fileOwner: string;
  viewStatus: string;
  viewUpdatedAt?: Date;
  aliases: Aliases;
  stored: StoredRow;
}

/** What RD Clients' "View status" says of a view that has been written and nothing has happened since. */
export const UP_TO_DATE = 'Up to date';
export const OUT_OF_DATE = 'Out of date';

export function clientFromRow(stored: StoredRow): Client {
  const v = stored.values;
  const str = (x: unknown) => (x === undefined || x === null ? '' : String(x).trim());
  return {
    key: str(v.clientKey),
    name: str(v.name),
    readersText: str(v.readers),
    showFactory: v.showFactory === true,
    includeEvidenceLinks: v.includeEvidenceLinks === true,
    fileId: str(v.fileId),
    fileUrl: str(v.fileUrl),
    fileOwner: str(v.fileOwner),
    viewStatus: str(v.viewStatus),
    viewUpdatedAt: v.viewUpdatedAt instanceof Date ? v.viewUpdatedAt : undefined,
    aliases: parseAliases(str(v.aliases)),
    stored,
  };
}

const read = new WeakMap<Workbook, Client[]>();

/**
 * Every client, read whole (a small sheet) once per step — the same objects each time, so a
 * change staged on one is seen by every later reader; none when the workbook predates RD Clients.
 */
export function readClients(wb: Workbook): Client[] {
  let clients = read.get(wb);
  if (!clients) {
    clients = wb.spreadsheet.getSheetByName(CLIENTS.name)
      ? wb
          .rowsAt(
            CLIENTS,
            wb.keys(CLIENTS).flatMap((k, i) => (k ? [i + 2] : [])),
          )
          .map(clientFromRow)
      : [];
    read.set(wb, clients);
  }
  return clients;
}
