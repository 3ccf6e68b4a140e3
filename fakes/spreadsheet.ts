/**
 * An in-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, formulas, number
 * formats, data validation, protections, frozen rows and conditional format rules — the subset the
 * add-on uses, as strict as Google Sheets wherever the add-on touches it (test/fakes/ holds one
 * conformance test per behaviour, naming the Google documentation it follows):
 *
 * - a new sheet is 1,000 rows × 26 columns; a range past getMaxRows()/getMaxColumns() throws, and
 *   only insertRowsAfter/insertColumnsAfter/appendRow grow a sheet;
 * - strings are read as typed input (numbers, percents, currency, dates, booleans, formulas; a
 *   leading apostrophe keeps text and is not part of the value) unless the cell is plain text (@);
 * - writes become visible to other executions only after SpreadsheetApp.flush() or the end of the
 *   execution that made them;
 * - the document lock never lets a second execution in while the first holds it.
 *
 * Every class is held to @types/google-apps-script with `Pick<…>`, and every method the add-on
 * calls is counted, so tests and benchmarks can see how often the add-on goes to the service.
 */
import { typedInput } from './typedInput';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRule = GoogleAppsScript.Spreadsheet.DataValidation;
type GCondRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type Value = string | number | boolean | Date;

export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
export const PLAIN_TEXT = '@';
/** Sheets holds at most 50,000 characters in a cell. */
export const MAX_CELL_CHARS = 50_000;

export class CallCounter {
  readonly counts = new Map<string, number>();
  /** Cells whose contents went to or came from the service (getValues, setValues, …). */
  cellsRead = 0;
  cellsWritten = 0;
  /** Runs before every counted call: lets a test act in the middle of a handler, as a second user would. */
  onCall?: (name: string) => void;
  /** Runs after a counted call that hands control back (a lock's release). */
  afterCall?: (name: string) => void;
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.onCall?.(name);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** Every call to the service. */
  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  /** Reads and writes of cell contents: what costs a round trip to Sheets. */
  valueCalls(): number {
    return ['getValues', 'setValues', 'getValue', 'setValue', 'getFormulas', 'appendRow'].reduce((sum, n) => sum + this.get(n), 0);
  }
  reset(): void {
    this.counts.clear();
    this.cellsRead = 0;
    this.cellsWritten = 0;
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
const hasContent = (cell: Cell | undefined) => !!cell && (cell.value !== '' || cell.formula !== '');

export class FakeDataValidation {
  constructor(
    readonly kind: 'list' | 'checkbox' | 'number' | 'date',
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
  /** A date rule: Sheets shows its date picker in the cell. */
  requireDate(): this {
    this.kind = 'date';
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
  constructor(
    readonly range: string,
    private readonly counter: CallCounter,
  ) {}
  setWarningOnly(warningOnly: boolean): this {
    this.counter.count('setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
  setDescription(description: string): this {
    this.counter.count('setDescription');
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

/**
 * Executions: each call into the bundle is one, as each google.script.run call or custom function
 * is its own execution in Apps Script. Writes wait in the writer's overlay until it flushes or ends.
 */
export class Executions {
  private next = 1;
  /** 0 outside any execution: a test arranging or inspecting the workbook sees and writes committed cells. */
  current = 0;
  begin(): number {
    const previous = this.current;
    this.current = this.next++;
    return previous;
  }
}

/**
 * Range.createTextFinder: Sheets searches on its side and hands back only the matching cells, so a
 * search reads no cells over the wire. Partial and case-insensitive unless told otherwise, over
 * the cells' displayed text (strings and numbers here).
 */
export class FakeTextFinder implements Pick<
  GoogleAppsScript.Spreadsheet.TextFinder,
  'findAll' | 'matchCase' | 'matchEntireCell' | 'useRegularExpression'
> {
  private entire = false;
  private caseSensitive = false;
  private regex = false;
  constructor(
    private readonly sheet: FakeSheet,
    private readonly area: { row: number; column: number; rows: number; columns: number },
    private readonly text: string,
  ) {}
  matchCase(matchCase: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.sheet.counter.count('matchCase');
    this.caseSensitive = matchCase;
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  matchEntireCell(matchEntireCell: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.sheet.counter.count('matchEntireCell');
    this.entire = matchEntireCell;
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  useRegularExpression(useRegEx: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.sheet.counter.count('useRegularExpression');
    this.regex = useRegEx;
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  findAll(): GRange[] {
    this.sheet.counter.count('findAll');
    const fold = (v: string) => (this.caseSensitive ? v : v.toLowerCase());
    const wanted = fold(this.text);
    const pattern = this.regex ? new RegExp(this.entire ? `^(?:${this.text})$` : this.text, this.caseSensitive ? '' : 'i') : undefined;
    const found: GRange[] = [];
    const { row, column, rows, columns } = this.area;
    const values = this.sheet.valuesIn(row, column, rows, columns);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (typeof value !== 'string' && typeof value !== 'number') return;
        const shown = fold(String(value));
        if (pattern ? pattern.test(String(value)) : this.entire ? shown === wanted : shown.includes(wanted))
          found.push(new FakeRange(this.sheet, row + r, column + c, 1, 1) as unknown as GRange);
      }),
    );
    return found;
  }
}

export class FakeRange implements Pick<
  GRange,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getFormulas'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormats'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidations'
  | 'createTextFinder'
  | 'insertCheckboxes'
  | 'setFontWeight'
  | 'setBackground'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getSheet'
  | 'protect'
> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly rows: number,
    private readonly columns: number,
  ) {}
  private calls(name: string) {
    this.sheet.counter.count(name);
  }
  private each(change: (cell: Cell) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) change(this.sheet.writable(this.row + r, this.column + c));
  }
  private peek(): Cell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => this.sheet.peek(this.row + r, this.column + c) ?? blankCell()),
    );
  }
  private checkShape(values: unknown[][]): void {
    if (values.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`,
      );
    }
    const bad = values.find((row) => row.length !== this.columns);
    if (bad) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${bad.length} but the range has ${this.columns}.`,
      );
    }
  }
  getValues(): Value[][] {
    this.calls('getValues');
    this.sheet.counter.cellsRead += this.rows * this.columns;
    return this.sheet.valuesIn(this.row, this.column, this.rows, this.columns);
  }
  getValue(): Value {
    this.calls('getValue');
    this.sheet.counter.cellsRead += 1;
    return this.sheet.valuesIn(this.row, this.column, 1, 1)[0][0];
  }
  getFormulas(): string[][] {
    this.calls('getFormulas');
    this.sheet.counter.cellsRead += this.rows * this.columns;
    return this.peek().map((row) => row.map((cell) => cell.formula));
  }
  setValues(values: unknown[][]): GRange {
    this.calls('setValues');
    this.checkShape(values);
    this.sheet.counter.cellsWritten += this.rows * this.columns;
    values.forEach((row, r) => row.forEach((value, c) => this.sheet.write(this.row + r, this.column + c, value)));
    return this as unknown as GRange;
  }
  setValue(value: unknown): GRange {
    this.calls('setValue');
    this.sheet.counter.cellsWritten += this.rows * this.columns;
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) this.sheet.write(this.row + r, this.column + c, value);
    return this as unknown as GRange;
  }
  setNumberFormat(format: string): GRange {
    this.calls('setNumberFormat');
    this.applyNumberFormat(format);
    return this as unknown as GRange;
  }
  /** The format change itself, for a RangeList's one call over many ranges. */
  applyNumberFormat(format: string): void {
    this.each((cell) => (cell.numberFormat = format));
  }
  setNumberFormats(formats: string[][]): GRange {
    this.calls('setNumberFormats');
    this.checkShape(formats);
    formats.forEach((row, r) => row.forEach((format, c) => (this.sheet.writable(this.row + r, this.column + c).numberFormat = format)));
    return this as unknown as GRange;
  }
  getNumberFormats(): string[][] {
    this.calls('getNumberFormats');
    return this.peek().map((row) => row.map((cell) => cell.numberFormat));
  }
  setDataValidation(rule: GRule | null): GRange {
    this.calls('setDataValidation');
    this.each((cell) => (cell.validation = rule as unknown as FakeDataValidation | null));
    return this as unknown as GRange;
  }
  setDataValidations(rules: Array<Array<GRule | null>>): GRange {
    this.calls('setDataValidations');
    this.checkShape(rules);
    rules.forEach((row, r) =>
      row.forEach(
        (rule, c) => (this.sheet.writable(this.row + r, this.column + c).validation = rule as unknown as FakeDataValidation | null),
      ),
    );
    return this as unknown as GRange;
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.calls('createTextFinder');
    return new FakeTextFinder(
      this.sheet,
      { row: this.row, column: this.column, rows: this.rows, columns: this.columns },
      findText,
    ) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  getDataValidations(): GRule[][] {
    this.calls('getDataValidations');
    return this.peek().map((row) => row.map((cell) => cell.validation as unknown as GRule));
  }
  insertCheckboxes(): GRange {
    this.calls('insertCheckboxes');
    this.each((cell) => {
      cell.validation = new FakeDataValidation('checkbox', [], false, '');
      if (cell.value === '') cell.value = false;
    });
    return this as unknown as GRange;
  }
  setFontWeight(weight: string | null): GRange {
    this.calls('setFontWeight');
    this.each((cell) => (cell.fontWeight = weight ?? 'normal'));
    return this as unknown as GRange;
  }
  setBackground(color: string | null): GRange {
    this.calls('setBackground');
    this.each((cell) => (cell.background = color ?? '#ffffff'));
    return this as unknown as GRange;
  }
  getSheet(): GSheet {
    return this.sheet as unknown as GSheet;
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
    this.calls('protect');
    const protection = new FakeProtection(this.getA1Notation(), this.sheet.counter);
    this.sheet.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}

/** "C2:E1000" (or "C2") as row, column, rows, columns. */
function parseA1(a1: string): [number, number, number, number] {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!match) throw new Error(`Range not found: ${a1}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1] = [Number(match[2]), col(match[1])];
  const [r2, c2] = match[3] ? [Number(match[4]), col(match[3])] : [r1, c1];
  return [Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
}

/** Sheet.getRangeList: one call formats many ranges at once. */
export class FakeRangeList implements Pick<GoogleAppsScript.Spreadsheet.RangeList, 'setNumberFormat' | 'getRanges'> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: FakeRange[],
  ) {}
  setNumberFormat(format: string): GoogleAppsScript.Spreadsheet.RangeList {
    this.sheet.counter.count('RangeList.setNumberFormat');
    for (const range of this.ranges) range.applyNumberFormat(format);
    return this as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getRanges(): GRange[] {
    return this.ranges as unknown as GRange[];
  }
}

/**
 * Charts, as Sheets' EmbeddedChartBuilder makes them: a type (from as…Chart()), the ranges the
 * chart reads (each checked against the sheet, as getRange is), options, and the cell it sits on.
 * Built charts are recorded on the sheet only once insertChart is called.
 */
export type FakeChartType = 'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

export class FakeEmbeddedChart implements Pick<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  'getRanges' | 'getOptions' | 'getChartId' | 'getNumHeaders'
> {
  constructor(
    readonly id: number,
    readonly type: FakeChartType,
    readonly ranges: FakeRange[],
    readonly options: Record<string, unknown>,
    readonly position: { row: number; column: number },
    readonly numHeaders: number,
  ) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return {
      get: (key: string) => this.options[key] ?? null,
      getOrDefault: (key: string) => this.options[key] ?? null,
    } as GoogleAppsScript.Charts.ChartOptions;
  }
  getChartId(): number {
    return this.id;
  }
  getNumHeaders(): number {
    return this.numHeaders;
  }
}

export class FakeEmbeddedChartBuilder {
  private type: FakeChartType | undefined;
  private readonly ranges: FakeRange[] = [];
  private readonly options: Record<string, unknown> = {};
  private position: { row: number; column: number } | undefined;
  private headers = -1;
  constructor(private readonly sheet: FakeSheet) {}
  private as(type: FakeChartType): this {
    this.type = type;
    return this;
  }
  asAreaChart = () => this.as('AREA');
  asBarChart = () => this.as('BAR');
  asColumnChart = () => this.as('COLUMN');
  asComboChart = () => this.as('COMBO');
  asLineChart = () => this.as('LINE');
  asPieChart = () => this.as('PIE');
  asScatterChart = () => this.as('SCATTER');
  asTableChart = () => this.as('TABLE');
  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    const r = range as unknown as FakeRange;
    if (r.getSheet().getName() !== this.sheet.getName()) throw new Error('The range must be on the sheet the chart is built for.');
    // "If the range has already been added to the chart, it is not added."
    if (!this.ranges.some((x) => x.getA1Notation() === r.getA1Notation())) this.ranges.push(r);
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number): this {
    this.headers = headers;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    void offsetX;
    void offsetY;
    if (anchorRowPos < 1 || anchorColPos < 1 || anchorRowPos > this.sheet.getMaxRows() || anchorColPos > this.sheet.getMaxColumns()) {
      throw new Error(OUTSIDE_SHEET);
    }
    this.position = { row: anchorRowPos, column: anchorColPos };
    return this;
  }
  build(): FakeEmbeddedChart {
    // Sheets refuses a chart with no data, and one built without a type draws as the default; ours always names one.
    if (!this.ranges.length) throw new Error('Charts must have at least one data range.');
    return new FakeEmbeddedChart(
      this.sheet.nextChartId(),
      this.type ?? 'LINE',
      [...this.ranges],
      { ...this.options },
      this.position ?? { row: 1, column: 1 },
      this.headers,
    );
  }
}

export class FakeSheet implements Pick<
  GSheet,
  | 'getName'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'getProtections'
  | 'appendRow'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'removeChart'
> {
  /** What every execution sees. */
  private grid: Cell[][] = [];
  /** Writes not yet flushed, per execution: "row,column" → the cell as that execution wrote it. */
  private readonly pending = new Map<number, Map<string, { row: number; column: number; cell: Cell }>>();
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly protections: FakeProtection[] = [];
  readonly charts: FakeEmbeddedChart[] = [];
  private chartIds = 0;
  constructor(
    private name: string,
    readonly counter: CallCounter,
    private readonly book: FakeSpreadsheet,
  ) {}

  private overlay(): Map<string, { row: number; column: number; cell: Cell }> | undefined {
    return this.pending.get(this.book.executions.current);
  }

  /** The cell as the current execution sees it, or undefined where nothing was ever set. */
  peek(row: number, column: number): Cell | undefined {
    const mine = this.overlay()?.get(`${row},${column}`);
    return mine ? mine.cell : this.grid[row - 1]?.[column - 1];
  }

  /** The cell to change: in the current execution's overlay, or committed when outside any execution. */
  writable(row: number, column: number): Cell {
    const execution = this.book.executions.current;
    if (execution === 0) return this.committed(row, column);
    let overlay = this.pending.get(execution);
    if (!overlay) this.pending.set(execution, (overlay = new Map()));
    const key = `${row},${column}`;
    let entry = overlay.get(key);
    if (!entry) {
      const base = this.grid[row - 1]?.[column - 1];
      entry = { row, column, cell: base ? { ...base } : blankCell() };
      overlay.set(key, entry);
    }
    return entry.cell;
  }

  private committed(row: number, column: number): Cell {
    while (this.grid.length < row) this.grid.push([]);
    const line = this.grid[row - 1];
    while (line.length < column) line.push(blankCell());
    return line[column - 1];
  }

  /** Applies an execution's writes so every execution sees them (flush, or the end of the execution). */
  commit(execution: number): void {
    const overlay = this.pending.get(execution);
    if (!overlay) return;
    this.pending.delete(execution);
    for (const { row, column, cell } of overlay.values())
      if (row <= this.maxRows && column <= this.maxColumns) Object.assign(this.committed(row, column), cell);
  }

  /** The values of a block, padded with blanks where nothing was ever written. */
  valuesIn(row: number, column: number, rows: number, columns: number): Value[][] {
    const out: Value[][] = new Array(rows);
    const overlay = this.overlay();
    for (let r = 0; r < rows; r++) {
      const line = this.grid[row - 1 + r];
      const values: Value[] = new Array(columns);
      for (let c = 0; c < columns; c++) {
        const cell = overlay?.get(`${row + r},${column + c}`)?.cell ?? line?.[column - 1 + c];
        values[c] = cell ? this.read(cell.value) : '';
      }
      out[r] = values;
    }
    return out;
  }

  /** A stored value as the caller's realm sees it: dates come back as that realm's Date, as in Apps Script. */
  read(value: Value): Value {
    return isDate(value) ? new this.book.realm.Date(value.getTime()) : value;
  }

  /** Stores a value as Sheets reads what was typed or written. */
  write(row: number, column: number, value: unknown): void {
    const cell = this.writable(row, column);
    if (value === null || value === undefined || value === '') {
      cell.value = '';
      cell.formula = '';
    } else if (typeof value === 'string') {
      if (value.length > MAX_CELL_CHARS)
        throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      const typed = typedInput(value, cell.numberFormat === PLAIN_TEXT, this.book.getTimeZone(), this.book.clock());
      cell.formula = typed.kind === 'formula' ? typed.formula : '';
      cell.value = typed.kind === 'formula' ? `#FORMULA ${typed.formula}` : typed.value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot store ${value} in a cell`);
      cell.value = value;
      cell.formula = '';
    } else if (isDate(value)) {
      cell.value = new Date(value.getTime());
      cell.formula = '';
    } else {
      throw new Error(`Cannot store ${Object.prototype.toString.call(value)} in a cell`);
    }
  }
  getName(): string {
    return this.name;
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.counter.count('newChart');
    return new FakeEmbeddedChartBuilder(this) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.counter.count('insertChart');
    if (!(chart instanceof FakeEmbeddedChart)) throw new Error('insertChart takes a chart built by newChart().build().');
    this.charts.push(chart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.counter.count('getCharts');
    return [...this.charts] as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.counter.count('removeChart');
    const at = this.charts.indexOf(chart as unknown as FakeEmbeddedChart);
    if (at < 0) throw new Error('The chart is not on this sheet.');
    this.charts.splice(at, 1);
  }
  nextChartId(): number {
    return ++this.chartIds;
  }
  setName(name: string): void {
    this.name = name;
  }
  getRange(row: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.counter.count('getRange');
    if (typeof row === 'string') throw new Error('The fake takes numeric ranges only');
    const [r, c, rows, columns] = [row, column ?? 1, numRows ?? 1, numColumns ?? 1];
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (columns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (r < 1 || c < 1 || r + rows - 1 > this.maxRows || c + columns - 1 > this.maxColumns) throw new Error(OUTSIDE_SHEET);
    return new FakeRange(this, r, c, rows, columns) as unknown as GRange;
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.counter.count('getRangeList');
    const ranges = a1Notations.map((a1) => {
      const [r, c, rows, columns] = parseA1(a1);
      if (r < 1 || c < 1 || r + rows - 1 > this.maxRows || c + columns - 1 > this.maxColumns) throw new Error(OUTSIDE_SHEET);
      return new FakeRange(this, r, c, rows, columns);
    });
    return new FakeRangeList(this, ranges) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getDataRange(): GRange {
    this.counter.count('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn())) as unknown as GRange;
  }
  private lastRow(): number {
    let last = 0;
    for (let r = this.grid.length; r > 0; r--) {
      if (this.grid[r - 1].some(hasContent)) {
        last = r;
        break;
      }
    }
    for (const { row, cell } of this.overlay()?.values() ?? []) if (row > last && hasContent(cell)) last = row;
    return last;
  }
  private lastColumn(): number {
    let last = 0;
    for (const line of this.grid) for (let c = line.length; c > last; c--) if (hasContent(line[c - 1])) last = c;
    for (const { column, cell } of this.overlay()?.values() ?? []) if (column > last && hasContent(cell)) last = column;
    return last;
  }
  /** The last row with content in any column, formulas included (even one that shows ""). */
  getLastRow(): number {
    this.counter.count('getLastRow');
    return this.lastRow();
  }
  getLastColumn(): number {
    this.counter.count('getLastColumn');
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.counter.count('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.counter.count('getMaxColumns');
    return this.maxColumns;
  }
  /** New rows are blank: no values, formats or validation (the add-on formats what it writes). */
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.counter.count('insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error(OUTSIDE_SHEET);
    if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
    this.flushAll();
    if (this.grid.length > afterPosition) this.grid.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this as unknown as GSheet;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.counter.count('insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw new Error(OUTSIDE_SHEET);
    if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
    this.flushAll();
    for (const line of this.grid)
      if (line.length > afterPosition) line.splice(afterPosition, 0, ...Array.from({ length: howMany }, blankCell));
    this.maxColumns += howMany;
    return this as unknown as GSheet;
  }
  /** Inserting shifts cells: the fake applies pending writes first, as Sheets applies a structural change in order. */
  private flushAll(): void {
    for (const execution of [...this.pending.keys()]) this.commit(execution);
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
    this.counter.count('getConditionalFormatRules');
    return this.conditionalRules as unknown as GCondRule[];
  }
  getProtections(): GoogleAppsScript.Spreadsheet.Protection[] {
    this.counter.count('getProtections');
    return this.protections as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
  /** Adds a row after the last row with content, growing the sheet when that is its last row. */
  appendRow(row: unknown[]): GSheet {
    this.counter.count('appendRow');
    const at = this.lastRow() + 1;
    if (at > this.maxRows) this.maxRows = at;
    if (row.length > this.maxColumns) this.maxColumns = row.length;
    this.counter.cellsWritten += row.length;
    row.forEach((value, c) => this.write(at, c + 1, value));
    return this as unknown as GSheet;
  }
  /** Test helper (not part of the service): the values as the current execution sees them, trailing blanks trimmed. */
  dump(): Value[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    return rows === 0 ? [] : this.valuesIn(1, 1, rows, cols);
  }
  /** Test helper: rows as objects keyed by the header row's text. */
  records(): Array<Record<string, Value>> {
    const [header, ...rows] = this.dump();
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
  }
  /** Test helper: the cell (value, formula, format, validation), blank where nothing was set. */
  cell(row: number, column: number): Readonly<Cell> {
    return this.peek(row, column) ?? blankCell();
  }
  /** Test helper: the formula in a cell, or "". */
  formulaAt(row: number, column: number): string {
    return this.cell(row, column).formula;
  }
  /** Test and preview helper: sets a cell exactly, with no parsing (restoring a saved workbook). */
  setRaw(row: number, column: number, cell: Partial<Cell>): void {
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
    Object.assign(this.committed(row, column), cell);
  }
}

type SavedCell = string | number | boolean | null | { f: string } | { d: string } | { t: string };

export interface WorkbookSnapshot {
  timeZone?: string;
  sheets: Array<{
    name: string;
    frozenRows: number;
    maxRows?: number;
    maxColumns?: number;
    rows: SavedCell[][];
    /** Number formats of the cells with content, where set: "row,column" → format. */
    formats?: Record<string, string>;
    /** Embedded charts: type, the ranges they read (row, column, rows, columns), options and anchor. */
    charts?: Array<{
      type: FakeChartType;
      ranges: Array<[number, number, number, number]>;
      options: Record<string, unknown>;
      position: { row: number; column: number };
      numHeaders: number;
    }>;
  }>;
}

export class FakeSpreadsheet implements Pick<
  GSpreadsheet,
  'getSheetByName' | 'insertSheet' | 'getSheets' | 'getId' | 'getName' | 'getSpreadsheetTimeZone' | 'getActiveRange'
> {
  readonly sheets: FakeSheet[] = [];
  readonly executions = new Executions();
  /** Whose Date the values come back as: set to the add-on's context when it runs in node:vm. */
  realm: { Date: DateConstructor } = { Date };
  /** Today, for typed dates without a year ("10/24"). */
  clock: () => Date = () => new Date();
  constructor(
    readonly counter: CallCounter = new CallCounter(),
    private readonly name = 'Untitled spreadsheet',
    private timeZone = 'Etc/UTC',
  ) {}
  getTimeZone(): string {
    return this.timeZone;
  }
  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  getSheetByName(name: string): GSheet | null {
    this.counter.count('getSheetByName');
    return (this.sheets.find((s) => s.getName() === name) ?? null) as unknown as GSheet | null;
  }
  insertSheet(name?: unknown): GSheet {
    this.counter.count('insertSheet');
    const sheetName = typeof name === 'string' ? name : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.getName() === sheetName))
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(sheetName, this.counter, this);
    this.sheets.push(sheet);
    return sheet as unknown as GSheet;
  }
  getSheets(): GSheet[] {
    this.counter.count('getSheets');
    return this.sheets as unknown as GSheet[];
  }
  getId(): string {
    return 'fake-spreadsheet';
  }
  getName(): string {
    return this.name;
  }
  /** The user's selection: what a sidebar's call sees as the active range (none until a test selects). */
  private selection: FakeRange | null = null;
  getActiveRange(): GRange | null {
    this.counter.count('getActiveRange');
    return this.selection as unknown as GRange | null;
  }
  /** Test helper: the user selects a block of a sheet, as they would with the mouse. */
  select(sheetName: string, row: number, column: number, rows = 1, columns = 1): void {
    this.selection = this.sheet(sheetName).getRange(row, column, rows, columns) as unknown as FakeRange;
  }
  getSpreadsheetTimeZone(): string {
    this.counter.count('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  /** Starts an execution; the function returned ends it, applying its writes. */
  beginExecution(): () => void {
    const previous = this.executions.begin();
    const id = this.executions.current;
    return () => {
      this.flush(id);
      this.executions.current = previous;
    };
  }
  /** Applies an execution's writes (SpreadsheetApp.flush, or the end of the execution). */
  flush(execution = this.executions.current): void {
    for (const sheet of this.sheets) sheet.commit(execution);
  }
  /** The workbook's contents as plain JSON (values, formulas, formats, sizes), for the preview to keep between runs. */
  snapshot(): WorkbookSnapshot {
    return {
      timeZone: this.timeZone,
      sheets: this.sheets.map((sheet) => {
        const formats: Record<string, string> = {};
        const rows = sheet.dump().map((row, r) =>
          row.map((value, c): SavedCell => {
            const cell = sheet.cell(r + 1, c + 1);
            if (cell.numberFormat && (value !== '' || cell.formula)) formats[`${r + 1},${c + 1}`] = cell.numberFormat;
            if (cell.formula) return { f: cell.formula };
            if (isDate(value)) return { d: value.toISOString() };
            return typeof value === 'string' && value !== '' ? { t: value } : value;
          }),
        );
        const charts = sheet.charts.map((c) => ({
          type: c.type,
          ranges: c.ranges.map((r) => [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()] as [number, number, number, number]),
          options: c.options,
          position: c.position,
          numHeaders: c.numHeaders,
        }));
        return {
          name: sheet.getName(),
          frozenRows: sheet.frozenRows,
          maxRows: sheet.maxRows,
          maxColumns: sheet.maxColumns,
          rows,
          formats,
          ...(charts.length ? { charts } : {}),
        };
      }),
    };
  }

  restore(snapshot: WorkbookSnapshot): void {
    this.sheets.length = 0;
    if (snapshot.timeZone) this.timeZone = snapshot.timeZone;
    for (const saved of snapshot.sheets) {
      const sheet = new FakeSheet(saved.name, this.counter, this);
      sheet.frozenRows = saved.frozenRows;
      sheet.maxRows = saved.maxRows ?? NEW_SHEET_ROWS;
      sheet.maxColumns = saved.maxColumns ?? NEW_SHEET_COLUMNS;
      saved.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const numberFormat = saved.formats?.[`${r + 1},${c + 1}`] ?? '';
          if (cell === '' || cell === null) return;
          if (typeof cell !== 'object') sheet.setRaw(r + 1, c + 1, { value: cell, numberFormat });
          else if ('f' in cell) sheet.setRaw(r + 1, c + 1, { value: `#FORMULA ${cell.f}`, formula: cell.f, numberFormat });
          else if ('t' in cell) sheet.setRaw(r + 1, c + 1, { value: cell.t, numberFormat });
          else sheet.setRaw(r + 1, c + 1, { value: new Date(cell.d), numberFormat });
        }),
      );
      for (const c of saved.charts ?? []) {
        const ranges = c.ranges.map(([row, column, rows, columns]) => new FakeRange(sheet, row, column, rows, columns));
        sheet.charts.push(new FakeEmbeddedChart(sheet.nextChartId(), c.type, ranges, c.options, c.position, c.numHeaders));
      }
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
    this.spreadsheet.counter.count('getActiveSpreadsheet');
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
  /** Applies all pending changes: other executions see this execution's writes from now on. */
  flush(): void {
    this.spreadsheet.counter.count('flush');
    this.spreadsheet.flush();
  }
}

/**
 * LockService.getDocumentLock(): one lock per document, owned by an execution. A second execution
 * cannot get it while the first holds it: in one thread the holder cannot release while the other
 * waits, so tryLock(timeout) answers false and waitLock throws, as they do when the wait times out.
 */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly document: FakeLockService,
    private readonly owner: number,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    this.document.counter.count('tryLock');
    if (this.document.holder !== null && this.document.holder !== this.owner) {
      this.document.timedOut.push(timeoutInMillis);
      return false;
    }
    this.document.holder = this.owner;
    this.document.acquired++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.document.counter.count('releaseLock');
    if (this.document.holder === this.owner) this.document.holder = null;
    this.document.counter.afterCall?.('releaseLock');
  }
  hasLock(): boolean {
    return this.document.holder === this.owner;
  }
}

/** The document's lock, as LockService hands it out to the current execution. */
export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  holder: number | null = null;
  acquired = 0;
  /** The timeouts of the tryLock calls that found the lock held by another execution. */
  readonly timedOut: number[] = [];
  constructor(
    readonly counter: CallCounter = new CallCounter(),
    private readonly executions: Executions = new Executions(),
  ) {}
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    this.counter.count('getDocumentLock');
    return new FakeLock(this, this.executions.current) as unknown as GoogleAppsScript.Lock.Lock;
  }
  /** A lock still held when its execution ends is released, as Apps Script does. */
  endExecution(execution: number): void {
    if (this.holder === execution) this.holder = null;
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
