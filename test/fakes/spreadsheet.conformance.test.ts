/**
 * The fake's conformance suite: each behaviour the fake models, with the Google documentation (or
 * the well-known behaviour) it follows. Where Google leaves a behaviour undocumented, the fake takes
 * the stricter reading and the test says so.
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, FakeLockService, FakeSpreadsheet, FakeSpreadsheetApp, OUTSIDE_SHEET, PLAIN_TEXT } from '../../fakes/spreadsheet';
import { FakeUi } from '../../fakes/ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const REF = 'https://developers.google.com/apps-script/reference';

function newSheet(timeZone = 'Etc/UTC') {
  const book = new FakeSpreadsheet(new CallCounter(), 'Conformance', timeZone);
  book.clock = () => new Date('2026-11-26T12:00:00Z');
  const sheet = book.insertSheet('Data') as unknown as Sheet;
  const fake = book.sheet('Data');
  return { book, sheet, fake };
}

function typed(value: string, format = '', timeZone = 'Etc/UTC') {
  const { sheet, fake } = newSheet(timeZone);
  const cell = sheet.getRange(1, 1);
  if (format) cell.setNumberFormat(format);
  cell.setValue(value);
  return { value: cell.getValue(), formula: fake.formulaAt(1, 1) };
}

describe('sheet dimensions', () => {
  it(`a new sheet is 1,000 rows × 26 columns (the Sheets default, as insertSheet makes it: ${REF}/spreadsheet/spreadsheet#insertSheet(String))`, () => {
    const { sheet } = newSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  it(`a range past the sheet's last row or column throws, for reads as for writes (${REF}/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer))`, () => {
    const { sheet } = newSheet();
    expect(() => sheet.getRange(1, 1, 1, 28)).toThrow(OUTSIDE_SHEET);
    expect(() => sheet.getRange(1001, 1)).toThrow(OUTSIDE_SHEET);
    expect(() => sheet.getRange(1000, 26).getValues()).not.toThrow();
    expect(() => sheet.getRange(2, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it(`setValues with data of another shape throws, naming both sizes (${REF}/spreadsheet/range#setValues(Object))`, () => {
    const { sheet } = newSheet();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  it(`insertRowsAfter and insertColumnsAfter grow the sheet and shift what is below or right (${REF}/spreadsheet/sheet#insertRowsAfter(Integer,Integer))`, () => {
    const { sheet } = newSheet();
    sheet.getRange(3, 1).setValue('below');
    sheet.insertRowsAfter(1, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(8, 1).getValue()).toBe('below');
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(() => sheet.getRange(1, 1, 1, 30).getValues()).not.toThrow();
  });

  it('rows inserted by a script are blank: no number format or validation is carried over (undocumented; the stricter reading)', () => {
    const { sheet, fake } = newSheet();
    sheet.getRange(1000, 1).setNumberFormat(PLAIN_TEXT);
    sheet.insertRowsAfter(1000, 10);
    expect(fake.cell(1001, 1).numberFormat).toBe('');
  });

  it(`appendRow adds after the last row with content, growing a full sheet (${REF}/spreadsheet/sheet#appendRow(Object); the Sheets API's AppendCellsRequest "inserting new rows into the sheet if necessary")`, () => {
    const { sheet } = newSheet();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['next']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('next');
  });
});

describe('typed input: setValue and setValues read a string as a user typing it (Sheets API ValueInputOption USER_ENTERED: "parsed as if the user typed them into the UI")', () => {
  it.each([
    ['0045012', 45012],
    ['1,500', 1500],
    ['-12.5', -12.5],
    ['$1,234.50', 1234.5],
    ['15%', 0.15],
    ['1e3', 1000],
  ])('"%s" becomes the number %s', (input, expected) => {
    expect(typed(input).value).toBe(expected);
  });

  it.each(['0x5DC', 'NaN', 'Infinity', '1,50', '12 units', 'U-007'])('"%s" stays text', (input) => {
    expect(typed(input).value).toBe(input);
  });

  it('TRUE and false become booleans', () => {
    expect(typed('TRUE').value).toBe(true);
    expect(typed('false').value).toBe(false);
  });

  it('dates and times become dates in the spreadsheet’s time zone; "10/24" is this year’s 24 October; impossible dates stay text', () => {
    expect((typed('10/24').value as Date).toISOString()).toBe('2026-10-24T00:00:00.000Z');
    expect((typed('2026-03-14 09:30').value as Date).toISOString()).toBe('2026-03-14T09:30:00.000Z');
    expect((typed('2026-03-14 09:30', '', 'Asia/Shanghai').value as Date).toISOString()).toBe('2026-03-14T01:30:00.000Z');
    expect(typed('2099-02-30').value).toBe('2099-02-30');
    expect(typed('13/40').value).toBe('13/40');
  });

  it('a string starting with + or - that is not a number is read as a formula (undocumented; the stricter reading)', () => {
    expect(typed('+1+1').formula).toBe('=+1+1');
    expect(typed('-A1').formula).toBe('=-A1');
    expect(typed('-12').value).toBe(-12);
  });

  it(`"=" starts a formula (${REF}/spreadsheet/range#setValue(Object): "If it begins with '=' it is interpreted as a formula")`, () => {
    expect(typed('=1+1').formula).toBe('=1+1');
  });

  it('a leading apostrophe keeps text and is not part of the value (the well-known Sheets escape)', () => {
    expect(typed("'0045012").value).toBe('0045012');
    expect(typed("'Tis").value).toBe('Tis');
    expect(typed("'=1+1")).toEqual({ value: '=1+1', formula: '' });
  });

  it('the plain-text number format "@" keeps numbers, dates and booleans as typed; "=" and the apostrophe still act (undocumented; the stricter reading)', () => {
    expect(typed('0045012', PLAIN_TEXT).value).toBe('0045012');
    expect(typed('10/24', PLAIN_TEXT).value).toBe('10/24');
    expect(typed('TRUE', PLAIN_TEXT).value).toBe('TRUE');
    expect(typed('15%', PLAIN_TEXT).value).toBe('15%');
    expect(typed('=1+1', PLAIN_TEXT).formula).toBe('=1+1');
    expect(typed("'Tis", PLAIN_TEXT).value).toBe('Tis');
  });

  it('a cell holds at most 50,000 characters (Google Sheets help: "the maximum of 50000 characters in a single cell")', () => {
    const { sheet } = newSheet();
    expect(() => sheet.getRange(1, 1).setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.getRange(1, 1).setValue('x'.repeat(50_000))).not.toThrow();
  });

  it('numbers, booleans and dates written as such are kept as they are', () => {
    const { sheet } = newSheet();
    const at = new Date('2026-03-14T09:30:00Z');
    sheet.getRange(1, 1, 1, 3).setValues([[7, true, at]]);
    const [[n, b, d]] = sheet.getRange(1, 1, 1, 3).getValues();
    expect([n, b, (d as Date).getTime()]).toEqual([7, true, at.getTime()]);
  });
});

describe('reading', () => {
  it(`getValues gives numbers, booleans, Dates and "" for empty cells (${REF}/spreadsheet/range#getValues())`, () => {
    const { sheet } = newSheet();
    sheet.getRange(1, 1, 1, 2).setValues([[1, 'x']]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([[1, 'x', '']]);
  });

  it(`getLastRow and getLastColumn count content in any column, a formula included (${REF}/spreadsheet/sheet#getLastRow(): "the last row that has content")`, () => {
    const { sheet } = newSheet();
    sheet.getRange(3, 2).setValue('a');
    sheet.getRange(900, 7).setValue('=IF(FALSE,1,"")');
    expect(sheet.getLastRow()).toBe(900);
    expect(sheet.getLastColumn()).toBe(7);
  });
});

describe('executions, flush and the document lock', () => {
  it(`writes reach other executions only after SpreadsheetApp.flush() or the end of the execution (${REF}/spreadsheet/spreadsheet-app#flush(): "Applies all pending Spreadsheet changes")`, () => {
    const { book, sheet } = newSheet();
    const app = new FakeSpreadsheetApp(book, new FakeUi() as unknown as GoogleAppsScript.Base.Ui);
    const endFirst = book.beginExecution();
    sheet.getRange(1, 1).setValue('first');
    expect(sheet.getRange(1, 1).getValue()).toBe('first');
    const endSecond = book.beginExecution();
    expect(sheet.getRange(1, 1).getValue()).toBe('');
    endSecond();
    app.flush();
    const endThird = book.beginExecution();
    expect(sheet.getRange(1, 1).getValue()).toBe('first');
    endThird();
    endFirst();
  });

  it(`the document lock keeps a second execution out while the first holds it: tryLock answers false after its wait, waitLock throws (${REF}/lock/lock#tryLock(Integer))`, () => {
    const book = new FakeSpreadsheet();
    const service = new FakeLockService(book.counter, book.executions);
    const endFirst = book.beginExecution();
    const first = service.getDocumentLock();
    expect(first.tryLock(10_000)).toBe(true);
    const endSecond = book.beginExecution();
    const second = service.getDocumentLock();
    expect(second.tryLock(10_000)).toBe(false);
    expect(service.timedOut).toEqual([10_000]);
    expect(() => second.waitLock(5_000)).toThrow(/Lock timeout/);
    endSecond();
    first.releaseLock();
    endFirst();
    const endThird = book.beginExecution();
    expect(service.getDocumentLock().tryLock(10_000)).toBe(true);
    endThird();
  });

  it(`a lock still held when its execution ends is released (${REF}/lock/lock#releaseLock(): locks are released when the script ends)`, () => {
    const book = new FakeSpreadsheet();
    const service = new FakeLockService(book.counter, book.executions);
    const end = book.beginExecution();
    service.getDocumentLock().tryLock(1000);
    const execution = book.executions.current;
    end();
    service.endExecution(execution);
    expect(service.holder).toBeNull();
  });
});

describe('the selection', () => {
  it(`getActiveRange is the user's selection, or null when there is none (${REF}/spreadsheet/spreadsheet#getActiveRange())`, () => {
    const { book } = newSheet();
    expect(book.getActiveRange()).toBeNull();
    book.select('Data', 2, 1, 3, 6);
    const range = book.getActiveRange()!;
    expect([range.getSheet().getName(), range.getA1Notation()]).toEqual(['Data', 'A2:F4']);
  });
});

describe('counting', () => {
  it('counts every service call, formatting and protection included, and the cells read and written', () => {
    const { book, sheet } = newSheet();
    book.counter.reset();
    const range = sheet.getRange(1, 1, 2, 3);
    range.setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    range.getValues();
    range.setNumberFormat(PLAIN_TEXT);
    range.setFontWeight('bold');
    range.protect().setWarningOnly(true);
    expect(Object.fromEntries(book.counter.counts)).toMatchObject({
      getRange: 1,
      setValues: 1,
      getValues: 1,
      setNumberFormat: 1,
      setFontWeight: 1,
      protect: 1,
      setWarningOnly: 1,
    });
    expect([book.counter.cellsRead, book.counter.cellsWritten]).toEqual([6, 6]);
  });
});

describe('embedded charts (the chart builder needs no scope beyond the spreadsheet)', () => {
  it(`build() does not draw a chart: insertChart puts it on the sheet, removeChart takes it off (${REF}/spreadsheet/embedded-chart-builder#build())`, () => {
    const { book, sheet, fake } = newSheet();
    sheet.getRange(1, 1, 3, 2).setValues([
      ['x', 'y'],
      [1, 2],
      [3, 4],
    ]);
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange(1, 1, 3, 2))
      .setOption('title', 'T')
      .setPosition(5, 5, 0, 0)
      .build();
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(chart);
    expect(fake.charts.map((c) => [c.type, c.ranges.map((r) => r.getA1Notation()), c.options.title, c.position])).toEqual([
      ['LINE', ['A1:B3'], 'T', { row: 5, column: 5 }],
    ]);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('T');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(book.counter.get('insertChart')).toBe(1);
  });

  it(`addRange keeps a range once: "If the range has already been added to the chart, it is not added" (${REF}/spreadsheet/embedded-chart-builder#addRange(Range))`, () => {
    const { sheet, fake } = newSheet();
    sheet.insertChart(
      sheet
        .newChart()
        .asBarChart()
        .addRange(sheet.getRange(1, 1, 3, 2))
        .addRange(sheet.getRange(1, 1, 3, 2))
        .build(),
    );
    expect(fake.charts[0].ranges).toHaveLength(1);
  });

  it('refuses a chart with no data range, a range from another sheet, and an anchor off the sheet (the stricter reading: Sheets draws nothing useful of any of them)', () => {
    const { book, sheet } = newSheet();
    const other = book.insertSheet('Other') as unknown as Sheet;
    expect(() => sheet.newChart().asLineChart().build()).toThrow(/at least one data range/);
    expect(() => sheet.newChart().addRange(other.getRange(1, 1, 2, 2))).toThrow(/on the sheet the chart is built for/);
    expect(() => sheet.newChart().setPosition(1001, 1, 0, 0)).toThrow(OUTSIDE_SHEET);
  });
});

describe('the fake’s own snapshot (what the preview keeps between runs, and what a refused step is compared by)', () => {
  it('keeps a sheet’s charts, with their ranges, options and anchor', () => {
    const { book, sheet } = newSheet();
    sheet.insertChart(
      sheet
        .newChart()
        .asComboChart()
        .addRange(sheet.getRange(1, 1, 3, 2))
        .setOption('title', 'P')
        .setPosition(2, 3, 0, 0)
        .build(),
    );
    const copy = new FakeSpreadsheet(new CallCounter(), 'Copy');
    copy.restore(JSON.parse(JSON.stringify(book.snapshot())));
    const [chart] = copy.sheet('Data').charts;
    expect([chart.type, chart.ranges.map((r) => r.getA1Notation()), chart.options.title, chart.position]).toEqual([
      'COMBO',
      ['A1:B3'],
      'P',
      { row: 2, column: 3 },
    ]);
  });
});
