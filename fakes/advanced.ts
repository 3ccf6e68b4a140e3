import type { DriveApi, SheetsApi } from '../src/server/clients/files';
import type { CallCounter, FakeSession } from './spreadsheet';

/**
 * In-memory fakes of the Advanced Sheets (API v4) and Drive (API v3) services, for the subset
 * Rework Desk calls (SheetsApi, DriveApi: Picks of @types/google-apps-script). As strict as
 * Google, never kinder:
 * - drive.file: a file is reachable only by the account that created it through the add-on;
 *   anyone else — a reader included — gets the not-found error, as Drive answers for a file the
 *   app may not see (developers.google.com/workspace/drive/api/guides/api-specific-auth).
 * - spreadsheets.batchUpdate is all or nothing: "If any request is not valid then the entire
 *   request will fail and nothing will be applied" (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate).
 * - updateCells needs `fields`; writing outside the grid fails; a cell holds 50,000 characters.
 * - a stringValue is text whatever it starts with ("=…" stays text); a formulaValue is refused
 *   outright, since no client file may ever hold a formula.
 * - values.get omits trailing empty cells and rows (developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values).
 * Each call is counted in the spreadsheet's CallCounter under its API name; `failNext` makes the
 * next call of a method fail as Google would (quota, server error).
 */

type Cell = string | number | boolean;

interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  cells: Map<string, Cell>;
}

interface FakePermission {
  id: string;
  type: string;
  role: string;
  emailAddress?: string;
}

export interface FakeFile {
  id: string;
  title: string;
  owner: string;
  trashed: boolean;
  deleted: boolean;
  timeZone: string;
  /** Drive appProperties: private to the app that set them. */
  appProperties: Record<string, string>;
  sheets: FakeSheet[];
  permissions: FakePermission[];
  /** Drive's notification emails, as sent. */
  notifications: Array<{ email: string; message: string }>;
}

/** What Apps Script throws when an advanced service's call fails. */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string };
  constructor(api: string, code: number, message: string) {
    super(`API call to ${api} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message };
  }
}

const MAX_CELL = 50_000;
const key = (row: number, column: number) => `${row}:${column}`;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export class FakeGoogleApis {
  readonly files = new Map<string, FakeFile>();
  private failures: Array<{ api: string; code: number; message: string }> = [];
  private nextId = 1;

  constructor(
    private readonly session: FakeSession,
    readonly counter: CallCounter,
  ) {}

  private user(): string {
    return session(this.session);
  }

  /** The next call to `api` (e.g. "sheets.spreadsheets.batchUpdate") fails with this error, `times` times. */
  failNext(
    api: string,
    code = 429,
    message = "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'.",
    times = 1,
  ): void {
    for (let i = 0; i < times; i++) this.failures.push({ api, code, message });
  }

  /** Failures injected and not yet met. */
  get pendingFailures(): number {
    return this.failures.length;
  }

  private call(api: string): void {
    this.counter.count(api);
    const at = this.failures.findIndex((f) => f.api === api);
    if (at >= 0) {
      const [failure] = this.failures.splice(at, 1);
      throw new GoogleJsonResponseException(api, failure.code, failure.message);
    }
  }

  /** A file as drive.file lets the running user reach it, or Google's not-found error. */
  private reach(api: string, id: string, notFound: string): FakeFile {
    const file = this.files.get(id);
    if (!file || file.deleted || file.owner !== this.user()) throw new GoogleJsonResponseException(api, 404, notFound);
    return file;
  }

  // --- what a test or the preview does outside the add-on ---
  /** No files and no pending failures: a fresh Drive. */
  reset(): void {
    this.files.clear();
    this.failures = [];
  }
  trash(id: string): void {
    this.files.get(id)!.trashed = true;
  }
  restore(id: string): void {
    this.files.get(id)!.trashed = false;
  }
  deleteForever(id: string): void {
    this.files.get(id)!.deleted = true;
  }
  /** Every file as plain JSON, for the preview to keep between runs. */
  dump(): unknown {
    return {
      nextId: this.nextId,
      files: [...this.files.values()].map((f) => ({ ...f, sheets: f.sheets.map((s) => ({ ...s, cells: [...s.cells] })) })),
    };
  }
  load(saved: unknown): void {
    const data = saved as { nextId: number; files: Array<FakeFile & { sheets: Array<FakeSheet & { cells: Array<[string, Cell]> }> }> };
    this.reset();
    this.nextId = data.nextId;
    for (const f of data.files) {
      this.files.set(f.id, {
        ...f,
        appProperties: f.appProperties ?? {},
        sheets: f.sheets.map((s) => ({ ...s, cells: new Map(s.cells) })),
      });
    }
  }

  /** The file's sheets as values, row by row to the last non-empty cell (what its readers see). */
  grid(id: string, title?: string): Cell[][] {
    const file = this.files.get(id)!;
    const sheet = title ? file.sheets.find((s) => s.title === title)! : file.sheets[0];
    return valuesOf(sheet, true);
  }
  readersOf(id: string): string[] {
    return this.files
      .get(id)!
      .permissions.filter((p) => p.role !== 'owner')
      .map((p) => p.emailAddress ?? p.type)
      .sort();
  }
  /** Every file the add-on made, as the preview and its tests list them. */
  list(): Array<{
    id: string;
    title: string;
    owner: string;
    trashed: boolean;
    readers: string[];
    sheets: Array<{ name: string; rows: Cell[][] }>;
  }> {
    return [...this.files.values()]
      .filter((f) => !f.deleted)
      .map((f) => ({
        id: f.id,
        title: f.title,
        owner: f.owner,
        trashed: f.trashed,
        readers: this.readersOf(f.id),
        sheets: f.sheets.map((s) => ({ name: s.title, rows: valuesOf(s, true) })),
      }));
  }

  // --- the Advanced Sheets service ---
  sheets(): SheetsApi {
    return {
      Spreadsheets: {
        create: (resource: GoogleAppsScript.Sheets.Schema.Spreadsheet) => {
          this.call('sheets.spreadsheets.create');
          const id = `1fake${String(this.nextId++).padStart(6, '0')}ClientViewSpreadsheetXXXXXX`;
          const given = resource.sheets?.length ? resource.sheets : [{ properties: { title: 'Sheet1' } }];
          const sheets = given.map((s, i) => {
            const p = s.properties ?? {};
            return {
              sheetId: p.sheetId ?? i,
              title: p.title ?? `Sheet${i + 1}`,
              rowCount: p.gridProperties?.rowCount ?? 1000,
              columnCount: p.gridProperties?.columnCount ?? 26,
              frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
              cells: new Map<string, Cell>(),
            };
          });
          const owner = this.user();
          this.files.set(id, {
            id,
            title: resource.properties?.title ?? 'Untitled spreadsheet',
            owner,
            trashed: false,
            deleted: false,
            timeZone: resource.properties?.timeZone ?? 'America/Los_Angeles',
            appProperties: {},
            sheets,
            permissions: [{ id: 'owner', type: 'user', role: 'owner', emailAddress: owner }],
            notifications: [],
          });
          return this.describe(this.files.get(id)!);
        },
        get: (id: string) => {
          this.call('sheets.spreadsheets.get');
          return this.describe(this.reach('sheets.spreadsheets.get', id, 'Requested entity was not found.'));
        },
        batchUpdate: (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, id: string) => {
          const api = 'sheets.spreadsheets.batchUpdate';
          this.call(api);
          const file = this.reach(api, id, 'Requested entity was not found.');
          // Applied to a copy, which replaces the file only when every request succeeded.
          const draft = { title: file.title, sheets: file.sheets.map((s) => ({ ...s, cells: new Map(s.cells) })) };
          (resource.requests ?? []).forEach((request, i) => applyRequest(api, draft, request as Record<string, unknown>, i));
          file.title = draft.title;
          file.sheets = draft.sheets;
          return { spreadsheetId: id, replies: (resource.requests ?? []).map(() => ({})) };
        },
        Values: {
          get: (id: string, range: string, optionalArgs?: object) => {
            const api = 'sheets.spreadsheets.values.get';
            this.call(api);
            const file = this.reach(api, id, 'Requested entity was not found.');
            const title = /^'(.*)'$/.exec(range)?.[1]?.replace(/''/g, "'") ?? range;
            const sheet = file.sheets.find((s) => s.title === title);
            if (!sheet) throw new GoogleJsonResponseException(api, 400, `Unable to parse range: ${range}`);
            const unformatted = (optionalArgs as { valueRenderOption?: string } | undefined)?.valueRenderOption === 'UNFORMATTED_VALUE';
            const values = valuesOf(sheet, unformatted);
            return {
              range: `'${sheet.title}'!A1:${columnName(sheet.columnCount - 1)}${sheet.rowCount}`,
              majorDimension: 'ROWS',
              ...(values.length ? { values } : {}),
            };
          },
        },
      },
    };
  }

  private describe(file: FakeFile) {
    return {
      spreadsheetId: file.id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${file.id}/edit`,
      properties: { title: file.title, timeZone: file.timeZone },
      sheets: file.sheets.map((s) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          gridProperties: { rowCount: s.rowCount, columnCount: s.columnCount, frozenRowCount: s.frozenRowCount },
        },
      })),
    };
  }

  // --- the Advanced Drive service ---
  drive(): DriveApi {
    const notFound = (id: string) => `File not found: ${id}.`;
    return {
      Files: {
        // Typed as the service's overloads; the one that downloads content (alt: "media") is not modelled and refuses.
        get: ((id: string, optionalArgs?: Record<string, unknown>) => {
          if (optionalArgs?.alt === 'media') throw new Error('fake Drive: files.get with alt=media (a download) is not modelled');
          this.call('drive.files.get');
          const file = this.reach('drive.files.get', id, notFound(id));
          return {
            id: file.id,
            name: file.title,
            trashed: file.trashed,
            mimeType: 'application/vnd.google-apps.spreadsheet',
            appProperties: { ...file.appProperties },
          };
        }) as DriveApi['Files']['get'],
        // Metadata only: the overloads that upload content are not modelled and refuse.
        update: ((resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File, id: string, media?: unknown) => {
          if (media !== undefined) throw new Error('fake Drive: files.update with media (an upload) is not modelled');
          this.call('drive.files.update');
          const file = this.reach('drive.files.update', id, notFound(id));
          if (resource.name !== undefined) file.title = String(resource.name);
          // A null value deletes a property, as Drive does.
          for (const [k, v] of Object.entries(resource.appProperties ?? {})) {
            if (v === null) delete file.appProperties[k];
            else file.appProperties[k] = String(v);
          }
          return { id: file.id, name: file.title, appProperties: { ...file.appProperties } };
        }) as DriveApi['Files']['update'],
        // The one query the add-on makes; any other is refused rather than answered wrongly.
        list: ((optionalArgs?: Record<string, unknown>) => {
          this.call('drive.files.list');
          const q = String(optionalArgs?.q ?? '');
          const m = /^appProperties has \{ key='([^']+)' and value='((?:[^'\\]|\\.)*)' \}( and trashed = false)?$/.exec(q);
          if (!m) throw new Error(`fake Drive: files.list query not modelled: ${q}`);
          const value = m[2].replace(/\\(.)/g, '$1');
          const files = [...this.files.values()].filter(
            (f) => !f.deleted && f.owner === this.user() && f.appProperties[m[1]] === value && !(m[3] && f.trashed),
          );
          return { files: files.map((f) => ({ id: f.id, name: f.title, appProperties: { ...f.appProperties } })) };
        }) as DriveApi['Files']['list'],
      },
      Permissions: {
        list: (id: string) => {
          this.call('drive.permissions.list');
          const file = this.reach('drive.permissions.list', id, notFound(id));
          return { permissions: file.permissions.map((p) => ({ ...p })) };
        },
        create: (resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission, id: string, optionalArgs?: Record<string, unknown>) => {
          const api = 'drive.permissions.create';
          this.call(api);
          const file = this.reach(api, id, notFound(id));
          const email = String(resource.emailAddress ?? '').toLowerCase();
          if (!['reader', 'commenter', 'writer'].includes(String(resource.role))) {
            throw new GoogleJsonResponseException(
              api,
              403,
              "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
            );
          }
          if (resource.type === 'user' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
            throw new GoogleJsonResponseException(api, 400, 'Bad Request. User message: "Invalid email address."');
          }
          const existing = file.permissions.find((p) => p.type === resource.type && (p.emailAddress ?? '') === email);
          const permission = existing ?? {
            id: `perm-${this.nextId++}`,
            type: String(resource.type),
            role: String(resource.role),
            ...(email ? { emailAddress: email } : {}),
          };
          permission.role = String(resource.role);
          if (!existing) file.permissions.push(permission);
          if (resource.type === 'user' && optionalArgs?.sendNotificationEmail !== false) {
            file.notifications.push({ email, message: String(optionalArgs?.emailMessage ?? '') });
          }
          return { ...permission };
        },
        remove: (id: string, permissionId: string) => {
          const api = 'drive.permissions.delete';
          this.call(api);
          const file = this.reach(api, id, notFound(id));
          const at = file.permissions.findIndex((p) => p.id === permissionId);
          if (at < 0) throw new GoogleJsonResponseException(api, 404, `Permission not found: ${permissionId}.`);
          if (file.permissions[at].role === 'owner')
            throw new GoogleJsonResponseException(api, 403, 'The owner of a file cannot be removed.');
          file.permissions.splice(at, 1);
        },
      },
    };
  }

  /** A permission added outside the add-on (the owner sharing by hand in Drive). */
  addPermission(id: string, permission: { type: string; role: string; emailAddress?: string }): void {
    this.files.get(id)!.permissions.push({ id: `perm-${this.nextId++}`, ...permission });
  }
}

function session(s: FakeSession): string {
  return s.getActiveUser().getEmail();
}

function valuesOf(sheet: FakeSheet, unformatted: boolean): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < sheet.columnCount; c++) {
      const v = sheet.cells.get(key(r, c));
      row.push(
        v === undefined ? '' : unformatted || typeof v === 'string' ? v : typeof v === 'boolean' ? String(v).toUpperCase() : String(v),
      );
    }
    while (row.length && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

interface Draft {
  title: string;
  sheets: FakeSheet[];
}

function invalid(api: string, i: number, request: string, message: string): never {
  throw new GoogleJsonResponseException(api, 400, `Invalid requests[${i}].${request}: ${message}`);
}

/**
 * A field mask ("title,gridProperties(rowCount,frozenRowCount)", "gridProperties", "*") as the
 * question "is this field named?": a field is named by itself, by a parent, or by "*".
 */
function masks(fields: string): (path: string) => boolean {
  const paths: string[] = [];
  const walk = (text: string, prefix: string) => {
    let depth = 0;
    let start = 0;
    const take = (part: string) => {
      const open = part.indexOf('(');
      if (open < 0) paths.push(prefix + part.trim());
      else walk(part.slice(open + 1, part.lastIndexOf(')')), `${prefix}${part.slice(0, open).trim()}.`);
    };
    for (let k = 0; k < text.length; k++) {
      if (text[k] === '(') depth++;
      else if (text[k] === ')') depth--;
      else if (text[k] === ',' && depth === 0) {
        take(text.slice(start, k));
        start = k + 1;
      }
    }
    take(text.slice(start));
  };
  walk(fields, '');
  return (path) => paths.some((p) => p === '*' || p === path || path.startsWith(`${p}.`));
}

function fieldsOf(api: string, i: number, name: string, fields: unknown): string {
  if (typeof fields !== 'string' || !fields) invalid(api, i, name, "'fields' is required but was not specified.");
  return fields;
}

function applyRequest(api: string, draft: Draft, request: Record<string, unknown>, i: number): void {
  const [name, body] = Object.entries(request)[0] ?? [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a request body is free-form JSON, checked field by field below
  const b = (body ?? {}) as Record<string, any>;
  const sheetById = (id: unknown) =>
    draft.sheets.find((s) => s.sheetId === (id ?? 0)) ?? invalid(api, i, name, `No grid with id: ${String(id)}`);
  switch (name) {
    case 'updateSpreadsheetProperties': {
      const fields = fieldsOf(api, i, name, b.fields);
      if (masks(fields)('title')) draft.title = String(b.properties?.title ?? '');
      return;
    }
    case 'addSheet': {
      const p = b.properties ?? {};
      if (draft.sheets.some((s) => s.sheetId === p.sheetId)) invalid(api, i, name, `Sheet with id ${p.sheetId} already exists.`);
      if (draft.sheets.some((s) => s.title === p.title))
        invalid(api, i, name, `A sheet with the name "${p.title}" already exists. Please enter another name.`);
      draft.sheets.push({
        sheetId: p.sheetId ?? Math.max(0, ...draft.sheets.map((s) => s.sheetId)) + 1,
        title: p.title ?? `Sheet${draft.sheets.length + 1}`,
        rowCount: p.gridProperties?.rowCount ?? 1000,
        columnCount: p.gridProperties?.columnCount ?? 26,
        frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
        cells: new Map(),
      });
      return;
    }
    case 'deleteSheet': {
      const sheet = sheetById(b.sheetId);
      if (draft.sheets.length === 1) invalid(api, i, name, "You can't remove all the sheets in a document.");
      draft.sheets = draft.sheets.filter((s) => s !== sheet);
      return;
    }
    case 'updateSheetProperties': {
      const fields = fieldsOf(api, i, name, b.fields);
      const p = b.properties ?? {};
      const sheet = sheetById(p.sheetId);
      const wants = masks(fields);
      if (wants('title') && p.title !== undefined) {
        if (draft.sheets.some((s) => s !== sheet && s.title === p.title))
          invalid(api, i, name, `A sheet with the name "${p.title}" already exists. Please enter another name.`);
        sheet.title = String(p.title);
      }
      const g = p.gridProperties ?? {};
      if (wants('gridProperties.rowCount') && g.rowCount !== undefined) sheet.rowCount = g.rowCount;
      if (wants('gridProperties.columnCount') && g.columnCount !== undefined) sheet.columnCount = g.columnCount;
      if (wants('gridProperties.frozenRowCount') && g.frozenRowCount !== undefined) sheet.frozenRowCount = g.frozenRowCount;
      if (sheet.frozenRowCount >= sheet.rowCount) invalid(api, i, name, "You can't freeze all visible rows on the sheet.");
      // A smaller grid drops what lay outside it.
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(':').map(Number);
        if (r >= sheet.rowCount || c >= sheet.columnCount) sheet.cells.delete(k);
      }
      return;
    }
    case 'updateCells': {
      const fields = fieldsOf(api, i, name, b.fields);
      // With a range, Sheets clears what the rows leave uncovered: not modelled, and never sent by the add-on.
      if (b.range) throw new Error('fake Sheets: updateCells with a range is not modelled; write with start');
      const start = b.start ?? {};
      const sheet = sheetById(start.sheetId);
      const top = start.rowIndex ?? 0;
      const left = start.columnIndex ?? 0;
      const rows = (b.rows ?? []) as Array<{ values?: Array<{ userEnteredValue?: Record<string, unknown> }> }>;
      const bottom = top + rows.length;
      const right = left + Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
      if (bottom > sheet.rowCount || right > sheet.columnCount) {
        invalid(
          api,
          i,
          name,
          `Range ('${sheet.title}'!${columnName(left)}${top + 1}:${columnName(right - 1)}${bottom}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
        );
      }
      if (!masks(fields)('userEnteredValue')) return;
      rows.forEach((row, r) =>
        (row.values ?? []).forEach((cell, c) => {
          const value = cell.userEnteredValue;
          const at = key(top + r, left + c);
          if (!value || Object.keys(value).length === 0) return void sheet.cells.delete(at);
          if ('formulaValue' in value)
            throw new Error(
              `fake Sheets: a formulaValue reached a client file (${String(value.formulaValue)}): client files take values only`,
            );
          const v = value.stringValue ?? value.numberValue ?? value.boolValue;
          if (typeof v === 'string' && v.length > MAX_CELL)
            invalid(api, i, name, `Your input contains more than the maximum of ${MAX_CELL} characters in a single cell.`);
          if (v === undefined) invalid(api, i, name, `Unknown value type in ${JSON.stringify(value)}`);
          sheet.cells.set(at, v as Cell);
        }),
      );
      return;
    }
    default:
      throw new GoogleJsonResponseException(
        api,
        400,
        `Invalid JSON payload received. Unknown name "${String(name)}" at 'requests[${i}]': Cannot find field.`,
      );
  }
}
