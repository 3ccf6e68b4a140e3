import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientInfo, ClientViewState } from '../../src/shared/contract';
import { Desk } from '../support/desk';

/**
 * The leak property: whatever agents do — clients with look-alike names, cases moved between
 * clients, rows deleted by hand, fields of random text that may start with =, +, - or @, a write
 * that fails at Google's end — a client's file holds only what is declared shareable of its own
 * current cases, and never a formula. Every field carries a unique marker (⟦kind index⟧); a marker
 * in a file is checked against what that file may hold.
 */

const RUNS = Number(process.env.CLIENT_VIEW_RUNS ?? 1000);

type Op =
  | { kind: 'create'; client: number; text: string }
  | { kind: 'share'; client: number }
  | { kind: 'move'; case: number; client: number }
  | { kind: 'oqc'; case: number; major: number }
  | { kind: 'evidence'; case: number }
  | { kind: 'notes'; case: number; text: string }
  | { kind: 'delete'; case: number }
  | { kind: 'sync'; client: number }
  | { kind: 'choices'; client: number; showFactory: boolean; links: boolean }
  | { kind: 'fail' };

const CLIENTS = 3;
// Look-alike names that are still different brands: the key and the marker keep them apart.
const NAMES = ['Acme', 'Acme Co', 'Acme 2'];
const prefixed = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', "'"), fc.string({ maxLength: 12 }))
  .map(([p, s]) => (p + s).replace(/[⟦⟧]/g, ''));
const client = fc.integer({ min: -1, max: CLIENTS - 1 }); // -1: no client
const anyCase = fc.nat({ max: 7 });

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), client, text: prefixed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('share' as const), client: fc.nat({ max: CLIENTS - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), case: anyCase, client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('oqc' as const), case: anyCase, major: fc.nat({ max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('evidence' as const), case: anyCase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('notes' as const), case: anyCase, text: prefixed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), case: anyCase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('choices' as const),
      client: fc.nat({ max: CLIENTS - 1 }),
      showFactory: fc.boolean(),
      links: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const) }) },
);

const mark = (kind: string, i: number) => `⟦${kind}${i}⟧`;

describe('client views never leak', () => {
  // One bundle for every run: each run starts from the same set-up workbook and no client files.
  const desk = new Desk();
  desk.ok('rdSetupTracker');
  const blank = desk.bundle.spreadsheet.snapshot();

  it(`holds over ${RUNS} generated runs`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constant('create' as const), client, text: prefixed }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat({ max: CLIENTS - 1 }), { maxLength: CLIENTS }),
        fc.array(op, { minLength: 3, maxLength: 16 }),
        (opening, early, rest) => {
          // Cases first, some clients shared early, then anything.
          const ops: Op[] = [...opening, ...early.map((c) => ({ kind: 'share' as const, client: c })), ...rest];
          desk.bundle.spreadsheet.restore(blank);
          desk.bundle.google.reset();
          desk.bundle.errors.length = 0;
          const keys: string[] = [];
          const choices = new Map<string, { showFactory: boolean; links: boolean }>();
          NAMES.forEach((name, k) => {
            const showFactory = k === 1;
            const links = k === 2;
            keys.push(
              desk.ok<{ key: string }>('rdSaveClient', {
                name: `${name} ${mark('c', k)}`,
                readers: [`qa${k}@brand${k}.example`],
                showFactory,
                includeEvidenceLinks: links,
              }).key,
            );
            choices.set(keys[k], { showFactory, links });
          });
          const cases: string[] = [];
          const markerOf = new Map<string, number>();

          const check = (views: ClientViewState[] | undefined) => {
            for (const view of views ?? []) if (view.upToDate) checkFile(view.clientKey);
          };
          const checkFile = (key: string) => {
            const file = desk.bundle.google.list().find((f) => f.title.includes(mark('c', keys.indexOf(key))));
            if (!file) return;
            const current = desk
              .sheet('RD Cases')
              .records()
              .filter((r) => r.Client === key)
              .map((r) => String(r['Case ID']));
            const rows = file.sheets[0].rows.slice(4);
            expect(rows.map((r) => String(r[0])).sort()).toEqual([...current].sort());
            const { showFactory, links } = choices.get(key)!;
            const allowed = new Set([mark('c', keys.indexOf(key))]);
            for (const id of current) {
              const i = markerOf.get(id)!;
              allowed.add(mark('s', i)).add(mark('p', i));
              if (showFactory) allowed.add(mark('f', i));
              if (links) allowed.add(mark('e', i));
            }
            const text = JSON.stringify(file.sheets);
            for (const found of text.match(/⟦[a-z]\d+⟧/g) ?? []) expect(allowed, `${found} in ${key}'s file`).toContain(found);
          };

          // A row deleted by hand is not seen until the next rebuild: until then only the views a save reports are checked.

          let deletedByHand = false;

          /** Every view that says it is up to date holds exactly its client's cases now. */

          const checkAll = () => {
            if (deletedByHand) return;

            for (const c of desk.ok<ClientInfo[]>('rdListClients')) if (c.shared && c.upToDate) checkFile(c.clientKey);
          };

          for (const o of ops) {
            const id = 'case' in o ? cases[o.case % Math.max(cases.length, 1)] : undefined;
            const key = 'client' in o && o.client >= 0 ? keys[o.client] : '';
            switch (o.kind) {
              case 'create': {
                const i = cases.length;
                const made = desk.raw<{ id: string; clientViews?: ClientViewState[] }>('rdCreateCase', {
                  factory: `${o.text} ${mark('f', i)}`,
                  style: `${o.text}${mark('s', i)}`,
                  po: `${mark('p', i)}${o.text}`,
                  orderValue: 5000,
                  lotSize: 500,
                  client: key,
                  internalNotes: `${o.text} ${mark('n', i)}`,
                });
                if (made.ok) {
                  cases.push(made.data.id);
                  markerOf.set(made.data.id, i);
                  check(made.data.clientViews);
                }
                break;
              }
              case 'share':
                check([desk.ok<ClientViewState>('rdShareWithClient', { clientKey: key })]);
                break;
              case 'move':
                if (id) check(okOrNothing(desk.raw('rdSetCaseClient', { caseId: id, clientKey: key, reason: 'moved in a test' })));
                break;
              case 'oqc':
                if (id) {
                  check(
                    okOrNothing(
                      desk.raw('rdRecordInspection', {
                        caseId: id,
                        inspector: `Inspector ${mark('i', markerOf.get(id)!)}`,
                        criticalFound: 0,
                        majorFound: o.major,
                        minorFound: 0,
                      }),
                    ),
                  );
                }
                break;
              case 'evidence':
                if (id) {
                  const unitRef = `U-${cases.indexOf(id)}`;
                  desk.raw('rdAddDefects', {
                    caseId: id,
                    defects: [{ unitRef, defectType: 'snap misalignment', measurement: 4, cause: 'process deviation' }],
                  });
                  check(
                    okOrNothing(
                      desk.raw('rdSaveEvidence', { caseId: id, unitRef, wide: `https://photos.example/${mark('e', markerOf.get(id)!)}` }),
                    ),
                  );
                }
                break;
              case 'notes':
                if (id)
                  check(
                    okOrNothing(desk.raw('rdSaveInternalNotes', { caseId: id, internalNotes: `${o.text}${mark('n', markerOf.get(id)!)}` })),
                  );
                break;
              case 'delete':
                if (id) deleteCaseRow(desk, id);
                deletedByHand ||= Boolean(id);
                break;
              case 'sync': {
                const synced = desk.raw<{ views: ClientViewState[] }>('rdSyncClientViews', key ? { clientKey: key } : {});
                if (synced.ok) check(synced.data.views);
                if (synced.ok && !key) deletedByHand = false;
                break;
              }
              case 'choices': {
                const saved = desk.raw('rdSaveClient', {
                  key,
                  name: `${NAMES[o.client]} ${mark('c', o.client)}`,
                  readers: [`qa${o.client}@brand${o.client}.example`],
                  showFactory: o.showFactory,
                  includeEvidenceLinks: o.links,
                });
                if (saved.ok) choices.set(key, { showFactory: o.showFactory, links: o.links });
                break;
              }
              case 'fail':
                desk.bundle.google.failNext('sheets.spreadsheets.batchUpdate');
                break;
            }
            checkAll();
          }
          // Whatever happened, a rebuild brings every shared view to exactly its client's cases.
          // Each injected failure costs one view one rebuild; once they are spent, every view is up to date.
          const pending = desk.bundle.google.pendingFailures;
          let views = desk.ok<{ views: ClientViewState[] }>('rdSyncClientViews', {}).views;
          for (let retry = 0; retry < pending && views.some((v) => !v.upToDate); retry++) {
            views = desk.ok<{ views: ClientViewState[] }>('rdSyncClientViews', {}).views;
          }
          for (const view of views) {
            expect(view.upToDate, view.problem).toBe(true);
            checkFile(view.clientKey);
          }
          expect(desk.bundle.errors.filter((e) => String(e).includes('formulaValue'))).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

function okOrNothing(result: { ok: boolean; data?: unknown }): ClientViewState[] | undefined {
  return result.ok ? (result.data as { clientViews?: ClientViewState[] }).clientViews : undefined;
}

/** A user deleting a case's row in RD Cases: the rows below move up, as Sheets does. */
function deleteCaseRow(desk: Desk, id: string): void {
  const snapshot = desk.bundle.spreadsheet.snapshot();
  const sheet = snapshot.sheets.find((s) => s.name === 'RD Cases')!;
  const at = sheet.rows.findIndex((row) => row[0] && typeof row[0] === 'object' && 't' in row[0] && row[0].t === id);
  if (at < 1) return;
  sheet.rows.splice(at, 1);
  sheet.maxRows = (sheet.maxRows ?? 1000) - 1;
  const formats: Record<string, string> = {};
  for (const [cell, format] of Object.entries(sheet.formats ?? {})) {
    const [r, c] = cell.split(',').map(Number);
    if (r - 1 === at) continue;
    formats[`${r - 1 > at ? r - 1 : r},${c}`] = format;
  }
  sheet.formats = formats;
  desk.bundle.spreadsheet.restore(snapshot);
}
