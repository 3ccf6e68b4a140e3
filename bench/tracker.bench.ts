// Tracker figures: spreadsheet service calls per save as the tracker grows, and the time to
// summarise every case. Runs the built dist/Code.js in node:vm on the in-memory fake.
import { FakeSpreadsheet } from '../fakes/spreadsheet';
import { CASES, DEFECTS } from '../src/tracker/schema';
import { Desk } from '../test/support/desk';
import { loadBundle as load } from '../fakes/runtime';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Writes n cases (and defects per case) straight into the sheets, as a year of use would leave them. */
function seed(desk: Desk, cases: number, defectsPerCase: number): void {
  const caseHeader = CASES.columns.map((c) => c.key);
  const caseRows = Array.from({ length: cases }, (_, i) =>
    caseHeader.map((key) => {
      const values: Record<string, unknown> = {
        id: `RD-2025-${String(i + 1).padStart(5, '0')}`,
        status: 'classified',
        nextStep: '',
        createdAt: new Date(Date.UTC(2025, 0, 1)),
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
      };
      return values[key] ?? '';
    }),
  );
  desk.sheet(CASES.name).getRange(2, 1, cases, caseHeader.length).setValues(caseRows);
  if (defectsPerCase === 0) return;
  const defectKeys = DEFECTS.columns.map((c) => c.key);
  const defectRows: unknown[][] = [];
  for (let i = 0; i < cases; i++) {
    for (let d = 0; d < defectsPerCase; d++) {
      const values: Record<string, unknown> = {
        caseId: `RD-2025-${String(i + 1).padStart(5, '0')}`,
        unitRef: `U${d}`,
        defectType: 'Colour deviation',
        measurement: '1.7',
        class: 'MAJOR',
        rule: 'ΔE above 1.5',
        functional: false,
      };
      defectRows.push(defectKeys.map((key) => values[key] ?? ''));
    }
  }
  desk.sheet(DEFECTS.name).getRange(2, 1, defectRows.length, defectKeys.length).setValues(defectRows);
}

let dist: URL;
const loadBundle = (spreadsheet: FakeSpreadsheet) => load(spreadsheet, dist);

export function run(distDir: URL): void {
  dist = distDir;
  console.log('Spreadsheet service calls for one save (create a case), by cases already in the tracker');
  console.log('  cases   value reads+writes   all service calls');
  for (const n of [10, 1000, 10000]) {
    const desk = new Desk(loadBundle(new FakeSpreadsheet()));
    desk.ok('rdSetupTracker');
    seed(desk, n, 0);
    const counter = desk.bundle.spreadsheet.counter;
    counter.reset();
    desk.ok('rdCreateCase', { factory: 'Huadu', style: 'Crossbody', orderValue: 15000, lotSize: 1500 });
    const all = [...counter.counts.values()].reduce((a, b) => a + b, 0);
    console.log(`  ${String(n).padStart(5)}   ${String(counter.valueCalls()).padStart(18)}   ${String(all).padStart(17)}`);
  }

  const desk = new Desk(loadBundle(new FakeSpreadsheet()));
  desk.ok('rdSetupTracker');
  seed(desk, 10_000, 10);
  const list = () => desk.ok<unknown[]>('rdListCases');
  list();
  const runs = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    const cases = list();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (cases.length !== 10_000) throw new Error('summary lost cases');
    return ms;
  });
  // Baseline: only reading the two sheets' values, which any summary must do.
  const reads = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    desk.sheet(CASES.name).getDataRange().getValues();
    desk.sheet(DEFECTS.name).getDataRange().getValues();
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const summaryMs = median(runs);
  const readMs = median(reads);
  console.log('Case summary (rdListCases: status, next step, evidence gaps) over 10,000 cases and 100,000 defect rows');
  console.log(`  per summary (median of 5):  ${summaryMs.toFixed(0)} ms`);
  console.log(`  of which reading the sheets (the fake's getValues): ${readMs.toFixed(0)} ms`);
  console.log(`  compute, summary less reads: ${(summaryMs - readMs).toFixed(0)} ms   (target ≤ 300 ms)`);
  console.log(`  ratio summary / reads:      ${(summaryMs / readMs).toFixed(1)}×`);
}
