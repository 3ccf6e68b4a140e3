import type { CaseRecord } from '../core/case/lifecycle';
import { nextStep } from '../core/case/lifecycle';
import type { EvidenceGap } from '../core/case/evidence';
import { evidenceGaps, unitsLackingEvidence } from '../core/case/evidence';
import { InputError } from '../core/errors';
import { caseFromRow, caseToRow, snapshot } from './caseRecords';
import { CASES, DEFECTS, EVIDENCE, LOG } from './schema';
import type { SheetSpec } from './schema';
import { appendRows, load, loadHeader, writeRows } from './table';
import type { Loaded, Row, StoredRow } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * One handler's view of the tracker: each sheet is read at most once (one call) and written in
 * batches; the log gets one appended row per step.
 */
export class Workbook {
  private readonly tables = new Map<SheetSpec, Loaded>();
  /** Rows by case, per sheet: a summary of every case reads each sheet once, not once per case. */
  private readonly byCase = new Map<SheetSpec, Map<string, StoredRow[]>>();
  constructor(
    readonly spreadsheet: Spreadsheet,
    private readonly user: string,
    readonly now: Date,
  ) {}

  table(spec: SheetSpec): Loaded {
    let table = this.tables.get(spec);
    if (!table) {
      table = load(this.spreadsheet, spec);
      this.tables.set(spec, table);
    }
    return table;
  }

  /** Rows of a sheet that belong to one case. */
  rowsOf(spec: SheetSpec, caseId: string): StoredRow[] {
    let index = this.byCase.get(spec);
    if (!index) {
      index = new Map();
      for (const stored of this.table(spec).rows) {
        const key = String(stored.values.caseId);
        const list = index.get(key);
        if (list) list.push(stored);
        else index.set(key, [stored]);
      }
      this.byCase.set(spec, index);
    }
    return index.get(caseId) ?? [];
  }

  findCase(caseId: string): { stored: StoredRow; record: CaseRecord } {
    const stored = this.table(CASES).rows.find((r) => r.values.id === caseId);
    if (!stored) throw new InputError(`there is no case ${caseId} in "${CASES.name}".`);
    return { stored, record: caseFromRow(stored.values) };
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
    if (record.status !== 'classified') return nextStep(record, 0);
    if (gaps) return nextStep(record, gaps.length);
    const { units, evidence } = this.evidenceOf(record.id);
    return nextStep(record, unitsLackingEvidence(units, evidence));
  }

  /** Writes the case's row (keeping the row's other columns) and logs the step. */
  saveCase(stored: StoredRow | undefined, record: CaseRecord, action: string, extra: Row = {}, gaps?: EvidenceGap[]): void {
    const cases = this.table(CASES);
    const before = stored ? caseFromRow(stored.values) : undefined;
    const row = { ...(stored?.values ?? {}), ...caseToRow(record, this.nextStepOf(record, gaps), this.now), ...extra };
    if (stored) {
      writeRows(cases, stored.row, [row]);
      stored.values = row;
    } else {
      const at = appendRows(cases, [row]);
      cases.rows.push({ row: at, values: row });
    }
    this.log(record.id, action, snapshot(before), snapshot(record));
  }

  append(spec: SheetSpec, rows: Row[]): void {
    const table = this.table(spec);
    const first = appendRows(table, rows);
    rows.forEach((values, i) => table.rows.push({ row: first + i, values }));
    this.byCase.delete(spec);
  }

  update(spec: SheetSpec, stored: StoredRow, values: Row): void {
    stored.values = { ...stored.values, ...values };
    writeRows(this.table(spec), stored.row, [stored.values]);
  }

  log(caseId: string, action: string, before: string, after: string): void {
    const log = this.tables.get(LOG) ?? loadHeader(this.spreadsheet, LOG);
    this.tables.set(LOG, log);
    appendRows(log, [{ at: this.now, user: this.user, caseId, action, before, after }]);
  }
}
