/**
 * An in-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, formulas, number
 * formats, data validation, protections, frozen rows and conditional format rules — the subset the
 * add-on uses. Every class is held to @types/google-apps-script with `Pick<…>`. Calls are counted
 * per method, so tests and benchmarks can see how often the add-on goes to the service.
 *
 * Writing behaves as Sheets does: a string starting with "=" becomes a formula, a leading
 * apostrophe forces text and is not kept in the value.
 */
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRule = GoogleAppsScript.Spreadsheet.DataValidation;
type GCondRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Value = string | number | boolean | Date;

export class CallCounter {
  readonly counts = new Map<string, number>();
  /** Runs before every counted call: lets a test act in the middle of a handler, as a second user would. */
  onCall?: (name: string) => void;
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.onCall?.(name);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** Reads and writes of cell contents: what costs a round trip to Sheets. */
  valueCalls(): number {
    return ['getValues', 'setValues', 'getValue', 'setValue', 'getFormulas', 'appendRow'].reduce((sum, n) => sum + this.get(n), 0);
  }
  reset(): void {
    this.counts.clear();
  }
}

interface Cell {
  value: Value;
  formula: string;
  numberFormat: string;
  validation: FakeDataValidation | null;
  fontWeight: string;
  background: string;
}

const blankCell = (): Cell => ({ value: '', formula: '', numberFormat: '', validation: null, fontWeight: 'normal', background: '#ffffff' });

export class FakeDataValidation {
  constructor(
    readonly kind: 'list' | 'checkbox' | 'number',
    readonly values: readonly string[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaValues(): unknown[] {
    return this.kind === 'list' ? [this.values, true] : [];
  }
}

export class FakeDataValidationBuilder {
  private kind: FakeDataValidation['kind'] = 'list';
  private values: string[] = [];
  private allowInvalid = true;
  private helpText = '';
  requireValueInList(values: string[]): this {
    this.kind = 'list';
    this.values = [...values];
    return this;
  }
  requireCheckbox(): this {
    this.kind = 'checkbox';
    return this;
  }
  requireNumberGreaterThanOrEqualTo(): this {
    this.kind = 'number';
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): GRule {
    return new FakeDataValidation(this.kind, this.values, this.allowInvalid, this.helpText) as unknown as GRule;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly background: string,
    readonly ranges: readonly string[],
  ) {}
}

export class FakeConditionalFormatRuleBuilder {
  private formula = '';
  private background = '';
  private ranges: string[] = [];
  whenFormulaSatisfied(formula: string): this {
    this.formula = formula;
    return this;
  }
  setBackground(color: string): this {
    this.background = color;
    return this;
  }
  setRanges(ranges: GRange[]): this {
    this.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build(): GCondRule {
    return new FakeConditionalFormatRule(this.formula, this.background, this.ranges) as unknown as GCondRule;
  }
}

export class FakeProtection {
  warningOnly = false;
  description = '';
  constructor(readonly range: string) {}
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getRange(): { getA1Notation(): string } {
    return { getA1Notation: () => this.range };
  }
  getDescription(): string {
    return this.description;
  }
}

/** Dates from any realm (the add-on runs in its own node:vm context in tests and the preview). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export class FakeRange implements Pick<
  GRange,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getFormulas'
  | 'setNumberFormat'
  | 'getNumberFormats'
  | 'setDataValidation'
  | 'getDataValidations'
  | 'insertCheckboxes'
  | 'setFontWeight'
  | 'setBackground'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'protect'
> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly rows: number,
    private readonly columns: number,
  ) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) throw new Error(`Range out of bounds: ${row},${column} ${rows}×${columns}`);
  }
  private calls(name: string) {
    this.sheet.counter.count(name);
  }
  private cells(): Cell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => this.sheet.cell(this.row + r, this.column + c)),
    );
  }
  getValues(): Value[][] {
    this.calls('getValues');
    return this.sheet.valuesIn(this.row, this.column, this.rows, this.columns);
  }
  getValue(): Value {
    this.calls('getValue');
    return this.sheet.read(this.sheet.cell(this.row, this.column).value);
  }
  getFormulas(): string[][] {
    this.calls('getFormulas');
    return this.cells().map((row) => row.map((cell) => cell.formula));
  }
  setValues(values: unknown[][]): GRange {
    this.calls('setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${this.rows}×${this.columns}).`);
    }
    values.forEach((row, r) => row.forEach((value, c) => this.sheet.write(this.row + r, this.column + c, value)));
    return this as unknown as GRange;
  }
  setValue(value: unknown): GRange {
    this.calls('setValue');
    this.sheet.write(this.row, this.column, value);
    return this as unknown as GRange;
  }
  setNumberFormat(format: string): GRange {
    this.calls('setNumberFormat');
    this.cells().forEach((row) => row.forEach((cell) => (cell.numberFormat = format)));
    return this as unknown as GRange;
  }
  getNumberFormats(): string[][] {
    return this.cells().map((row) => row.map((cell) => cell.numberFormat));
  }
  setDataValidation(rule: GRule | null): GRange {
    this.calls('setDataValidation');
    this.cells().forEach((row) => row.forEach((cell) => (cell.validation = rule as unknown as FakeDataValidation | null)));
    return this as unknown as GRange;
  }
  getDataValidations(): GRule[][] {
    return this.cells().map((row) => row.map((cell) => cell.validation as unknown as GRule));
  }
  insertCheckboxes(): GRange {
    this.calls('insertCheckboxes');
    this.cells().forEach((row) =>
      row.forEach((cell) => {
        cell.validation = new FakeDataValidation('checkbox', [], false, '');
        if (cell.value === '') cell.value = false;
      }),
    );
    return this as unknown as GRange;
  }
  setFontWeight(weight: string | null): GRange {
    this.cells().forEach((row) => row.forEach((cell) => (cell.fontWeight = weight ?? 'normal')));
    return this as unknown as GRange;
  }
  setBackground(color: string | null): GRange {
    this.cells().forEach((row) => row.forEach((cell) => (cell.background = color ?? '#ffffff')));
    return this as unknown as GRange;
  }
  getA1Notation(): string {
    const start = `${columnLetter(this.column)}${this.row}`;
    const end = `${columnLetter(this.column + this.columns - 1)}${this.row + this.rows - 1}`;
    return this.rows === 1 && this.columns === 1 ? start : `${start}:${end}`;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const protection = new FakeProtection(this.getA1Notation());
    this.sheet.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}

export class FakeSheet implements Pick<
  GSheet,
  | 'getName'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'getProtections'
  | 'appendRow'
> {
  private readonly grid: Cell[][] = [];
  frozenRows = 0;
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly protections: FakeProtection[] = [];
  constructor(
    private name: string,
    readonly counter: CallCounter,
    private readonly realm: { Date: DateConstructor },
  ) {}

  /** The values of a block, padded with blanks where nothing was ever written. */
  valuesIn(row: number, column: number, rows: number, columns: number): Value[][] {
    const out: Value[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line = this.grid[row - 1 + r];
      const values: Value[] = new Array(columns);
      for (let c = 0; c < columns; c++) {
        const cell = line?.[column - 1 + c];
        values[c] = cell ? this.read(cell.value) : '';
      }
      out[r] = values;
    }
    return out;
  }

  /** A stored value as the caller's realm sees it: dates come back as that realm's Date, as in Apps Script. */
  read(value: Value): Value {
    return isDate(value) ? new this.realm.Date(value.getTime()) : value;
  }

  cell(row: number, column: number): Cell {
    while (this.grid.length < row) this.grid.push([]);
    const line = this.grid[row - 1];
    while (line.length < column) line.push(blankCell());
    return line[column - 1];
  }
  /** Stores a value as Sheets would read what was typed or written. */
  write(row: number, column: number, value: unknown): void {
    const cell = this.cell(row, column);
    if (typeof value === 'string' && value.startsWith("'")) {
      cell.value = value.slice(1);
      cell.formula = '';
    } else if (typeof value === 'string' && value.startsWith('=') && value.length > 1) {
      cell.formula = value;
      cell.value = `#FORMULA ${value}`;
    } else if (value === null || value === undefined) {
      cell.value = '';
      cell.formula = '';
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || isDate(value)) {
      cell.value = isDate(value) ? new Date(value.getTime()) : value;
      cell.formula = '';
    } else {
      throw new Error(`Cannot store ${Object.prototype.toString.call(value)} in a cell`);
    }
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.name = name;
  }
  getRange(row: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.counter.count('getRange');
    if (typeof row === 'string') throw new Error('The fake takes numeric ranges only');
    return new FakeRange(this, row, column ?? 1, numRows ?? 1, numColumns ?? 1) as unknown as GRange;
  }
  getDataRange(): GRange {
    this.counter.count('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())) as unknown as GRange;
  }
  getLastRow(): number {
    for (let r = this.grid.length; r > 0; r--) if (this.grid[r - 1].some((c) => c.value !== '' || c.formula !== '')) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this.grid)
      for (let c = line.length; c > last; c--) if (line[c - 1].value !== '' || line[c - 1].formula !== '') last = c;
    return last;
  }
  getMaxRows(): number {
    return Math.max(1000, this.grid.length);
  }
  getMaxColumns(): number {
    return Math.max(26, ...this.grid.map((l) => l.length));
  }
  setFrozenRows(rows: number): void {
    this.counter.count('setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setConditionalFormatRules(rules: GCondRule[]): void {
    this.counter.count('setConditionalFormatRules');
    this.conditionalRules = rules as unknown as FakeConditionalFormatRule[];
  }
  getConditionalFormatRules(): GCondRule[] {
    return this.conditionalRules as unknown as GCondRule[];
  }
  getProtections(): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
  appendRow(row: unknown[]): GSheet {
    this.counter.count('appendRow');
    const at = this.getLastRow() + 1;
    row.forEach((value, c) => this.write(at, c + 1, value));
    return this as unknown as GSheet;
  }
  /** Test helper (not part of the service): the values as displayed, trailing blanks trimmed. */
  dump(): Value[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.cell(r + 1, c + 1).value));
  }
  /** Test helper: rows as objects keyed by the header row's text. */
  records(): Array<Record<string, Value>> {
    const [header, ...rows] = this.dump();
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
  }
  /** Test helper: the formula in a cell, or "". */
  formulaAt(row: number, column: number): string {
    return this.cell(row, column).formula;
  }
}

export interface WorkbookSnapshot {
  sheets: Array<{
    name: string;
    frozenRows: number;
    rows: Array<Array<string | number | boolean | null | { f: string } | { d: string } | { t: string }>>;
  }>;
}

export class FakeSpreadsheet implements Pick<
  GSpreadsheet,
  'getSheetByName' | 'insertSheet' | 'getSheets' | 'getId' | 'getName' | 'getSpreadsheetTimeZone'
> {
  readonly sheets: FakeSheet[] = [];
  /** Whose Date the values come back as: set to the add-on's context when it runs in node:vm. */
  realm: { Date: DateConstructor } = { Date };
  constructor(
    readonly counter: CallCounter = new CallCounter(),
    private readonly name = 'Untitled spreadsheet',
  ) {}
  getSheetByName(name: string): GSheet | null {
    this.counter.count('getSheetByName');
    return (this.sheets.find((s) => s.getName() === name) ?? null) as unknown as GSheet | null;
  }
  insertSheet(name?: unknown): GSheet {
    this.counter.count('insertSheet');
    const sheetName = typeof name === 'string' ? name : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.getName() === sheetName)) throw new Error(`A sheet with the name "${sheetName}" already exists.`);
    const sheet = new FakeSheet(sheetName, this.counter, this.realm);
    this.sheets.push(sheet);
    return sheet as unknown as GSheet;
  }
  getSheets(): GSheet[] {
    return this.sheets as unknown as GSheet[];
  }
  getId(): string {
    return 'fake-spreadsheet';
  }
  getName(): string {
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    return 'Etc/UTC';
  }
  /** The workbook's contents as plain JSON (values, formulas, frozen rows), for the preview to keep between runs. */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((sheet) => ({
        name: sheet.getName(),
        frozenRows: sheet.frozenRows,
        rows: sheet.dump().map((row, r) =>
          row.map((value, c) => {
            const formula = sheet.formulaAt(r + 1, c + 1);
            if (formula) return { f: formula };
            if (isDate(value)) return { d: value.toISOString() };
            // Text that Sheets would read as a formula, or whose apostrophe it would strip, stays text.
            return typeof value === 'string' && /^[='+\-@]/.test(value) ? { t: value } : value;
          }),
        ),
      })),
    };
  }

  restore(snapshot: WorkbookSnapshot): void {
    this.sheets.length = 0;
    for (const saved of snapshot.sheets) {
      const sheet = new FakeSheet(saved.name, this.counter, this.realm);
      sheet.frozenRows = saved.frozenRows;
      saved.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === '' || cell === null) return;
          const value = typeof cell !== 'object' ? cell : 'f' in cell ? cell.f : 't' in cell ? `'${cell.t}` : new Date(cell.d);
          sheet.write(r + 1, c + 1, value);
        }),
      );
      this.sheets.push(sheet);
    }
  }

  /** Test helper: a sheet by name, typed as the fake. */
  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.getName() === name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  }
}

export class FakeSpreadsheetApp implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'getActiveSpreadsheet' | 'getUi' | 'newDataValidation' | 'newConditionalFormatRule' | 'flush'
> {
  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: GoogleAppsScript.Base.Ui,
  ) {}
  getActiveSpreadsheet(): GSpreadsheet {
    return this.spreadsheet as unknown as GSpreadsheet;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new FakeDataValidationBuilder() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  flush(): void {}
}

/** LockService.getDocumentLock(): one lock per document, shared by every "user" of the fake. */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly document: FakeLockService,
    private readonly owner: number,
  ) {}
  tryLock(): boolean {
    if (this.document.holder !== null && this.document.holder !== this.owner) return false;
    this.document.holder = this.owner;
    this.document.acquired++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    // One thread: a lock held by another owner can only be released after this call returns.
    if (!this.tryLock()) throw new Error(`Lock timeout: another process was holding the lock for more than ${timeoutInMillis} ms.`);
  }
  releaseLock(): void {
    if (this.document.holder === this.owner) this.document.holder = null;
  }
  hasLock(): boolean {
    return this.document.holder === this.owner;
  }
}

/** The document's lock, as LockService hands it out: each getDocumentLock() is another execution. */
export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  holder: number | null = null;
  acquired = 0;
  private executions = 0;
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return new FakeLock(this, ++this.executions) as unknown as GoogleAppsScript.Lock.Lock;
  }
}

export class FakeSession {
  constructor(
    private email = '',
    private readonly timeZone = 'Etc/UTC',
  ) {}
  setEmail(email: string): void {
    this.email = email;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return { getEmail: () => this.email } as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
}
