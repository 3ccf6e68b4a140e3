// `npm run bench`: figures, not pass/fail. Speed is reported as ratios to a baseline measured in
// the same process, because these machines are shared and absolute times drift.
import { readFileSync, statSync } from 'node:fs';
import vm from 'node:vm';
import { build } from 'esbuild';
import { buildDist } from '../scripts/build.mjs';

await buildDist();
const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
const context = vm.createContext({});
vm.runInContext(code, context, { filename: 'Code.js' });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function time(fn, runs = 31) {
  for (let i = 0; i < 5; i++) fn(); // warm up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

// 10,000 lots from 2 to 500,000 units, a fixed sequence so every run measures the same work.
const ROWS = 10_000;
let seed = 42;
const lots = Array.from({ length: ROWS }, () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return [2 + (seed % 500_000)];
});

// Baseline: the least any implementation must do per row — find the lot's range and read a
// precomputed plan — as a bare loop with no argument checking or arrow following.
const bounds = [8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, Infinity];
const plans = bounds.map((_, i) => ['ABCDEFGHJKLMNPQ'[i], 2 + i, 1, 2]);
const bareLookup = () => {
  const out = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const lot = lots[r][0];
    let i = 0;
    while (lot > bounds[i]) i++;
    out[r] = plans[i];
  }
  return out;
};

const formulaMs = time(() => context.AQL_SAMPLE(lots, 'II', 2.5, 'normal'));
const bareMs = time(bareLookup);
const rows = context.AQL_SAMPLE(lots, 'II', 2.5, 'normal').length;

const size = statSync(new URL('../dist/Code.js', import.meta.url)).size;
console.log('AQL_SAMPLE over a 10,000-row column, one call through dist/Code.js in node:vm');
console.log(`  rows returned:              ${rows}`);
console.log(`  per call (median of 31):    ${formulaMs.toFixed(2)} ms   (target ≤ 5 ms)`);
console.log(`  per row:                    ${((formulaMs / ROWS) * 1000).toFixed(3)} µs`);
console.log(`  bare lookup loop, per call: ${bareMs.toFixed(3)} ms`);
console.log(`  ratio formula / bare loop:  ${(formulaMs / bareMs).toFixed(1)}×`);
console.log(`dist/Code.js: ${(size / 1024).toFixed(1)} KB (${size} bytes; target for the whole add-on ≤ 100 KB)`);

// The tracker and sidebar benches are TypeScript (they drive the typed fakes and the browser
// helpers): bundle each for node and run it.
for (const name of ['tracker', 'sidebar']) {
  const out = new URL(`../test-results/bench/${name}.bench.mjs`, import.meta.url);
  await build({
    entryPoints: [new URL(`./${name}.bench.ts`, import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out.pathname,
    external: ['playwright-core', '@sparticuz/chromium'],
    logLevel: 'warning',
  });
  await (await import(out.href)).run(new URL('../dist/', import.meta.url));
}
