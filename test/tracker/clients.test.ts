import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseView, ClientInfo, ClientViewState, SyncResult } from '../../src/shared/contract';
import { CLIENT_VIEW_COLUMNS, TITLE_ROWS } from '../../src/tracker/clientView';
import { Desk } from '../support/desk';

const AGENT = 'agent@example.com';
const OTHER_AGENT = 'second.agent@example.com';

function newCase(desk: Desk, extra: Record<string, unknown> = {}): string {
  return desk.ok<{ id: string }>('rdCreateCase', {
    factory: 'Dongguan Bright Stitch Co.',
    style: 'Canvas tote',
    po: 'PO-77',
    orderValue: 12000,
    currency: 'USD',
    lotSize: 1200,
    ...extra,
  }).id;
}

/** The OQC save, as the agent records it: Li Wei's counts for a case. */
function oqc<T = CaseView>(desk: Desk, caseId: string, majorFound: number, minorFound = 0): T {
  return desk.ok<T>('rdRecordInspection', { caseId, inspector: 'Li Wei', criticalFound: 0, majorFound, minorFound });
}

function fileOf(desk: Desk, key: string): string {
  const client = desk.ok<ClientInfo[]>('rdListClients').find((c) => c.clientKey === key)!;
  return /\/d\/([^/]+)/.exec(client.fileUrl)![1];
}

/** The view's case rows, keyed by case ID, as a reader of the client's file sees them. */
function caseRows(desk: Desk, key: string): Map<string, Record<string, unknown>> {
  const grid = desk.bundle.google.grid(fileOf(desk, key));
  const header = grid[TITLE_ROWS] as string[];
  return new Map(
    grid.slice(TITLE_ROWS + 1).map((row) => [String(row[0]), Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']))] as const),
  );
}

describe('clients and their live views', () => {
  let desk: Desk;
  beforeEach(() => {
    desk = new Desk();
    desk.ok('rdSetupTracker');
  });

  function addClient(name: string, readers: string[], extra: Record<string, unknown> = {}): string {
    return desk.ok<{ key: string }>('rdSaveClient', { name, readers, ...extra }).key;
  }

  it('keeps a client under a stable key and refuses a look-alike name', () => {
    const key = addClient('Northwind Outfitters', ['qa@northwind.example']);
    expect(key).toBe('northwind-outfitters');
    expect(desk.refused('rdSaveClient', { name: 'NORTHWIND  outfitters.', readers: [] })).toMatch(
      /already exists \(key northwind-outfitters\)/,
    );
    expect(desk.refused('rdSaveClient', { name: 'Contoso', readers: ['not-an-address'] })).toMatch(
      /"not-an-address" is not an email address/,
    );
    // Renaming keeps the key: cases stay the client's.
    expect(desk.ok<{ key: string }>('rdSaveClient', { key, name: 'Northwind Outfitters Ltd', readers: ['qa@northwind.example'] }).key).toBe(
      key,
    );
  });

  it('makes one file per client, shares it read-only with the listed readers, and shows only that client’s cases', () => {
    const north = addClient('Northwind', ['QA@Northwind.example', 'buyer@northwind.example']);
    const contoso = addClient('Contoso', ['qc@contoso.example']);
    const a = newCase(desk, { client: north, internalNotes: 'Factory owner is a cousin of the QC lead' });
    const b = newCase(desk, { client: contoso, style: 'Contoso parka' });
    const state = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north });
    expect(state).toMatchObject({ shared: true, upToDate: true, fileOwner: AGENT, canRecreate: false });
    desk.ok('rdShareWithClient', { clientKey: contoso });

    const files = desk.bundle.google.list();
    expect(files).toHaveLength(2);
    const northFile = desk.bundle.google.files.get(fileOf(desk, north))!;
    expect(desk.bundle.google.readersOf(northFile.id)).toEqual(['buyer@northwind.example', 'qa@northwind.example']);
    expect(northFile.permissions.filter((p) => p.role !== 'owner').every((p) => p.role === 'reader')).toBe(true);
    expect(northFile.notifications.map((n) => n.email).sort()).toEqual(['buyer@northwind.example', 'qa@northwind.example']);

    const rows = caseRows(desk, north);
    expect([...rows.keys()]).toEqual([a]);
    expect(rows.get(a)).toMatchObject({ Case: a, Style: 'Canvas tote', Supplier: 'Supplier A', Status: 'Open — awaiting OQC' });
    const everything = JSON.stringify(desk.bundle.google.grid(northFile.id));
    expect(everything).not.toContain('cousin');
    expect(everything).not.toContain('Dongguan');
    expect(everything).not.toContain(b);
    expect(everything).not.toContain('Contoso');
    expect(desk.bundle.google.grid(northFile.id)[1][0]).toMatch(/edits made here are overwritten/);
    expect(desk.ok<ClientInfo[]>('rdListClients').map((c) => [c.clientKey, c.cases])).toEqual([
      [north, 1],
      [contoso, 1],
    ]);
    // The agent sees the client and the notes.
    expect(desk.view(a)).toMatchObject({
      client: north,
      clientName: 'Northwind',
      internalNotes: 'Factory owner is a cousin of the QC lead',
    });
  });

  it('rewrites the client’s view in the same save, in one batchUpdate however many cases the client has', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const ids = [newCase(desk, { client: north }), newCase(desk, { client: north })];
    desk.ok('rdShareWithClient', { clientKey: north });
    const counter = desk.bundle.spreadsheet.counter;
    const cost = () => {
      counter.reset();
      const saved = oqc<{ view: CaseView; clientViews: ClientViewState[] }>(desk, ids[ids.length - 1], 12, 3);
      expect(saved.clientViews).toEqual([expect.objectContaining({ clientKey: north, upToDate: true })]);
      expect(saved.view.clientView).toMatchObject({ upToDate: true });
      return Object.fromEntries([...counter.counts].filter(([name]) => /^(sheets|drive)\./.test(name)));
    };
    const few = cost();
    for (let i = 0; i < 6; i++) ids.push(newCase(desk, { client: north }));
    const many = cost();
    expect(few['sheets.spreadsheets.batchUpdate']).toBe(1);
    expect(many).toEqual(few);
    const row = caseRows(desk, north).get(ids[ids.length - 1])!;
    expect(row).toMatchObject({ 'OQC result': 'REJECT', 'OQC major found (accept up to)': '12 (5)', Status: 'On hold' });
    expect(caseRows(desk, north).size).toBe(8);
  });

  it('puts a case opened for a shared client in its view in the same save', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const first = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const made = desk.ok<{ id: string; clientViews: ClientViewState[] }>('rdCreateCase', {
      factory: 'Dongguan Bright Stitch Co.',
      style: 'Second tote',
      orderValue: 9000,
      lotSize: 800,
      client: north,
    });
    expect(made.clientViews).toEqual([expect.objectContaining({ clientKey: north, upToDate: true })]);
    expect([...caseRows(desk, north).keys()]).toEqual([first, made.id]);
  });

  it('moves a case between clients only with a reason, and the old client’s file drops it', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const contoso = addClient('Contoso', ['qc@contoso.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    desk.ok('rdShareWithClient', { clientKey: contoso });
    expect(desk.refused('rdSetCaseClient', { caseId: id, clientKey: contoso })).toMatch(/Reason is required/);
    expect(desk.refused('rdSetCaseClient', { caseId: id, clientKey: 'nobody', reason: 'typo' })).toMatch(/There is no client "nobody"/);
    const moved = desk.ok<{ clientViews: ClientViewState[] }>('rdSetCaseClient', {
      caseId: id,
      clientKey: contoso,
      reason: 'PO belongs to Contoso',
    });
    expect(moved.clientViews.map((v) => v.clientKey).sort()).toEqual([contoso, north]);
    expect(caseRows(desk, north).size).toBe(0);
    expect([...caseRows(desk, contoso).keys()]).toEqual([id]);
    const log = desk.sheet('RD Log').records().at(-1)!;
    expect(log).toMatchObject({ Action: 'Client changed: PO belongs to Contoso', Before: north, After: contoso });
  });

  it('keeps the save when the client file cannot be written, says the view is out of date, and a retry converges', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const file = fileOf(desk, north);
    const before = JSON.stringify(desk.bundle.google.grid(file));
    desk.bundle.google.failNext('sheets.spreadsheets.batchUpdate');
    const saved = oqc<{ view: CaseView }>(desk, id, 12, 3);
    expect(saved.view.status).toBe('on-hold');
    expect(saved.view.clientView).toMatchObject({ upToDate: false, problem: expect.stringMatching(/limit on writes per minute/) });
    expect(JSON.stringify(desk.bundle.google.grid(file))).toBe(before);
    expect(desk.view(id).clientView).toMatchObject({ upToDate: false });
    const retried = desk.ok<SyncResult>('rdSyncClientViews', { clientKey: north });
    expect(retried.views).toEqual([expect.objectContaining({ upToDate: true })]);
    expect(caseRows(desk, north).get(id)).toMatchObject({ Status: 'On hold', 'OQC result': 'REJECT' });
  });

  it('keeps a new file on record even when sharing it then fails, so the retry uses it rather than making a second', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    newCase(desk, { client: north });
    desk.bundle.google.failNext('drive.permissions.list', 429);
    const first = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north });
    expect(first).toMatchObject({ shared: true, upToDate: false, problem: expect.stringMatching(/^readers not applied — Google’s limit/) });
    const again = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north });
    expect(again).toMatchObject({ upToDate: true });
    expect(desk.bundle.google.list()).toHaveLength(1);
    expect(desk.bundle.google.readersOf(fileOf(desk, north))).toEqual(['qa@northwind.example']);
  });

  it('reports a file in the trash or gone, and makes a new one only when asked', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const first = fileOf(desk, north);
    desk.bundle.google.trash(first);
    const saved = oqc<{ view: CaseView }>(desk, id, 1, 0);
    expect(saved.view.clientView).toMatchObject({
      upToDate: false,
      canRecreate: true,
      problem: expect.stringMatching(/in the Drive trash/),
    });
    const shared = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north });
    expect(shared).toMatchObject({ upToDate: false, canRecreate: true });
    expect(desk.bundle.google.list().filter((f) => !f.trashed)).toHaveLength(0);
    // Restored from the trash, a retry brings the same file up to date.
    desk.bundle.google.restore(first);
    expect(desk.ok<SyncResult>('rdSyncClientViews', { clientKey: north }).views[0]).toMatchObject({ upToDate: true });
    expect(fileOf(desk, north)).toBe(first);
    // Trashed again and replaced: the old file's readers go with the brand to the new one.
    desk.bundle.google.trash(first);
    const replaced = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north, recreate: true });
    expect(replaced).toMatchObject({ upToDate: true });
    expect(desk.bundle.google.readersOf(first)).toEqual([]);
    const second = fileOf(desk, north);
    expect(desk.bundle.google.readersOf(second)).toEqual(['qa@northwind.example']);
    desk.bundle.google.deleteForever(second);
    expect(desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north })).toMatchObject({
      canRecreate: true,
      problem: expect.stringMatching(/could not be found \(deleted for good/),
    });
    const again = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north, recreate: true });
    expect(again).toMatchObject({ upToDate: true });
    expect(fileOf(desk, north)).not.toBe(second);
    expect(desk.bundle.google.list().filter((f) => !f.trashed)).toHaveLength(1);
    expect(desk.refused('rdShareWithClient', { clientKey: north, recreate: true })).toMatch(/still there/);
  });

  it('says so when a reader taken off could not be removed, and the next rebuild removes them', () => {
    const north = addClient('Northwind', ['a@northwind.example', 'b@northwind.example']);
    newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const file = fileOf(desk, north);
    desk.bundle.google.failNext('drive.permissions.delete', 500, 'Internal Error');
    const saved = desk.ok<{ client: ClientInfo }>('rdSaveClient', { key: north, name: 'Northwind', readers: ['a@northwind.example'] });
    expect(saved.client).toMatchObject({
      upToDate: false,
      canRetry: true,
      problem: 'b@northwind.example can still read the file: Drive did not remove the access — retry.',
    });
    expect(desk.bundle.google.readersOf(file)).toEqual(['a@northwind.example', 'b@northwind.example']);
    expect(desk.ok<SyncResult>('rdSyncClientViews', {}).views[0]).toMatchObject({ upToDate: true });
    expect(desk.bundle.google.readersOf(file)).toEqual(['a@northwind.example']);
  });

  it('makes the readers exactly the client’s list, removing anyone taken off or added by hand', () => {
    const north = addClient('Northwind', ['a@northwind.example', 'b@northwind.example']);
    newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const file = fileOf(desk, north);
    desk.bundle.google.addPermission(file, { type: 'user', role: 'writer', emailAddress: 'intruder@example.com' });
    desk.bundle.google.addPermission(file, { type: 'anyone', role: 'reader' });
    desk.ok('rdSaveClient', { key: north, name: 'Northwind', readers: ['b@northwind.example', 'c@northwind.example'] });
    expect(desk.bundle.google.readersOf(file)).toEqual(['b@northwind.example', 'c@northwind.example']);
    // No readers: nobody but the agent can read it any more.
    desk.ok('rdSaveClient', { key: north, name: 'Northwind', readers: [] });
    expect(desk.bundle.google.readersOf(file)).toEqual([]);
  });

  it('names a reader Drive refuses, still shares with the others, and keeps saying so until the address is fixed', () => {
    const north = addClient('Northwind', ['visitor@no-google.example', 'qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.bundle.google.failNext('drive.permissions.create', 400, 'Bad Request. User message: "Sorry, this address cannot be shared with."');
    const state = desk.ok<ClientViewState>('rdShareWithClient', { clientKey: north });
    expect(state).toMatchObject({
      upToDate: false,
      problem: expect.stringContaining('Drive would not share with visitor@no-google.example'),
    });
    const file = fileOf(desk, north);
    expect(desk.bundle.google.readersOf(file)).toEqual(['qa@northwind.example']);
    expect(caseRows(desk, north).has(id)).toBe(true);
    desk.ok('rdSaveClient', { key: north, name: 'Northwind', readers: ['visitor@northwind.example', 'qa@northwind.example'] });
    expect(desk.ok<ClientInfo[]>('rdListClients')[0]).toMatchObject({ upToDate: true, problem: '' });
    expect(desk.bundle.google.readersOf(file)).toEqual(['qa@northwind.example', 'visitor@northwind.example']);
  });

  it('tells a second agent whose view it is, and their save stands', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    desk.bundle.session.setEmail(OTHER_AGENT);
    const saved = oqc<{ view: CaseView }>(desk, id, 0, 0);
    expect(saved.view.status).toBe('released');
    expect(saved.view.clientView).toMatchObject({ upToDate: false, problem: expect.stringContaining(`${AGENT}’s file`) });
    expect(desk.refused('rdShareWithClient', { clientKey: north })).toMatch(new RegExp(`view is ${AGENT}’s file`));
    desk.bundle.session.setEmail(AGENT);
    expect(desk.ok<SyncResult>('rdSyncClientViews', {}).views[0]).toMatchObject({ upToDate: true });
    expect(caseRows(desk, north).get(id)).toMatchObject({ Status: 'Released', 'OQC result': 'ACCEPT' });
  });

  it('keeps text that looks like a formula as text in the client’s file', () => {
    const north = addClient('Northwind', ['qa@northwind.example'], { showFactory: true });
    const id = newCase(desk, { client: north, style: '=IMPORTRANGE("x","RD Cases!A:Z")', factory: '+cmd|calc', po: '@SUM(1)' });
    desk.ok('rdShareWithClient', { clientKey: north });
    expect(caseRows(desk, north).get(id)).toMatchObject({
      Style: '=IMPORTRANGE("x","RD Cases!A:Z")',
      Factory: '+cmd|calc',
      PO: '@SUM(1)',
    });
  });

  it('declares every column the client sees in one place', () => {
    const north = addClient('Northwind', ['qa@northwind.example'], { includeEvidenceLinks: true });
    newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const header = desk.bundle.google.grid(fileOf(desk, north))[TITLE_ROWS];
    expect(header).toEqual(CLIENT_VIEW_COLUMNS.filter((c) => c.header !== 'Factory').map((c) => c.header));
    expect(header).toContain('Evidence links');
  });

  it('makes the whole view again when a choice is changed in RD Clients by hand, so no row keeps the old choice', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const [a, b] = [newCase(desk, { client: north }), newCase(desk, { client: north, factory: 'Ningbo Second Source' })];
    desk.ok('rdShareWithClient', { clientKey: north });
    const clients = desk.sheet('RD Clients');
    const column = (clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0] as string[]).indexOf('Show factory name') + 1;
    clients.getRange(2, column).setValue(true);
    oqc(desk, a, 0);
    expect([...caseRows(desk, north).values()].map((r) => r.Factory)).toEqual(['Dongguan Bright Stitch Co.', 'Ningbo Second Source']);
    clients.getRange(2, column).setValue(false);
    oqc(desk, b, 0);
    const file = JSON.stringify(desk.bundle.google.grid(fileOf(desk, north)));
    expect(file).not.toMatch(/Dongguan|Ningbo/);
    expect([...caseRows(desk, north).values()].map((r) => r.Supplier)).toEqual(['Supplier A', 'Supplier B']);
  });

  it('names the cases whose Client cell is not a client key when every view is updated', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    const cases = desk.sheet('RD Cases');
    const column = (cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[]).indexOf('Client') + 1;
    cases.getRange(2, column).setValue('Northwind');
    const synced = desk.ok<SyncResult>('rdSyncClientViews', {});
    expect(synced.strays).toEqual([id]);
    expect(caseRows(desk, north).size).toBe(0);
    expect(desk.view(id)).toMatchObject({ client: 'Northwind', clientName: '' });
  });

  it('offers a retry only where one can mend the view', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    desk.bundle.session.setEmail(OTHER_AGENT);
    desk.ok('rdSaveInternalNotes', { caseId: id, internalNotes: 'x' });
    oqc(desk, id, 0, 0);
    expect(desk.view(id).clientView).toMatchObject({ upToDate: false, canRetry: false, canRecreate: false });
    desk.bundle.session.setEmail(AGENT);
    expect(desk.view(id).clientView).toMatchObject({ upToDate: false, canRetry: true });
    desk.bundle.google.deleteForever(fileOf(desk, north));
    expect(desk.ok<SyncResult>('rdSyncClientViews', {}).views[0]).toMatchObject({ canRetry: false, canRecreate: true });
  });

  it('cuts an evidence-links cell too long for Sheets at a line break, so no link is left broken', () => {
    const north = addClient('Northwind', ['qa@northwind.example'], { includeEvidenceLinks: true });
    const id = newCase(desk, { client: north });
    oqc(desk, id, 12, 0);
    const units = Array.from({ length: 60 }, (_, i) => `U-${String(i).padStart(3, '0')}`);
    desk.ok('rdAddDefects', {
      caseId: id,
      defects: units.map((unitRef) => ({ unitRef, defectType: 'snap misalignment', measurement: 4, cause: 'process deviation' })),
    });
    const link = (unit: string, kind: string) => `https://photos.example.com/${unit}/${kind}/${'x'.repeat(160)}.jpg`;
    for (const u of units) {
      desk.ok('rdSaveEvidence', {
        caseId: id,
        unitRef: u,
        ...Object.fromEntries(['wide', 'closeUp', 'vsApproved', 'measurement', 'batchContext'].map((k) => [k, link(u, k)])),
      });
    }
    desk.ok('rdShareWithClient', { clientKey: north });
    const cell = String(caseRows(desk, north).get(id)!['Evidence links']);
    expect(cell.length).toBeLessThanOrEqual(50_000);
    expect(cell).toMatch(/\n… \(cut short: ask your agent for the rest\)$/);
    // Every line before the note is a whole unit's line, ending with a whole link.
    for (const line of cell.split('\n').slice(0, -1)) expect(line).toMatch(/^U-\d{3}: .*\.jpg$/);
  });

  describe('against rows copied or typed by hand', () => {
    const header = (sheet: string) => desk.sheet(sheet).getRange(1, 1, 1, desk.sheet(sheet).getLastColumn()).getValues()[0] as string[];
    const copyRow = (sheet: string, from: number, to: number, changes: Record<string, unknown>) => {
      const s = desk.sheet(sheet);
      const row = s.getRange(from, 1, 1, s.getLastColumn()).getValues()[0];
      const names = header(sheet);
      for (const [k, v] of Object.entries(changes)) row[names.indexOf(k)] = v;
      s.getRange(to, 1, 1, row.length).setValues([row]);
    };

    it('writes neither view, and touches no reader, when two clients hold one file', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      const file = fileOf(desk, north);
      const before = JSON.stringify(desk.bundle.google.grid(file));
      copyRow('RD Clients', 2, 3, { 'Client key': 'fabrikam', Client: 'Fabrikam', 'Readers (emails)': 'buyer@fabrikam.example' });
      newCase(desk, { client: 'fabrikam' });
      const views = desk.ok<SyncResult>('rdSyncClientViews', {}).views;
      expect(views.map((v) => [v.clientKey, v.upToDate])).toEqual([
        [north, false],
        ['fabrikam', false],
      ]);
      expect(views[0].problem).toMatch(/its File ID is also Fabrikam’s \(fabrikam\)/);
      expect(desk.bundle.google.readersOf(file)).toEqual(['qa@northwind.example']);
      expect(JSON.stringify(desk.bundle.google.grid(file))).toBe(before);
    });

    it('never shows a case whose ID was copied onto another client’s row', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      const contoso = addClient('Contoso', ['qc@contoso.example']);
      const id = newCase(desk, { client: north, style: 'Northwind secret tote' });
      desk.ok('rdShareWithClient', { clientKey: contoso });
      copyRow('RD Cases', 2, 3, { Client: contoso });
      desk.ok('rdSyncClientViews', { clientKey: contoso });
      expect(caseRows(desk, contoso).has(id)).toBe(false);
      expect(JSON.stringify(desk.bundle.google.grid(fileOf(desk, contoso)))).not.toContain('secret');
    });

    it('changes no reader on Drive when the tracker could not record the new list', () => {
      const north = addClient('Northwind', ['stays@northwind.example', 'leaver@northwind.example']);
      newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      const counter = desk.bundle.spreadsheet.counter;
      counter.onCall = (name) => {
        if (name !== 'setValues') return;
        counter.onCall = undefined;
        throw new Error('Service Spreadsheets failed while accessing document');
      };
      const failed = desk.raw('rdSaveClient', { key: north, name: 'Northwind', readers: ['stays@northwind.example'] });
      expect(failed.ok).toBe(false);
      expect(desk.bundle.google.readersOf(fileOf(desk, north))).toEqual(['leaver@northwind.example', 'stays@northwind.example']);
    });

    it('takes readers off a file in the trash too: its readers can still open it', () => {
      const north = addClient('Northwind', ['a@northwind.example', 'b@northwind.example']);
      newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      const file = fileOf(desk, north);
      desk.bundle.google.trash(file);
      const saved = desk.ok<{ client: ClientInfo }>('rdSaveClient', { key: north, name: 'Northwind', readers: ['a@northwind.example'] });
      expect(saved.client).toMatchObject({ upToDate: false, canRecreate: true });
      expect(desk.bundle.google.readersOf(file)).toEqual(['a@northwind.example']);
    });

    it('gives no two factories one alias when the aliases are cleared by hand', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      const a = newCase(desk, { client: north });
      const b = newCase(desk, { client: north, factory: 'Ningbo Second Source' });
      desk.ok('rdShareWithClient', { clientKey: north });
      desk
        .sheet('RD Clients')
        .getRange(2, header('RD Clients').indexOf('Factory aliases') + 1)
        .setValue('');
      oqc(desk, b, 0, 0);
      const rows = caseRows(desk, north);
      expect(new Set([rows.get(a)!.Supplier, rows.get(b)!.Supplier]).size).toBe(2);
    });

    it('marks both views out of date when Sheets records a move only in part, so the next save makes them whole', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      const contoso = addClient('Contoso', ['qc@contoso.example']);
      const id = newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      desk.ok('rdShareWithClient', { clientKey: contoso });
      // The move's Client cell is written; the log row after it is not.
      const counter = desk.bundle.spreadsheet.counter;
      let writes = 0;
      counter.onCall = (name) => {
        if (name === 'setValues' && ++writes === 2) {
          counter.onCall = undefined;
          throw new Error('Service Spreadsheets failed while accessing document');
        }
      };
      expect(desk.raw('rdSetCaseClient', { caseId: id, clientKey: contoso, reason: 'PO is Contoso’s' })).toMatchObject({ ok: false });
      const late = desk.ok<ClientInfo[]>('rdListClients').map((c) => [c.clientKey, c.upToDate]);
      expect(late).toEqual([
        [north, false],
        [contoso, false],
      ]);
      // A rebuild makes both whole: the case is Contoso's alone.
      desk.ok('rdSyncClientViews', {});
      expect(caseRows(desk, north).has(id)).toBe(false);
      expect(caseRows(desk, contoso).has(id)).toBe(true);
    });

    it('names a client file whose row was deleted from RD Clients, and who can still read it', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      const file = fileOf(desk, north);
      expect(desk.bundle.google.files.get(file)!.appProperties).toEqual({
        reworkDeskTracker: desk.bundle.spreadsheet.getId(),
        reworkDeskClient: north,
      });
      expect(desk.ok<SyncResult>('rdSyncClientViews', {}).orphans).toEqual([]);
      const clients = desk.sheet('RD Clients');
      clients.getRange(2, 1, 1, clients.getLastColumn()).setValues([Array.from({ length: clients.getLastColumn() }, () => '')]);
      expect(desk.ok<SyncResult>('rdSyncClientViews', {})).toMatchObject({
        views: [],
        orphans: [
          {
            title: 'Northwind — quality cases (Rework Desk)',
            client: north,
            fileUrl: expect.stringContaining(file),
            readers: ['qa@northwind.example'],
          },
        ],
      });
      desk.bundle.ui.alerts.length = 0;
      desk.bundle.call('updateClientViews');
      expect(desk.bundle.ui.alerts.at(-1)).toMatch(/no longer in RD Clients .* still readable by qa@northwind\.example/);
    });

    it('moves a trashed file’s readers only once the new file is made: a failed make leaves them where they were', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      newCase(desk, { client: north });
      desk.ok('rdShareWithClient', { clientKey: north });
      const old = fileOf(desk, north);
      desk.bundle.google.trash(old);
      desk.bundle.google.failNext('sheets.spreadsheets.create', 429);
      expect(desk.raw('rdShareWithClient', { clientKey: north, recreate: true }).ok).toBe(false);
      expect(desk.bundle.google.readersOf(old)).toEqual(['qa@northwind.example']);
      expect(fileOf(desk, north)).toBe(old);
    });

    it('makes no file for an agent Google does not name: only its maker could write it later', () => {
      const north = addClient('Northwind', ['qa@northwind.example']);
      desk.bundle.session.setEmail('');
      expect(desk.refused('rdShareWithClient', { clientKey: north })).toMatch(/does not tell Rework Desk who you are/);
      expect(desk.bundle.google.list()).toEqual([]);
    });
  });

  it('changes no client file for the agent’s own notes', () => {
    const north = addClient('Northwind', ['qa@northwind.example']);
    const id = newCase(desk, { client: north });
    desk.ok('rdShareWithClient', { clientKey: north });
    desk.bundle.spreadsheet.counter.reset();
    desk.ok('rdSaveInternalNotes', { caseId: id, internalNotes: 'Pushing for 40% factory share' });
    expect([...desk.bundle.spreadsheet.counter.counts.keys()].filter((k) => /^(sheets|drive)\./.test(k))).toEqual([]);
    expect(desk.view(id).internalNotes).toBe('Pushing for 40% factory share');
  });
});
