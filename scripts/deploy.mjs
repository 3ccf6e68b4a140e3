// `npm run deploy`: build, push, and update the one deployment of the add-on — the one whose ID is
// "deploymentId" in .clasp.json (or RD_DEPLOYMENT_ID) — so testers keep the same deployment. The
// first time, with no ID yet, it creates the deployment and says where to keep its ID.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function run(args) {
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const project = JSON.parse(readFileSync(new URL('../.clasp.json', import.meta.url), 'utf8'));
const deploymentId = process.env.RD_DEPLOYMENT_ID || project.deploymentId;
run(['node', 'scripts/build.mjs']);
// --force: without it clasp skips a push whose manifest changed and, with no one to answer its
// prompt, still exits 0.
run(['clasp', 'push', '--force']);
if (deploymentId) {
  run(['clasp', 'create-deployment', '--deploymentId', deploymentId, '--description', `Rework Desk ${new Date().toISOString()}`]);
} else {
  run(['clasp', 'create-deployment', '--description', `Rework Desk ${new Date().toISOString()}`]);
  console.log('\nKeep the deployment ID above as "deploymentId" in .clasp.json: the next npm run deploy updates it.');
}
