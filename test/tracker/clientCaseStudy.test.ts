/**
 * The seed's case study for a brand client, through the preview over HTTP: after each protocol
 * step, the client's file (GET /client-files) shows what the brand may know of its case, and the
 * Google calls each save made are counted — one batchUpdate for the one client it touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, loadExample } from '../../preview/example';
import { startPreview } from '../../preview/server';
import type { Preview } from '../../preview/server';
import type { Result } from '../../src/shared/contract';
import { caseRow } from '../support/clientFiles';
import type { ClientFile, ViewRow } from '../support/clientFiles';

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => {
  await preview?.close();
});

/** A google.script.run call, as the preview's sidebar makes it: POST /run/NAME. */
async function run<T>(name: string, request?: unknown, on: Preview = preview): Promise<T> {
  const response = await fetch(new URL(`/run/${name}`, on.url), {
    method: 'POST',
    body: JSON.stringify(request === undefined ? [] : [request]),
  });
  const answer = (await response.json()) as { value: Result<T> };
  if (!answer.value.ok) throw new Error(`${name}: ${answer.value.error}`);
  return answer.value.data;
}

/** A case's row in the one client file, by header; nothing the brand may not see anywhere in it. */
function rowIn(files: ClientFile[], caseId: string): ViewRow {
  expect(files).toHaveLength(1);
  expect(JSON.stringify(files)).not.toMatch(/reject count off the record|Huadu|Li Wei|Chen Jie|OP-17|Warehouse 3/);
  return caseRow(files[0], caseId)!;
}

async function clientFilesOver(http: Preview): Promise<ClientFile[]> {
  return (await (await fetch(new URL('/client-files', http.url))).json()) as ClientFile[];
}

describe('the $15K case for a brand client, its view checked after every step', () => {
  const seen = new Map<string, ViewRow>();
  const batchUpdates: number[] = [];
  let caseId = '';
  let shared = false;

  beforeAll(async () => {
    await run('rdSetupTracker');
    const { key } = await run<{ key: string }>('rdSaveClient', { name: 'Northwind Outfitters', readers: ['qa@northwind.example'] });
    // The case is opened for the client; the view is shared once the case exists.
    const counter = preview.bundle.spreadsheet.counter;
    loadExample(
      (handler, request) => {
        const before = counter.get('sheets.spreadsheets.batchUpdate');
        const result = preview.bundle.call<Result<unknown>>(handler, request);
        if (shared) batchUpdates.push(counter.get('sheets.spreadsheets.batchUpdate') - before);
        return result;
      },
      {
        client: key,
        onStep: (step, id) => {
          if (step === 'opened') {
            preview.bundle.call('rdShareWithClient', { clientKey: key });
            shared = true;
          }
          // What GET /client-files serves at this step (read over HTTP at the end, below).
          seen.set(step, rowIn(preview.bundle.google.list(), id));
          caseId = id;
        },
      },
    );
    expect([...seen.keys()]).toEqual([
      'opened',
      'oqc',
      'hold',
      'defects',
      'evidence',
      'agreed',
      'reworked',
      'rework-done',
      'reinspected',
      'settled',
    ]);
    expect(rowIn(await clientFilesOver(preview), caseId)).toEqual(seen.get('settled'));
  });

  it('tells the brand where its case stands at each step, in its own words', () => {
    const at = (step: string) => ({ status: seen.get(step)!.Status, next: seen.get(step)!['Next step'] });
    expect(at('opened')).toEqual({ status: 'Open — awaiting OQC', next: 'Awaiting the outgoing quality inspection (OQC).' });
    expect(at('oqc')).toEqual({ status: 'On hold', next: 'Lot held at the factory; the defective units are being classified.' });
    expect(at('defects')).toEqual({ status: 'Defects classified', next: 'Photo evidence is being completed for each defective unit.' });
    expect(at('evidence')).toEqual({ status: 'Evidence complete', next: 'Rework or a concession is being agreed.' });
    expect(at('agreed')).toEqual({ status: 'Agreed — rework under way', next: 'Supervised rework under way: 0 of 12 units reworked.' });
    expect(at('reworked').next).toBe('Supervised rework under way: 12 of 12 units reworked.');
    expect(at('rework-done')).toEqual({
      status: 'Rework done — awaiting re-inspection',
      next: 'Rework done; a different inspector re-inspects the lot next.',
    });
    expect(at('reinspected')).toEqual({ status: 'Released', next: 'Lot released; the settlement comes next.' });
    expect(seen.get('agreed')!['Expected completion']).toBe('');
    expect(seen.get('oqc')!['Cartons sealed']).toBe(60);
    expect(seen.get('opened')!['OQC result']).toBe('');
  });

  it('ends settled in the client’s view, with the concession and the recovery, and no factory, inspector or note', () => {
    expect(seen.get('settled')).toMatchObject({
      Style: EXAMPLE.style,
      PO: EXAMPLE.po,
      Supplier: 'Supplier A',
      Status: 'Settled',
      'Next step': 'Closed: settled.',
      'OQC result': 'REJECT',
      'OQC major found (accept up to)': '12 (7)',
      'OQC minor found (accept up to)': '22 (10)',
      'Defects by class and type': 'MAJOR: Misalignment ×12; MINOR: Edge paint defect ×22',
      Evidence: '34 of 34 units complete',
      'Rework scope': '12 units, cycle 1',
      'Rework progress': '12 of 12 units reworked',
      'Re-inspection': expect.stringMatching(/^PASS on \d{4}-\d{2}-\d{2}$/),
      Concession: '3.0% discount, credit 450.00 USD',
      'Settlement: value kept': '14,334.00 USD',
      'Recovery rate': '95.56%',
    });
  });

  it('makes one batchUpdate per save, for the one client the case belongs to', () => {
    // Every save of the case wrote its client's view once; nothing else wrote it.
    expect(batchUpdates.length).toBeGreaterThan(40);
    expect(new Set(batchUpdates)).toEqual(new Set([1]));
  });
});

describe('the client’s view at each step of the case, over HTTP', () => {
  it('says what the brand may know at every step', async () => {
    const fresh = await startPreview();
    try {
      const call = <T>(name: string, request?: unknown) => run<T>(name, request, fresh);
      const row = async (id: string) => rowIn(await clientFilesOver(fresh), id);
      await call('rdSetupTracker');
      const { key } = await call<{ key: string }>('rdSaveClient', { name: 'Northwind Outfitters', readers: ['qa@northwind.example'] });
      const { id } = await call<{ id: string }>('rdCreateCase', {
        factory: 'Huadu Leather Goods',
        style: 'Tote',
        orderValue: 15000,
        lotSize: 1500,
        client: key,
      });
      await call('rdShareWithClient', { clientKey: key });
      expect(await row(id)).toMatchObject({
        Status: 'Open — awaiting OQC',
        'Next step': 'Awaiting the outgoing quality inspection (OQC).',
        'OQC result': '',
      });
      await call('rdRecordInspection', {
        caseId: id,
        inspector: 'Li Wei',
        place: 'Warehouse 3',
        criticalFound: 0,
        majorFound: 12,
        minorFound: 22,
      });
      expect(await row(id)).toMatchObject({
        Status: 'On hold',
        'Next step': 'Lot held at the factory; the defective units are being classified.',
        'OQC plan': 'Level II, code K: 125 units sampled',
        'OQC result': 'REJECT',
      });
      expect(String((await row(id))['On hold since'])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await call('rdAddDefects', {
        caseId: id,
        defects: [{ unitRef: 'K-001', defectType: 'snap misalignment', measurement: 4, cause: 'process deviation' }],
      });
      expect(await row(id)).toMatchObject({
        Status: 'Defects classified',
        'Next step': 'Photo evidence is being completed for each defective unit.',
        'Defects by class and type': 'MAJOR: Misalignment ×1',
        Evidence: '0 of 1 units complete',
      });
    } finally {
      await fresh.close();
    }
  });
});
