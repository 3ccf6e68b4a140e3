// `npm start`: builds the add-on and serves the local preview — the real sidebar beside the
// workbook, the real server code on an in-memory Sheets. The workbook is kept in
// .preview/workbook.json between runs. PORT picks the port (default 8080).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { buildDist } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await buildDist();
// The preview is TypeScript that shares the typed fakes with the tests: bundle it for node.
const out = `${root}.preview/server/preview.mjs`;
await build({
  entryPoints: [`${root}preview/server.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { startPreview } = await import(out);
const options = { dist: new URL('../dist/', import.meta.url), stateFile: `${root}.preview/workbook.json` };
let preview;
try {
  preview = await startPreview({ ...options, port: Number(process.env.PORT ?? 8080) });
} catch (error) {
  // 8080 taken and no PORT asked for: any free port will do.
  if (error.code !== 'EADDRINUSE' || process.env.PORT) throw error;
  preview = await startPreview({ ...options, port: 0 });
}
console.log(`Rework Desk preview: ${preview.url}  (Ctrl+C to stop; the workbook is kept in .preview/workbook.json)`);
