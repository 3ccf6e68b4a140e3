// Tracker figures: what one save costs in Sheets as the tracker's history grows — service calls
// and cells read and written, per protocol step, at 10, 1,000 and 10,000 cases (10 defect rows,
// 10 evidence rows and 20 log rows per case: 100,000 defect rows at 10,000 cases) — plus the case
// list and the setup. Runs the built dist/Code.js in node:vm on the strict in-memory fake.
import { FakeSpreadsheet } from '../fakes/spreadsheet';
import { loadExample } from '../preview/example';
import type { CaseList } from '../src/shared/contract';
import { CASES, DEFECTS, EVIDENCE, FACTORIES, INSPECTIONS, LOG, REWORK, SETTLEMENTS } from '../src/tracker/schema';
import { factoryScorecard } from '../src/core/factory/scorecard';
import type { SheetSpec } from '../src/tracker/schema';
import { Desk } from '../test/support/desk';
import { loadBundle as load } from '../fakes/runtime';

const SIZES = [10, 1000, 10_000];
const HEADROOM = 500;
const PER_CASE = { defects: 10, evidence: 10, log: 20 };

let dist: URL;
const loadBundle = (spreadsheet: FakeSpreadsheet) => load(spreadsheet, dist);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const caseIdOf = (i: number) => `RD-2025-${String(i + 1).padStart(5, '0')}`;

/**
 * Writes rows straight into a sheet, growing it first as Sheets requires, with the headroom the
 * add-on leaves when it grows a sheet (growth is measured on its own below).
 */
function put(desk: Desk, spec: SheetSpec, rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const sheet = desk.sheet(spec.name);
  const need = rows.length + 1 + HEADROOM - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const keys = spec.columns.map((c) => c.key);
  sheet.getRange(2, 1, rows.length, keys.length).setValues(rows.map((r) => keys.map((k) => r[k] ?? '')));
}

/** Cases still open: the most recent, and one in 500 of the older ones (a dispute that drags on). */
const isOpen = (i: number, cases: number) => i >= cases - 150 || i % 500 === 0;

/** A year of use: n cases, with their defects, evidence and log rows; one case in `clientEvery` is `client`'s. */
function seed(desk: Desk, cases: number, client = '', clientEvery = 0): void {
  const at = new Date(Date.UTC(2025, 0, 1));
  put(
    desk,
    CASES,
    Array.from({ length: cases }, (_, i) => ({
      id: caseIdOf(i),
      status: isOpen(i, cases) ? 'classified' : 'settled',
      nextStep: isOpen(i, cases) ? 'Collect the evidence' : 'Nothing: the case is closed.',
      createdAt: at,
      factory: `Factory ${i % 40}`,
      style: `Style ${i}`,
      orderValue: 15000,
      currency: 'USD',
      lotSize: 1500,
      level: 'II',
      aqlMajor: 2.5,
      aqlMinor: 4,
      severity: 'normal',
      inspector: 'Li Wei',
      quarantined: false,
      reworkCycle: 0,
      wasHeld: true,
      updatedAt: at,
      client: clientEvery && i % clientEvery === 0 ? client : '',
    })),
  );
  const many = (n: number, row: (i: number, k: number) => Record<string, unknown>) =>
    Array.from({ length: cases * n }, (_, j) => row(Math.floor(j / n), j % n));
  put(
    desk,
    DEFECTS,
    many(PER_CASE.defects, (i, k) => ({
      caseId: caseIdOf(i),
      unitRef: `U${k}`,
      defectType: 'Colour deviation',
      measurement: '1.7',
      class: 'MAJOR',
      rule: 'ΔE above 1.5',
      functional: false,
    })),
  );
  put(
    desk,
    EVIDENCE,
    many(PER_CASE.evidence, (i, k) => ({
      caseId: caseIdOf(i),
      unitRef: `U${k}`,
      wide: 'https://photos.example.com/w.jpg',
      complete: false,
    })),
  );
  put(
    desk,
    LOG,
    many(PER_CASE.log, (i) => ({ at, user: 'agent@example.com', caseId: caseIdOf(i), action: 'Step', before: '', after: '' })),
  );
}

interface Cost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
}

/** The most expensive call of each handler while the seed's case study runs on a tracker of n cases. */
function costsAt(n: number): Map<string, Cost> {
  const desk = new Desk(loadBundle(new FakeSpreadsheet()));
  desk.ok('rdSetupTracker');
  seed(desk, n);
  const counter = desk.bundle.spreadsheet.counter;
  const costs = new Map<string, Cost>();
  loadExample((handler, request) => {
    counter.reset();
    const result = desk.raw(handler, request);
    const cost = { calls: counter.total(), cellsRead: counter.cellsRead, cellsWritten: counter.cellsWritten };
    const worst = costs.get(handler);
    if (!worst || cost.calls + cost.cellsRead > worst.calls + worst.cellsRead) costs.set(handler, cost);
    return result;
  });
  counter.reset();
  desk.ok<CaseList>('rdListCases');
  costs.set('rdListCases', { calls: counter.total(), cellsRead: counter.cellsRead, cellsWritten: counter.cellsWritten });
  return costs;
}

export function run(distDir: URL): void {
  dist = distDir;
  const results = SIZES.map(costsAt);
  console.log('One save, by protocol step, as the tracker grows (the costliest call of each step in the case study)');
  console.log(`  service calls | cells read | cells written   at ${SIZES.map((n) => `${n.toLocaleString('en-US')} cases`).join(' / ')}`);
  for (const handler of results[0].keys()) {
    const cells = results.map((r) => r.get(handler)!);
    const fmt = (pick: (c: Cost) => number) => cells.map((c) => String(pick(c)).padStart(6)).join(' ');
    console.log(
      `  ${handler.padEnd(22)} calls ${fmt((c) => c.calls)}   read ${fmt((c) => c.cellsRead)}   written ${fmt((c) => c.cellsWritten)}`,
    );
  }
  const saves = [...results[0].keys()].filter((h) => h !== 'rdListCases');
  const flat = saves.every((h) => results.every((r) => r.get(h)!.calls === results[0].get(h)!.calls));
  console.log(`  every save's calls the same at every size: ${flat ? 'yes' : 'NO'}`);

  const desk = new Desk(loadBundle(new FakeSpreadsheet()));
  const counter = desk.bundle.spreadsheet.counter;
  counter.reset();
  desk.ok('rdSetupTracker');
  console.log(`Setup on a new spreadsheet: ${counter.total()} service calls`);

  seed(desk, 10_000);
  desk.ok<CaseList>('rdListCases');
  const times = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    const list = desk.ok<CaseList>('rdListCases');
    if (list.cases.length === 0) throw new Error('the list lost its cases');
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const reads = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    desk.sheet(CASES.name).getDataRange().getValues();
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const open = Array.from({ length: 10_000 }, (_, i) => isOpen(i, 10_000)).filter(Boolean).length;
  counter.reset();
  const list = desk.ok<CaseList>('rdListCases');
  console.log(`Case list (rdListCases) at 10,000 cases, ${open} of them open`);
  console.log(
    `  cases listed: ${list.cases.length} (the open ones and the ${list.cases.length - open} most recent closed); older closed, not read: ${list.olderClosed}`,
  );
  console.log(
    `  service calls: ${counter.total()}; cells read: ${counter.cellsRead} of the ${10_000 * CASES.columns.length} cells RD Cases holds`,
  );
  console.log(`  time / reading all of RD Cases once (the fake's getValues): ${(median(times) / median(reads)).toFixed(2)}×`);
  scorecardBench();
  clientViewsBench(results[0]);
}

const GOOGLE = /^(sheets|drive)\./;

/**
 * A brand client's live view: the case study's saves with the case in a shared client view, on a
 * tracker of 10, 1,000 and 10,000 cases of which one in 20 is the same client's (so the client's
 * own history grows with the tracker: 1, 50 and 500 cases in its view), and the whole rebuild.
 */
export function clientViewsBench(without: Map<string, Cost>): void {
  console.log('Client views: the case study for a shared client, as the tracker (and the client’s own history) grows');
  const rows: string[] = [];
  const flat: boolean[] = [];
  let first: Map<string, number> | undefined;
  for (const n of SIZES) {
    const desk = new Desk(loadBundle(new FakeSpreadsheet()));
    desk.ok('rdSetupTracker');
    const { key } = desk.ok<{ key: string }>('rdSaveClient', { name: 'Northwind', readers: ['qa@northwind.example'] });
    seed(desk, n, key, 20);
    const counter = desk.bundle.spreadsheet.counter;
    counter.reset();
    const shared = desk.ok<{ upToDate: boolean }>('rdShareWithClient', { clientKey: key });
    if (!shared.upToDate) throw new Error('the view was not written');
    const rebuild = { calls: counter.total(), read: counter.cellsRead };
    const worst = new Map<string, number>();
    const google = new Map<string, number>();
    loadExample(
      (handler, request) => {
        counter.reset();
        const result = desk.raw(handler, request);
        if (handler !== 'rdSetupTracker') {
          worst.set(handler, Math.max(worst.get(handler) ?? 0, counter.total()));
          for (const [api, count] of counter.counts) if (GOOGLE.test(api)) google.set(api, Math.max(google.get(api) ?? 0, count));
        }
        return result;
      },
      { client: key },
    );
    first ??= worst;
    flat.push([...worst].every(([h, calls]) => first!.get(h) === calls));
    const inView = desk.bundle.google.list()[0].sheets[0].rows.length - 4;
    rows.push(
      `  ${n.toLocaleString('en-US').padStart(6)} cases (${String(inView).padStart(3)} in the view): first share (whole view written) ${rebuild.calls} calls, ${rebuild.read} cells read; ` +
        `a save's Google calls at most ${[...google].map(([api, c]) => `${api.replace(/^(sheets|drive)\.(spreadsheets\.|)/, '')} ${c}`).join(', ')}; ` +
        `costliest save ${Math.max(...worst.values())} calls (settle)`,
    );
  }
  for (const row of rows) console.log(row);
  console.log(`  every save's calls the same at every size: ${flat.every(Boolean) ? 'yes' : 'NO'}`);
  const extra = [...first!].filter(([h]) => without.has(h)).map(([h, calls]) => calls - without.get(h)!.calls);
  console.log(
    `  a save's calls with the case in a shared view, beyond the same save with no client: ${Math.min(...extra)} to ${Math.max(...extra)}`,
  );
}

/**
 * The factory scorecard at 50 factories and 10,000 cases (one OQC each, one in four with a
 * re-inspection, settlements for the closed ones): what a refresh reads from Sheets, and the pure
 * computation's time in V8 against a bare pass over the same rows.
 */
export function scorecardBench(): void {
  const desk = new Desk(loadBundle(new FakeSpreadsheet()));
  desk.ok('rdSetupTracker');
  const cases = 10_000;
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000);
  const found = (i: number) => (i * 7919) % 13;
  put(
    desk,
    CASES,
    Array.from({ length: cases }, (_, i) => ({
      id: caseIdOf(i),
      status: 'settled',
      createdAt: at(i),
      factory: `Factory ${i % 50}`,
      style: `Style ${i}`,
      orderValue: 15000,
      currency: 'USD',
      lotSize: 1500,
      level: 'II',
      aqlMajor: 2.5,
      aqlMinor: 4,
      severity: 'normal',
      wasHeld: found(i) >= 8,
      holdAt: at(i),
      concessionCredit: found(i) >= 8 ? 450 : '',
      updatedAt: at(i),
    })),
  );
  put(
    desk,
    INSPECTIONS,
    Array.from({ length: cases }, (_, i) => ({
      caseId: caseIdOf(i),
      kind: 'OQC',
      at: at(i),
      inspector: 'Li Wei',
      lotSize: 1500,
      level: 'II',
      severity: 'normal',
      aqlMajor: 2.5,
      aqlMinor: 4,
      majorFound: found(i),
      minorFound: found(i + 3),
      criticalFound: 0,
      letter: 'K',
      sampleSize: 125,
      majorAc: 7,
      majorRe: 8,
      minorAc: 10,
      minorRe: 11,
      verdict: found(i) >= 8 || found(i + 3) >= 11 ? 'REJECT' : 'ACCEPT',
    })),
  );
  put(
    desk,
    DEFECTS,
    Array.from({ length: cases * 3 }, (_, j) => ({
      caseId: caseIdOf(Math.floor(j / 3)),
      unitRef: `U${j % 3}`,
      defectType: ['Colour deviation', 'Misalignment', 'Loose thread'][(j * 31) % 3],
      class: 'MAJOR',
    })),
  );
  put(
    desk,
    SETTLEMENTS,
    Array.from({ length: cases }, (_, i) => ({
      caseId: caseIdOf(i),
      currency: 'USD',
      orderValue: 15000,
      recoveryRate: 0.9 + (i % 10) / 100,
      settledAt: at(i + 48),
    })),
  );
  const counter = desk.bundle.spreadsheet.counter;
  desk.ok('rdRefreshScorecard');
  counter.reset();
  const result = desk.ok<{ factories: number; charts: number }>('rdRefreshScorecard');
  const held = [CASES, INSPECTIONS, DEFECTS, REWORK, SETTLEMENTS, FACTORIES].reduce(
    (sum, spec) => sum + (desk.sheet(spec.name).getLastRow() - 1) * spec.columns.length,
    0,
  );
  console.log('Factory scorecard (rdRefreshScorecard) at 50 factories, 10,000 cases');
  console.log(`  factories: ${result.factories}; charts: ${result.charts}`);
  console.log(
    `  service calls: ${counter.total()}; cells read: ${counter.cellsRead} (the six sheets it reads hold ${held} cells: ${(counter.cellsRead / held).toFixed(2)}× one read of each)`,
  );

  // The pure computation, on rows already in memory, against a bare loop over the same rows.
  const oqc = Array.from({ length: cases }, (_, i) => ({
    caseId: caseIdOf(i),
    at: at(i),
    lotSize: 1500,
    severity: 'normal' as const,
    letter: 'K',
    sampleSize: 125,
    criticalFound: 0,
    major: { aql: 2.5, acceptance: 7, rejection: 8, found: found(i) },
    minor: { aql: 4, acceptance: 10, rejection: 11, found: found(i + 3) },
  }));
  const input = {
    cases: Array.from({ length: cases }, (_, i) => ({
      id: caseIdOf(i),
      factory: `Factory ${i % 50}`,
      currency: 'USD',
      wasHeld: found(i) >= 8,
      concessionCredit: 450,
      holdAt: at(i),
    })),
    oqc,
    reinspections: [],
    defects: Array.from({ length: cases * 3 }, (_, j) => ({
      caseId: caseIdOf(Math.floor(j / 3)),
      defectType: 'Misalignment',
      class: 'MAJOR',
    })),
    rework: [],
    settlements: Array.from({ length: cases }, (_, i) => ({ caseId: caseIdOf(i), recoveryRate: 0.95, settledAt: at(i + 48) })),
  };
  const compute = Array.from({ length: 7 }, () => {
    const start = process.hrtime.bigint();
    factoryScorecard(input, { edition: 'ISO 2859-1' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const bare = Array.from({ length: 7 }, () => {
    const start = process.hrtime.bigint();
    let sum = 0;
    for (const l of input.oqc) sum += l.major.found + l.minor.found;
    for (const d of input.defects) sum += d.defectType.length;
    if (sum < 0) throw new Error('unreachable');
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  console.log(
    `  compute (median of 7): ${median(compute).toFixed(1)} ms (target ≤ 300 ms); ratio to a bare pass over the rows: ${(median(compute) / median(bare)).toFixed(0)}×`,
  );
}
