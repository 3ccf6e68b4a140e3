// The README's test command. Runs vitest (which builds dist/ first), then prints the plain
// "N passed, N failed" line CI reads, counted from vitest's own JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// Static checks first: the fakes are held to @types/google-apps-script only by the compiler.
const checks = [
  ['typecheck', ['tsc', '-p', 'tsconfig.test.json']],
  ['lint', ['eslint', '.']],
];
const failedChecks = checks.filter(([name, args]) => {
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  if (result.status !== 0) console.error(`${name} failed`);
  return result.status !== 0;
});

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = json.numPendingTests + json.numTodoTests;
  summary = `${json.numPassedTests} passed, ${json.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
  if (json.numTotalTests === 0) run.status = 1;
} catch {
  summary = '0 passed, 1 failed';
  console.error(`No vitest report at ${report}: the run did not complete.`);
}
if (failedChecks.length) console.log(`checks failed: ${failedChecks.map(([name]) => name).join(', ')}`);
console.log(summary);
process.exit(failedChecks.length ? 1 : (run.status ?? 1));
