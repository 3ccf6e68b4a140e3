/**
 * The advanced services' fakes (Sheets API v4, Drive API v3, as Apps Script's advanced services
 * call them): each behaviour modelled, with the Google documentation it follows. Where Google
 * leaves a behaviour undocumented, the fake takes the stricter reading and the test says so.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeGoogleApis } from '../../fakes/advanced';
import { CallCounter, FakeSession } from '../../fakes/spreadsheet';

const SHEETS = 'https://developers.google.com/sheets/api/reference/rest/v4';
const DRIVE = 'https://developers.google.com/workspace/drive/api/reference/rest/v3';

let session: FakeSession;
let apis: FakeGoogleApis;
let counter: CallCounter;
beforeEach(() => {
  session = new FakeSession('owner@example.com');
  counter = new CallCounter();
  apis = new FakeGoogleApis(session, counter);
});

function newFile(rows = 5, columns = 3): string {
  return String(
    apis.sheets().Spreadsheets.create({
      properties: { title: 'View' },
      sheets: [{ properties: { sheetId: 0, title: 'Cases', gridProperties: { rowCount: rows, columnCount: columns } } }],
    }).spreadsheetId,
  );
}

const write = (id: string, values: Array<Array<Record<string, unknown>>>, extra: object[] = []) =>
  apis.sheets().Spreadsheets.batchUpdate(
    {
      requests: [
        ...extra,
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
            rows: values.map((v) => ({ values: v.map((u) => ({ userEnteredValue: u })) })),
            fields: 'userEnteredValue',
          },
        },
      ],
    },
    id,
  );

function failure(fn: () => unknown): { message: string; code: number } {
  try {
    fn();
  } catch (error) {
    const e = error as Error & { details?: { code: number } };
    return { message: e.message, code: e.details?.code ?? 0 };
  }
  throw new Error('expected the call to fail');
}

describe('drive.file: only the account that made a file through the add-on reaches it', () => {
  it('another account — even one the file is shared with — gets the not-found error from every call (https://developers.google.com/workspace/drive/api/guides/api-specific-auth: drive.file covers files created or opened by the app for that user)', () => {
    const id = newFile();
    apis.drive().Permissions.create({ type: 'user', role: 'reader', emailAddress: 'reader@example.com' }, id, {});
    session.setEmail('reader@example.com');
    expect(failure(() => apis.sheets().Spreadsheets.get(id, {}))).toEqual({
      code: 404,
      message: 'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
    });
    expect(failure(() => write(id, [[{ stringValue: 'x' }]])).code).toBe(404);
    expect(failure(() => apis.sheets().Spreadsheets.Values.get(id, 'Cases', {})).code).toBe(404);
    expect(failure(() => apis.drive().Files.get(id, {}))).toEqual({
      code: 404,
      message: `API call to drive.files.get failed with error: File not found: ${id}.`,
    });
    expect(failure(() => apis.drive().Permissions.list(id, {})).code).toBe(404);
  });

  it(`a file in the trash is still the owner's, and Files.get says so in "trashed" (${DRIVE}/files#File.FIELDS.trashed); a file deleted for good is not found`, () => {
    const id = newFile();
    apis.trash(id);
    expect(apis.drive().Files.get(id, { fields: 'id,trashed' }).trashed).toBe(true);
    apis.deleteForever(id);
    expect(failure(() => apis.drive().Files.get(id, {})).code).toBe(404);
  });
});

describe('spreadsheets.batchUpdate', () => {
  it(`is all or nothing: "if any request is not valid then the entire request will fail and nothing will be applied" (${SHEETS}/spreadsheets/batchUpdate)`, () => {
    const id = newFile();
    write(id, [[{ stringValue: 'kept' }]]);
    const bad = failure(() =>
      apis.sheets().Spreadsheets.batchUpdate(
        {
          requests: [
            { updateSpreadsheetProperties: { properties: { title: 'Renamed' }, fields: 'title' } },
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ userEnteredValue: { stringValue: 'lost' } }] }],
                fields: 'userEnteredValue',
              },
            },
            { updateSheetProperties: { properties: { sheetId: 7, title: 'x' }, fields: 'title' } },
          ],
        },
        id,
      ),
    );
    expect(bad).toEqual({
      code: 400,
      message:
        'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[2].updateSheetProperties: No grid with id: 7',
    });
    expect(apis.grid(id)).toEqual([['kept']]);
    expect(apis.list()[0].title).toBe('View');
  });

  it(`updateCells needs "fields" ("At least one field must be specified", ${SHEETS}/spreadsheets/request#UpdateCellsRequest)`, () => {
    const id = newFile();
    const missing = failure(() =>
      apis
        .sheets()
        .Spreadsheets.batchUpdate(
          { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }] } }] },
          id,
        ),
    );
    expect(missing.message).toMatch(/'fields' is required/);
  });

  it('never grows a grid: writing past its last row or column fails (the grid is sized by updateSheetProperties or appendDimension)', () => {
    const id = newFile(2, 2);
    expect(failure(() => write(id, [[{ stringValue: 'a' }], [{ stringValue: 'b' }], [{ stringValue: 'c' }]])).message).toMatch(
      /exceeds grid limits\. Max rows: 2, max columns: 2/,
    );
    write(
      id,
      [[{ stringValue: 'a' }], [{ stringValue: 'b' }], [{ stringValue: 'c' }]],
      [{ updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 3 } }, fields: 'gridProperties.rowCount' } }],
    );
    expect(apis.grid(id)).toEqual([['a'], ['b'], ['c']]);
  });

  it(`takes a stringValue as text whatever it looks like — "=SUM(1,2)", "0045012", "TRUE" (${SHEETS}/other#ExtendedValue: stringValue "represents a string value")`, () => {
    const id = newFile();
    write(id, [
      [{ stringValue: '=SUM(1,2)' }, { stringValue: '0045012' }, { stringValue: 'TRUE' }],
      [{ numberValue: 45012 }, { boolValue: true }],
    ]);
    expect(apis.sheets().Spreadsheets.Values.get(id, 'Cases', { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([
      ['=SUM(1,2)', '0045012', 'TRUE'],
      [45012, true],
    ]);
  });

  it('refuses a formulaValue outright: stricter than Sheets, because no client file may ever hold a formula', () => {
    const id = newFile();
    expect(() => write(id, [[{ formulaValue: '=IMPORTRANGE("a","b")' }]])).toThrow(/formulaValue reached a client file/);
    expect(apis.grid(id)).toEqual([]);
  });

  it('refuses a cell of more than 50,000 characters (https://support.google.com/drive/answer/37603: a cell holds at most 50,000 characters)', () => {
    const id = newFile();
    expect(failure(() => write(id, [[{ stringValue: 'x'.repeat(50_001) }]])).message).toMatch(
      /more than the maximum of 50000 characters in a single cell/,
    );
    write(id, [[{ stringValue: 'x'.repeat(50_000) }]]);
  });

  it('an empty cell with fields "userEnteredValue" clears it; a smaller grid drops what lay outside it', () => {
    const id = newFile(4, 2);
    write(id, [[{ stringValue: 'a' }, { stringValue: 'b' }], [{ stringValue: 'c' }], [{ stringValue: 'd' }]]);
    write(
      id,
      [[{}, { stringValue: 'B' }]],
      [{ updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 2 } }, fields: 'gridProperties.rowCount' } }],
    );
    expect(apis.grid(id)).toEqual([['', 'B'], ['c']]);
  });

  it(`reads a field mask as Google does: a parent names its fields, "*" names all (https://developers.google.com/sheets/api/guides/field-masks)`, () => {
    const id = newFile(4, 2);
    const resize = (fields: string) =>
      apis.sheets().Spreadsheets.batchUpdate(
        {
          requests: [{ updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 9, columnCount: 3 } }, fields } }],
        },
        id,
      );
    resize('gridProperties.frozenRowCount');
    expect(apis.sheets().Spreadsheets.get(id, {}).sheets![0].properties!.gridProperties).toMatchObject({ rowCount: 4, columnCount: 2 });
    resize('gridProperties(rowCount)');
    expect(apis.sheets().Spreadsheets.get(id, {}).sheets![0].properties!.gridProperties).toMatchObject({ rowCount: 9, columnCount: 2 });
    resize('gridProperties');
    expect(apis.sheets().Spreadsheets.get(id, {}).sheets![0].properties!.gridProperties).toMatchObject({ rowCount: 9, columnCount: 3 });
  });

  it('will not freeze every row of a sheet', () => {
    const id = newFile(3, 2);
    const frozen = failure(() =>
      apis.sheets().Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateSheetProperties: {
                properties: { sheetId: 0, gridProperties: { frozenRowCount: 3 } },
                fields: 'gridProperties.frozenRowCount',
              },
            },
          ],
        },
        id,
      ),
    );
    expect(frozen.message).toMatch(/can't freeze all visible rows/);
  });
});

describe('spreadsheets.values.get', () => {
  it(`leaves out trailing empty rows and cells ("empty trailing rows and columns will not be included", ${SHEETS}/spreadsheets.values#ValueRange), and renders numbers as text unless UNFORMATTED_VALUE is asked for`, () => {
    const id = newFile(6, 3);
    write(id, [[{ stringValue: 'a' }, {}, {}], [], [{ numberValue: 2.5 }, { stringValue: 'b' }]]);
    expect(apis.sheets().Spreadsheets.Values.get(id, "'Cases'", {}).values).toEqual([['a'], [], ['2.5', 'b']]);
    expect(apis.sheets().Spreadsheets.Values.get(id, "'Cases'", { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([
      ['a'],
      [],
      [2.5, 'b'],
    ]);
  });

  it('answers "Unable to parse range" for a sheet the file does not have, and omits "values" for an empty sheet', () => {
    const id = newFile();
    expect(failure(() => apis.sheets().Spreadsheets.Values.get(id, "'Gone'", {})).message).toMatch(/Unable to parse range: 'Gone'/);
    expect(apis.sheets().Spreadsheets.Values.get(id, 'Cases', {})).not.toHaveProperty('values');
  });
});

describe('drive permissions', () => {
  it(`a user permission sends Drive's notification email unless told not to ("defaults to true for users and groups", ${DRIVE}/permissions/create)`, () => {
    const id = newFile();
    apis
      .drive()
      .Permissions.create({ type: 'user', role: 'reader', emailAddress: 'Buyer@Brand.example' }, id, { emailMessage: 'Your cases' });
    apis
      .drive()
      .Permissions.create({ type: 'user', role: 'reader', emailAddress: 'quiet@brand.example' }, id, { sendNotificationEmail: false });
    expect(apis.files.get(id)!.notifications).toEqual([{ email: 'buyer@brand.example', message: 'Your cases' }]);
    expect(
      apis
        .drive()
        .Permissions.list(id, {})
        .permissions!.map((p) => `${p.role}:${p.emailAddress}`),
    ).toEqual(['owner:owner@example.com', 'reader:buyer@brand.example', 'reader:quiet@brand.example']);
  });

  it(`will not remove the owner, nor a permission that is not there (${DRIVE}/permissions/delete)`, () => {
    const id = newFile();
    expect(failure(() => apis.drive().Permissions.remove(id, 'owner')).message).toMatch(/owner of a file cannot be removed/);
    expect(failure(() => apis.drive().Permissions.remove(id, 'perm-999')).code).toBe(404);
  });

  it(`refuses role "owner" without a transfer of ownership (${DRIVE}/permissions/create#transferOwnership)`, () => {
    const id = newFile();
    expect(failure(() => apis.drive().Permissions.create({ type: 'user', role: 'owner', emailAddress: 'a@b.example' }, id, {})).code).toBe(
      403,
    );
  });
});

describe('drive files: appProperties', () => {
  it(`keeps an app's private properties on a file, a null deleting one, and finds files by them — only the ones this account may reach (${DRIVE}/files#File.FIELDS.app_properties, https://developers.google.com/workspace/drive/api/guides/search-files)`, () => {
    const id = newFile();
    apis.drive().Files.update({ appProperties: { reworkDeskTracker: 'T1', reworkDeskClient: 'acme', stale: 'x' } }, id);
    apis.drive().Files.update({ appProperties: { stale: null as unknown as string } }, id);
    expect(apis.drive().Files.get(id, {}).appProperties).toEqual({ reworkDeskTracker: 'T1', reworkDeskClient: 'acme' });
    const query = { q: "appProperties has { key='reworkDeskTracker' and value='T1' } and trashed = false" };
    expect(
      apis
        .drive()
        .Files.list(query)
        .files!.map((f) => f.id),
    ).toEqual([id]);
    apis.trash(id);
    expect(apis.drive().Files.list(query).files).toEqual([]);
    apis.restore(id);
    session.setEmail('someone.else@example.com');
    expect(apis.drive().Files.list(query).files).toEqual([]);
    expect(() => apis.drive().Files.list({ q: "name contains 'View'" })).toThrow(/query not modelled/);
  });
});

describe('call counting and failures', () => {
  it('counts each call under its API method, and fails the next call as Apps Script reports a GoogleJsonResponseException (quota: 429, https://developers.google.com/sheets/api/limits)', () => {
    const id = newFile();
    apis.failNext('sheets.spreadsheets.batchUpdate');
    const quota = failure(() => write(id, [[{ stringValue: 'x' }]]));
    expect(quota.code).toBe(429);
    expect(quota.message).toMatch(/^API call to sheets\.spreadsheets\.batchUpdate failed with error: Quota exceeded/);
    write(id, [[{ stringValue: 'x' }]]);
    expect(counter.get('sheets.spreadsheets.create')).toBe(1);
    expect(counter.get('sheets.spreadsheets.batchUpdate')).toBe(2);
    expect(apis.pendingFailures).toBe(0);
  });
});
