/**
 * The local preview: the real dist/Sidebar.html beside a view of the workbook, with
 * google.script.run bridged over HTTP to the real dist/Code.js running in node:vm on the in-memory
 * Sheets fake. The workbook is kept in a JSON file between runs. Listens on localhost only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { DIST, loadBundle } from '../fakes/runtime';
import type { LoadedBundle } from '../fakes/runtime';
import { FakeSpreadsheet } from '../fakes/spreadsheet';
import type { WorkbookSnapshot } from '../fakes/spreadsheet';
import type { Result } from '../src/shared/contract';
import { HANDLERS } from '../src/shared/contract';
import { loadExample } from './example';
import { PREVIEW_PAGE } from './page';

export interface PreviewOptions {
  port?: number;
  /** The built add-on (dist/); defaults to the repository's. */
  dist?: URL;
  /** Where the workbook is kept between runs; none keeps it in memory only. */
  stateFile?: string;
}

export interface Preview {
  url: string;
  bundle: LoadedBundle;
  close(): Promise<void>;
}

/** google.script.run for the preview: each call is a POST to /run/NAME with the arguments as JSON. */
const RUN_SHIM = `<script>
(function () {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, onFailure); };
        if (name === 'withFailureHandler') return function (fn) { return runner(onSuccess, fn); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (answer.error) { if (onFailure) onFailure(new Error(answer.error)); }
              else if (onSuccess) onSuccess(answer.value);
              if (window.parent !== window) window.parent.postMessage('rd:changed', location.origin);
              if (answer.dialog && window.parent !== window) window.parent.postMessage({ dialog: answer.dialog }, location.origin);
            })
            .catch(function (error) { if (onFailure) onFailure(error); });
        };
      }
    });
  }
  window.google = { script: { run: runner() } };
})();
</script>`;

const CALLABLE = new Set<string>(HANDLERS);
/** Menu items the preview's bar offers, by their function in Code.js. */
const MENU = new Set(['showPoAnnex', 'refreshFactoryScorecard', 'updateClientViews']);

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const spreadsheet = new FakeSpreadsheet(undefined, 'Rework Desk preview');
  const dist = options.dist ?? DIST;
  let bundle = loadBundle(spreadsheet, dist);
  // The workbook and the client files the add-on made, kept together between runs.
  if (options.stateFile && existsSync(options.stateFile)) {
    const saved = JSON.parse(readFileSync(options.stateFile, 'utf8')) as WorkbookSnapshot & { clientFiles?: unknown };
    spreadsheet.restore(saved);
    if (saved.clientFiles) bundle.google.load(saved.clientFiles);
  }
  const save = () => {
    if (!options.stateFile) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    writeFileSync(options.stateFile, JSON.stringify({ ...spreadsheet.snapshot(), clientFiles: bundle.google.dump() }));
  };
  const sidebar = readFileSync(new URL('Sidebar.html', dist), 'utf8').replace('<head>', () => `<head>${RUN_SHIM}`);
  const call = (name: string, args: unknown[]) => bundle.call<Result<unknown>>(name, ...args);
  // Dialogs the script opened (showModalDialog), served as Sheets would frame them.
  const dialogs: Array<{ title: string; html: string }> = [];
  const newDialog = (before: number) => {
    const shown = bundle.ui.shown.slice(before).filter((d) => d.kind === 'modal' || d.kind === 'modeless');
    const last = shown.at(-1);
    if (!last?.html) return undefined;
    dialogs.push({ title: last.title, html: last.html.getContent() });
    return { id: dialogs.length - 1, title: last.title, width: last.html.width, height: last.html.height };
  };

  const server = createServer((req, res) => {
    void route(req, res).catch((error: Error) => send(res, 500, 'application/json', JSON.stringify({ error: error.message })));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', PREVIEW_PAGE);
    if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebar);
    if (req.method === 'GET' && url.pathname === '/workbook') {
      const sheets = spreadsheet.sheets.map((s) => ({
        name: s.getName(),
        rows: s.dump().map((row) => row.map(display)),
        // Charts as the sheet holds them: type, title, and the columns of the ranges they read.
        charts: s.charts.map((c) => ({
          type: c.type,
          title: String(c.options.title ?? ''),
          columns: c.ranges.flatMap((r) => {
            const values = r.getValues();
            return values[0].map((_, col) => values.map((line) => display(line[col])));
          }),
        })),
      }));
      return send(res, 200, 'application/json', JSON.stringify({ sheets }));
    }
    // Every spreadsheet the add-on made for a client, with its readers: what each brand sees.
    if (req.method === 'GET' && url.pathname === '/client-files') {
      return send(res, 200, 'application/json', JSON.stringify(bundle.google.list()));
    }
    if (req.method === 'POST' && url.pathname.startsWith('/run/')) {
      const name = decodeURIComponent(url.pathname.slice('/run/'.length));
      if (!CALLABLE.has(name)) return send(res, 404, 'application/json', JSON.stringify({ error: `No server function ${name}` }));
      const args = JSON.parse((await body(req)) || '[]') as unknown[];
      let value: unknown;
      const before = bundle.ui.shown.length;
      try {
        value = call(name, Array.isArray(args) ? args : []);
      } catch (error) {
        return send(res, 200, 'application/json', JSON.stringify({ error: (error as Error).message }));
      }
      save();
      return send(res, 200, 'application/json', JSON.stringify({ value, dialog: newDialog(before) }));
    }
    if (req.method === 'POST' && url.pathname.startsWith('/menu/')) {
      const name = decodeURIComponent(url.pathname.slice('/menu/'.length));
      if (!MENU.has(name)) return send(res, 404, 'application/json', JSON.stringify({ error: `No menu item ${name}` }));
      const before = bundle.ui.shown.length;
      const alerts = bundle.ui.alerts.length;
      bundle.call(name);
      save();
      // An alert is its title, then its message: the bar shows the message.
      const alert = bundle.ui.alerts
        .slice(alerts)
        .at(-1)
        ?.replace(/^Rework Desk\n/, '');
      return send(res, 200, 'application/json', JSON.stringify({ dialog: newDialog(before), alert }));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/dialog/')) {
      const dialog = dialogs[Number(url.pathname.slice('/dialog/'.length))];
      return dialog ? send(res, 200, 'text/html; charset=utf-8', dialog.html) : send(res, 404, 'text/plain', 'No such dialog');
    }
    if (req.method === 'POST' && url.pathname === '/example') {
      const id = loadExample((handler, request) => call(handler, [request]));
      save();
      return send(res, 200, 'application/json', JSON.stringify({ value: id }));
    }
    if (req.method === 'POST' && url.pathname === '/cell') {
      // A user typing into a cell: one execution of its own, the value read as Sheets reads typing.
      const { sheet, row, column, value } = JSON.parse(await body(req)) as { sheet: string; row: number; column: number; value: string };
      const end = spreadsheet.beginExecution();
      try {
        spreadsheet.sheet(sheet).getRange(row, column).setValue(value);
      } catch (error) {
        return send(res, 200, 'application/json', JSON.stringify({ error: (error as Error).message }));
      } finally {
        end();
      }
      save();
      return send(res, 200, 'application/json', JSON.stringify({ value: true }));
    }
    // Who is running the add-on: a second agent shows what drive.file allows (only a file's maker writes it).
    if (req.method === 'POST' && url.pathname === '/user') {
      const { email } = JSON.parse(await body(req)) as { email: string };
      bundle.session.setEmail(String(email));
      return send(res, 200, 'application/json', JSON.stringify({ value: true }));
    }
    if (req.method === 'POST' && url.pathname === '/reset') {
      spreadsheet.restore({ sheets: [] });
      bundle = loadBundle(spreadsheet, dist);
      save();
      return send(res, 200, 'application/json', JSON.stringify({ value: true }));
    }
    send(res, 404, 'text/plain', 'Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get bundle() {
      return bundle;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function display(value: unknown): string | number | boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().replace('T', ' ').slice(0, 16);
  return value as string | number | boolean;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
      if (data.length > 1_000_000) reject(new Error('request too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(content);
}
