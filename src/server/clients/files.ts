import type { ViewCell } from '../../tracker/clientView';
import { CLIENT_SHEET, TITLE_ROWS } from '../../tracker/clientView';

/**
 * The client files, through the Advanced Sheets (v4) and Drive (v3) services under the
 * drive.file scope: the add-on sees only files it created for the user running it. The subset we
 * use, typed from @types/google-apps-script, is all the fakes model.
 */
type SpreadsheetsCollection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
type ValuesCollection = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;

export interface SheetsApi {
  Spreadsheets: Pick<SpreadsheetsCollection, 'create' | 'batchUpdate' | 'get'> & { Values: Pick<ValuesCollection, 'get'> };
}
export interface DriveApi {
  Files: Pick<FilesCollection, 'get' | 'update' | 'list'>;
  Permissions: Pick<PermissionsCollection, 'create' | 'list' | 'remove'>;
}

/** The Drive appProperties a client file carries: the tracker it belongs to, and its client's key. */
const TRACKER_TAG = 'reworkDeskTracker';
const CLIENT_TAG = 'reworkDeskClient';

/** The view's sheet keeps this ID in every client file, whatever its tab is renamed to. */
const SHEET_ID = 0;

export type FileState = 'ok' | 'trashed' | 'missing';

export interface Reader {
  permissionId: string;
  email: string;
  role: string;
  type: string;
}

/** Why a call to Google failed, in the desk's terms. */
export type Failure = 'missing' | 'quota' | 'denied' | 'other';

export function failureOf(error: unknown): Failure {
  const text = String((error as { message?: unknown })?.message ?? error);
  const code = Number((error as { details?: { code?: unknown } })?.details?.code);
  if (code === 404 || /not found/i.test(text)) return 'missing';
  if (code === 429 || /quota|rate limit|RESOURCE_EXHAUSTED/i.test(text)) return 'quota';
  if (code === 403 || /permission|insufficient|forbidden/i.test(text)) return 'denied';
  return 'other';
}

export class ClientFiles {
  constructor(
    private readonly sheets: SheetsApi,
    private readonly drive: DriveApi,
  ) {}

  /**
   * A new, empty client file owned by the user running the add-on, tagged (Drive appProperties,
   * private to the add-on) with its tracker and client, so a file whose row was deleted from RD
   * Clients can still be found.
   */
  create(title: string, timeZone: string, tag: { tracker: string; client: string }): { id: string; url: string } {
    const created = this.sheets.Spreadsheets.create({
      properties: { title, locale: 'en_US', timeZone },
      sheets: [{ properties: { sheetId: SHEET_ID, title: CLIENT_SHEET, gridProperties: { rowCount: TITLE_ROWS + 2, columnCount: 26 } } }],
    });
    try {
      this.drive.Files.update({ appProperties: { [TRACKER_TAG]: tag.tracker, [CLIENT_TAG]: tag.client } }, String(created.spreadsheetId));
    } catch (error) {
      // The file is made and recorded either way; only finding it after its row is deleted needs the tag.
      console.error(error);
    }
    return {
      id: String(created.spreadsheetId),
      url: String(created.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${created.spreadsheetId}/edit`),
    };
  }

  /** Whether the file is there for this user: in the trash, or gone (deleted, or not theirs). */
  state(id: string): FileState {
    try {
      return this.drive.Files.get(id, { fields: 'id,trashed' }).trashed ? 'trashed' : 'ok';
    } catch (error) {
      if (failureOf(error) === 'missing') return 'missing';
      throw error;
    }
  }

  /**
   * The view's rows as last written (values, not formatted text); undefined when its sheet is not
   * where we left it (renamed or deleted by the file's owner): the caller rebuilds the view.
   */
  read(id: string): ViewCell[][] | undefined {
    let values: unknown[][];
    try {
      values = this.sheets.Spreadsheets.Values.get(id, `'${CLIENT_SHEET}'`, { valueRenderOption: 'UNFORMATTED_VALUE' }).values ?? [];
    } catch (error) {
      // 400 is "Unable to parse range": no sheet of that name (Google's message may be in the user's language).
      if (Number((error as { details?: { code?: unknown } })?.details?.code) === 400) return undefined;
      throw error;
    }
    return values.map((row) => row.map((v) => (typeof v === 'number' ? v : String(v ?? ''))));
  }

  /**
   * Writes the whole view in one batchUpdate, which Sheets applies all or nothing: the sheet is
   * sized to the grid (so no old row lingers), its title put back, every cell a plain value —
   * a string stays a string even when it starts with "=", since no formulaValue is ever sent.
   * `exists` false adds the sheet back first (its owner deleted it).
   */
  write(id: string, title: string, grid: readonly ViewCell[][], exists = true): void {
    const width = Math.max(...grid.map((r) => r.length), 1);
    const rowCount = grid.length + 1;
    const properties = {
      sheetId: SHEET_ID,
      title: CLIENT_SHEET,
      gridProperties: { rowCount, columnCount: width, frozenRowCount: TITLE_ROWS + 1 },
    };
    const cell = (v: ViewCell | undefined) =>
      v === undefined || v === '' ? {} : { userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v } };
    const rows = [...grid, []].map((r) => ({ values: Array.from({ length: width }, (_, i) => cell(r[i])) }));
    this.sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { updateSpreadsheetProperties: { properties: { title }, fields: 'title' } },
          exists
            ? { updateSheetProperties: { properties, fields: 'title,gridProperties(rowCount,columnCount,frozenRowCount)' } }
            : { addSheet: { properties } },
          { updateCells: { start: { sheetId: SHEET_ID, rowIndex: 0, columnIndex: 0 }, rows, fields: 'userEnteredValue' } },
        ],
      },
      id,
    );
  }

  /** Whether the view's sheet is still in the file (its owner may have deleted it). */
  hasViewSheet(id: string): boolean {
    const file = this.sheets.Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,title)' });
    return (file.sheets ?? []).some((s) => s.properties?.sheetId === SHEET_ID);
  }

  /** The client files this user made for a tracker, not in the trash, with their client's key. */
  madeFor(tracker: string): Array<{ id: string; title: string; client: string }> {
    const found: Array<{ id: string; title: string; client: string }> = [];
    let pageToken: string | undefined;
    do {
      const page = this.drive.Files.list({
        q: `appProperties has { key='${TRACKER_TAG}' and value='${tracker.replace(/'/g, "\\'")}' } and trashed = false`,
        fields: 'nextPageToken,files(id,name,appProperties)',
        pageSize: 100,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const f of page.files ?? [])
        found.push({ id: String(f.id), title: String(f.name ?? ''), client: String(f.appProperties?.[CLIENT_TAG] ?? '') });
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return found;
  }

  readers(id: string): Reader[] {
    const list = this.drive.Permissions.list(id, { fields: 'permissions(id,type,role,emailAddress)' });
    return (list.permissions ?? []).map((p) => ({
      permissionId: String(p.id),
      email: String(p.emailAddress ?? '').toLowerCase(),
      role: String(p.role),
      type: String(p.type),
    }));
  }

  share(id: string, email: string, message: string): void {
    this.drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, id, {
      sendNotificationEmail: true,
      emailMessage: message,
    });
  }

  unshare(id: string, permissionId: string): void {
    this.drive.Permissions.remove(id, permissionId);
  }
}
