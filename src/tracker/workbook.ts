import type { CaseRecord } from '../core/case/lifecycle';
import { SUPERVISION_CHECKLIST, nextStep } from '../core/case/lifecycle';
import { scopeOf } from '../core/case/reworkScope';
import type { EvidenceGap } from '../core/case/evidence';
import { evidenceGaps, unitsLackingEvidence } from '../core/case/evidence';
import { InputError } from '../core/errors';
import { personKey, samePerson } from '../core/people';
import { caseFromRow, caseToRow, snapshot } from './caseRecords';
import { formatRows } from './format';
import type { Builders } from './format';
import { CASES, CLIENTS, DEFECTS, EVIDENCE, FACTORIES, LOG, PEOPLE, REWORK, REWORKED_UNITS, SETTINGS } from './schema';
import { settingsFromRows } from './settings';
import type { Settings } from './settings';
import type { SheetSpec } from './schema';
import { describeProblem, findRows, lastKeyRow, openTable, readColumn, readKeyColumn, readRows, toCell, writeCells } from './table';
import type { CellProblem, Row, StoredRow, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Person {
  name: string;
  role: string;
  id: string;
}

/** The most characters Sheets holds in one cell. */
const MAX_CELL_CHARS = 50_000;

/** The most reads a sheet's rows for many cases take before one read of the block that holds them all is cheaper. */
const PRELOAD_READS = 20;

/** Rows added when a sheet runs out: growing in blocks keeps growth (and its formatting) rare. */
const GROWTH_ROWS = 1000;

/** The column whose value makes a row the tracker's: rows without it are the user's (or empty). */
function keyOf(spec: SheetSpec): string {
  return spec === CASES
    ? 'id'
    : spec === LOG
      ? 'at'
      : spec === SETTINGS
        ? 'setting'
        : spec === PEOPLE
          ? 'name'
          : spec === FACTORIES
            ? 'factory'
            : spec === CLIENTS
              ? 'clientKey'
              : 'caseId';
}

interface SheetState {
  table: Table;
  /** The key column, row 2 first; read once, when a step needs a case's rows. */
  keys?: string[];
  /** Rows read so far, by sheet row. */
  read: Map<number, StoredRow>;
  /** Rows by case, for sheets whose rows belong to cases. */
  byCase: Map<string, StoredRow[]>;
  appends: StoredRow[];
  /** Changed cells of existing rows, by sheet row. */
  changes: Map<number, Row>;
}

/**
 * One step's view of the tracker, all-or-nothing: it reads only what the step needs (headers, one
 * key column per sheet, the case's own rows) and stages every change in memory; nothing reaches
 * the sheets until `commit()`, which runs only after the whole step has been checked. A step
 * refused for any reason leaves the workbook exactly as it was.
 */
export class Workbook {
  private readonly sheets = new Map<SheetSpec, SheetState>();
  /** Cells that could not be read as their column's type; reads report them rather than fail. */
  readonly problems: CellProblem[] = [];
  constructor(
    readonly spreadsheet: Spreadsheet,
    readonly user: string,
    readonly now: Date,
    private readonly builders?: Builders,
  ) {}

  private loadedSettings?: Settings;
  private zone?: string;

  /** The spreadsheet's time zone: every time a user reads or types is in it. */
  timeZone(): string {
    this.zone ??= this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  }

  /** RD Settings, read once per step. */
  settings(): Settings {
    this.loadedSettings ??= settingsFromRows(this.settingRows().map((r) => r.values));
    return this.loadedSettings;
  }

  private roster?: Person[];

  /** RD People: the roster, read whole (a small sheet); none when the workbook predates it. */
  people(): Person[] {
    if (!this.roster) {
      if (!this.spreadsheet.getSheetByName(PEOPLE.name)) this.roster = [];
      else {
        const keys = this.keys(PEOPLE);
        this.roster = this.rowsAt(
          PEOPLE,
          keys.flatMap((k, i) => (k ? [i + 2] : [])),
        ).map((r) => ({ name: String(r.values.name).trim(), role: String(r.values.role), id: String(r.values.personId).trim() }));
      }
    }
    return this.roster;
  }

  /** A name as typed, stored under the roster's spelling when it is someone on the roster. */
  person(typed: string): string {
    return this.people().find((p) => samePerson(p.name, typed))?.name ?? typed;
  }

  /** An operator as typed — an ID or a name — stored as the roster's ID when it is someone on the roster. */
  operator(typed: string): string {
    const key = personKey(typed);
    return this.people().find((p) => p.id && (personKey(p.id) === key || personKey(p.name) === key))?.id ?? typed;
  }

  /** RD Settings' rows: a small sheet, read whole. */
  settingRows(): StoredRow[] {
    const keys = this.keys(SETTINGS);
    return this.rowsAt(
      SETTINGS,
      keys.flatMap((k, i) => (k ? [i + 2] : [])),
    );
  }

  private state(spec: SheetSpec): SheetState {
    let state = this.sheets.get(spec);
    if (!state) {
      state = { table: openTable(this.spreadsheet, spec), read: new Map(), byCase: new Map(), appends: [], changes: new Map() };
      this.sheets.set(spec, state);
    }
    return state;
  }

  /** Where one of our columns is in the sheet (1-based). */
  columnOf(spec: SheetSpec, key: string): number {
    return this.state(spec).table.columns.get(key)!;
  }

  /** The key column of a sheet (row 2 first). */
  keys(spec: SheetSpec): string[] {
    const state = this.state(spec);
    if (!state.keys) state.keys = readKeyColumn(state.table, keyOf(spec));
    return state.keys;
  }

  /** Reads rows by sheet row number, each at most once per step. */
  rowsAt(spec: SheetSpec, rows: readonly number[]): StoredRow[] {
    const state = this.state(spec);
    const missing = rows.filter((r) => !state.read.has(r));
    if (missing.length) for (const stored of readRows(state.table, missing, this.problems)) state.read.set(stored.row, stored);
    return rows.map((r) => state.read.get(r)!);
  }

  /** Rows whose cell in a column is exactly `text`: found by Sheets, so only those rows are read. */
  find(spec: SheetSpec, key: string, text: string, regularExpression = false): number[] {
    const state = this.state(spec);
    if (key === keyOf(spec) && state.keys && !regularExpression) return state.keys.flatMap((k, i) => (k === text ? [i + 2] : []));
    return findRows(state.table, key, text, regularExpression);
  }

  /** One column's cells between two rows, as text. */
  column(spec: SheetSpec, key: string, top: number, bottom: number): string[] {
    return readColumn(this.state(spec).table, key, top, bottom);
  }

  /** The last row the tracker wrote in a sheet (1 when it has none). */
  lastRow(spec: SheetSpec): number {
    return this.lastRowOf(spec, this.state(spec));
  }

  /**
   * Loads the rows of many cases at once (a client's view made whole): per sheet, one read of its
   * key column and at most PRELOAD_READS reads of their rows (or one of the block that holds them)
   * — so the calls stay bounded however many cases, where finding each case's rows costs a few calls a case.
   */
  preloadCases(specs: readonly SheetSpec[], ids: readonly string[]): void {
    for (const spec of specs) {
      const state = this.state(spec);
      const wanted = new Set(ids.filter((id) => !state.byCase.has(id)));
      if (!wanted.size) continue;
      const keys = this.keys(spec);
      const rows = keys.flatMap((k, i) => (wanted.has(k) ? [i + 2] : []));
      const missing = rows.filter((r) => !state.read.has(r));
      if (missing.length)
        for (const stored of readRows(state.table, missing, this.problems, PRELOAD_READS)) state.read.set(stored.row, stored);
      const byId = new Map<string, StoredRow[]>([...wanted].map((id) => [id, []]));
      for (const r of rows) byId.get(keys[r - 2])!.push(state.read.get(r)!);
      for (const staged of state.appends) byId.get(String(staged.values[keyOf(spec)]))?.push(staged);
      for (const [id, found] of byId) state.byCase.set(id, found);
    }
  }

  /** Rows of a sheet that belong to one case, staged appends included. */
  rowsOf(spec: SheetSpec, caseId: string): StoredRow[] {
    const state = this.state(spec);
    let rows = state.byCase.get(caseId);
    if (!rows) {
      const numbers = this.find(spec, keyOf(spec), caseId);
      rows = [...this.rowsAt(spec, numbers), ...state.appends.filter((s) => s.values.caseId === caseId)];
      state.byCase.set(caseId, rows);
    }
    return rows;
  }

  findCase(caseId: string): { stored: StoredRow; record: CaseRecord } {
    const [at] = this.find(CASES, 'id', caseId);
    const staged = this.state(CASES).appends.find((s) => s.values.id === caseId);
    if (at === undefined && !staged) throw new InputError(`there is no case ${caseId} in "${CASES.name}".`);
    const stored = staged ?? this.rowsAt(CASES, [at])[0];
    const own = this.problems.filter((p) => p.sheet === CASES.name && p.row === stored.row);
    return { stored, record: caseFromRow(stored.values, own.map(describeProblem)) };
  }

  /** Defective units and their evidence rows; `pending` stands in for its unit's row before it is written. */
  private evidenceOf(caseId: string, pending?: Row) {
    const units = this.rowsOf(DEFECTS, caseId)
      .filter((r) => r.values.class !== 'OK')
      .map((r) => ({ unitRef: String(r.values.unitRef), functional: r.values.functional === true }));
    const rows = this.rowsOf(EVIDENCE, caseId)
      .map((r) => r.values)
      .filter((values) => !pending || values.unitRef !== pending.unitRef);
    const evidence = (pending ? [...rows, pending] : rows).map((values) => ({
      unitRef: String(values.unitRef),
      photos: values as Record<string, string>,
      video: String(values.video ?? ''),
    }));
    return { units, evidence };
  }

  /** Evidence gaps for a case: every defective unit recorded so far against its evidence row. */
  gapsOf(caseId: string, pending?: Row): EvidenceGap[] {
    const { units, evidence } = this.evidenceOf(caseId, pending);
    return evidenceGaps(units, evidence);
  }

  /** The case's next step; the evidence is read only when the step depends on it. */
  nextStepOf(record: CaseRecord, gaps?: EvidenceGap[]): string {
    if (record.status === 'agreed') return nextStep(record, 0, this.reworkProgress(record));
    if (record.status !== 'classified') return nextStep(record, 0);
    if (gaps) return nextStep(record, gaps.length);
    const { units, evidence } = this.evidenceOf(record.id);
    return nextStep(record, unitsLackingEvidence(units, evidence));
  }

  /** How far the current rework cycle has come: units logged of those in scope, checklist items signed. */
  private reworkProgress(record: CaseRecord): { logged: number; scope: number; signed: number } | undefined {
    const row = this.rowsOf(REWORK, record.id).find((r) => Number(r.values.cycle) === record.reworkCycle);
    if (!row) return undefined;
    const scope = scopeOf(row.values.scope);
    const logged = new Set(
      this.rowsOf(REWORKED_UNITS, record.id)
        .filter((r) => Number(r.values.cycle) === record.reworkCycle)
        .map((r) => String(r.values.unitRef)),
    );
    return {
      logged: scope.filter((u) => logged.has(u)).length,
      scope: scope.length || Number.POSITIVE_INFINITY,
      signed: SUPERVISION_CHECKLIST.filter((item) => row.values[item.key] === true).length,
    };
  }

  /** Stages the case's row (only the cells that change) and the step's log row. */
  saveCase(stored: StoredRow | undefined, record: CaseRecord, action: string, extra: Row = {}, gaps?: EvidenceGap[]): StoredRow {
    const before = stored ? caseFromRow(stored.values) : undefined;
    const row = { ...caseToRow(record, this.nextStepOf(record, gaps), this.now), ...extra };
    let saved: StoredRow;
    if (stored) {
      this.update(CASES, stored, row);
      saved = stored;
    } else {
      [saved] = this.append(CASES, [row]);
    }
    this.log(record.id, action, snapshot(before), snapshot(record));
    return saved;
  }

  /** Stages new rows at the end of a sheet. */
  append(spec: SheetSpec, rows: Row[]): StoredRow[] {
    const state = this.state(spec);
    const staged = rows.map((values) => ({ row: 0, values: { ...values } }));
    state.appends.push(...staged);
    for (const s of staged) state.byCase.get(String(s.values.caseId))?.push(s);
    return staged;
  }

  /** A case's client before this step moved it: its old client's view must drop it. */
  readonly clientsBefore = new Map<string, string>();

  /** A case's RD Cases row as this step holds it (read or staged), without reading: undefined when it holds none. */
  caseInMemory(caseId: string): Row | undefined {
    const state = this.sheets.get(CASES);
    if (!state) return undefined;
    return (state.appends.find((s) => s.values.id === caseId) ?? [...state.read.values()].find((s) => s.values.id === caseId))?.values;
  }

  /** Cases whose rows on these sheets this step changed or added; a change to `ignored` columns alone does not count. */
  touchedCases(specs: readonly SheetSpec[], ignored: readonly string[] = []): Set<string> {
    const ids = new Set<string>();
    for (const spec of specs) {
      const state = this.sheets.get(spec);
      if (!state) continue;
      const idOf = (values: Row | undefined) => String(values?.[spec === CASES ? 'id' : 'caseId'] ?? '');
      for (const [row, changed] of state.changes) {
        if (Object.keys(changed).some((k) => !ignored.includes(k))) ids.add(idOf(state.read.get(row)?.values));
      }
      for (const staged of state.appends) ids.add(idOf(staged.values));
    }
    ids.delete('');
    return ids;
  }

  /** Stages changes to a row; only values that differ from what is stored are written. */
  update(spec: SheetSpec, stored: StoredRow, values: Row): void {
    const state = this.state(spec);
    const changed: Row = {};
    for (const [key, value] of Object.entries(values)) if (!same(stored.values[key], value)) changed[key] = value;
    if (spec === CASES && 'client' in changed && !this.clientsBefore.has(String(stored.values.id))) {
      this.clientsBefore.set(String(stored.values.id), String(stored.values.client ?? ''));
    }
    stored.values = Object.assign(stored.values, changed);
    if (stored.row === 0 || Object.keys(changed).length === 0) return;
    state.changes.set(stored.row, { ...(state.changes.get(stored.row) ?? {}), ...changed });
  }

  log(caseId: string, action: string, before: string, after: string): void {
    this.append(LOG, [{ at: this.now, user: this.user, caseId, action, before, after }]);
  }

  /** Whether the step staged anything. */
  get dirty(): boolean {
    return [...this.sheets.values()].some((s) => s.appends.length > 0 || s.changes.size > 0);
  }

  /**
   * Writes everything the step staged. Every sheet it writes was opened (its header checked) when
   * the change was staged, so the writes below meet no refusal of ours; rows are appended after the
   * last row with a key (a user's formula filled down a column of their own does not move them),
   * growing the sheet first where it is full.
   */
  commit(): void {
    this.checkCellSizes();
    const plans = [...this.sheets.entries()].map(([spec, state]) => {
      const first = state.appends.length ? this.lastRowOf(spec, state) + 1 : 0;
      return { spec, state, first };
    });
    for (const { spec, state, first } of plans) {
      if (state.appends.length) this.ensureRows(spec, state.table, first + state.appends.length - 1);
    }
    for (const { spec, state, first } of plans) {
      for (const [row, changed] of state.changes) writeCells(state.table, row, [changed]);
      if (state.appends.length) {
        const full = state.appends.map((s) =>
          Object.fromEntries(state.table.placed.map(({ column }) => [column.key, s.values[column.key]])),
        );
        writeCells(state.table, first, full);
        state.appends.forEach((s, i) => (s.row = first + i));
        // Later reads in the same execution (a client view's sync) find the rows just written.
        if (state.table.lastRow !== undefined) state.table.lastRow = Math.max(state.table.lastRow, first + state.appends.length - 1);
        if (state.keys) state.appends.forEach((s, i) => (state.keys![first + i - 2] = String(s.values[keyOf(spec)] ?? '')));
      }
      state.changes.clear();
      state.appends = [];
    }
  }

  /** Sheets refuses a cell over 50,000 characters: found before the first write, named by sheet and column. */
  private checkCellSizes(): void {
    for (const [spec, state] of this.sheets) {
      const rows = [...state.changes.values(), ...state.appends.map((s) => s.values)];
      for (const row of rows) {
        for (const column of spec.columns) {
          const value = toCell(column, row[column.key]);
          if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
            throw new InputError(
              `"${spec.name}", ${column.header}: ${value.length.toLocaleString('en-US')} characters is more than a cell holds (${MAX_CELL_CHARS.toLocaleString('en-US')}); nothing was saved.`,
            );
          }
        }
      }
    }
  }

  private lastRowOf(spec: SheetSpec, state: SheetState): number {
    if (state.keys) {
      for (let i = state.keys.length - 1; i >= 0; i--) if (state.keys[i]) return i + 2;
      return 1;
    }
    return lastKeyRow(state.table, keyOf(spec));
  }

  /** Sheets never grows a sheet for setValues: add rows (formatted as setup formats them) before writing past the end. */
  private ensureRows(spec: SheetSpec, table: Table, lastRow: number): void {
    const max = table.sheet.getMaxRows();
    if (lastRow <= max) return;
    const add = Math.max(lastRow - max, GROWTH_ROWS);
    table.sheet.insertRowsAfter(max, add);
    if (this.builders) formatRows(table.sheet, spec, table.placed, max + 1, add, this.builders);
  }
}

function same(a: unknown, b: unknown): boolean {
  const time = (v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : undefined);
  const [ta, tb] = [time(a), time(b)];
  if (ta !== undefined || tb !== undefined) return ta === tb;
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return a === b;
}
