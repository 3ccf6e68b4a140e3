import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { FakeLockService, FakeSession, FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeHtmlService, FakeUi } from './ui';
import { FakeGoogleApis } from './advanced';

/** The build's output folder. Scripts that bundle this file elsewhere pass their own. */
export const DIST = new URL('../dist/', import.meta.url);
export const CODE_JS = new URL('Code.js', DIST);
export const SIDEBAR_HTML = new URL('Sidebar.html', DIST);

export interface LoadedBundle {
  /** The script's global object, as Apps Script would see it. */
  global: Record<string, unknown>;
  ui: FakeUi;
  html: FakeHtmlService;
  spreadsheet: FakeSpreadsheet;
  lock: FakeLockService;
  session: FakeSession;
  /** The Advanced Sheets and Drive services: the client files the add-on made. */
  google: FakeGoogleApis;
  /** What the script wrote with console.error. */
  errors: unknown[][];
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/**
 * Loads the built dist/Code.js the way Apps Script does: one script in a fresh global scope that
 * holds only the services we fake — no require, process, timers or module system.
 */
export function loadBundle(spreadsheet = new FakeSpreadsheet(), dist: URL = DIST): LoadedBundle {
  const ui = new FakeUi();
  const html = new FakeHtmlService({ Sidebar: readFileSync(new URL('Sidebar.html', dist), 'utf8') });
  const lock = new FakeLockService(spreadsheet.counter, spreadsheet.executions);
  const session = new FakeSession('agent@example.com');
  const errors: unknown[][] = [];
  const google = new FakeGoogleApis(session, spreadsheet.counter);
  const sandbox: Record<string, unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet, ui as unknown as GoogleAppsScript.Base.Ui),
    HtmlService: html,
    LockService: lock,
    Session: session,
    Sheets: google.sheets(),
    Drive: google.drive(),
    console: { error: (...args: unknown[]) => errors.push(args), log: () => undefined },
  };
  const context = vm.createContext(sandbox);
  spreadsheet.realm = { Date: vm.runInContext('Date', context) as DateConstructor };
  vm.runInContext(readFileSync(new URL('Code.js', dist), 'utf8'), context, { filename: 'Code.js' });
  return {
    global: context,
    ui,
    html,
    spreadsheet,
    lock,
    session,
    google,
    errors,
    /** One execution, as each google.script.run call or formula is in Apps Script: its writes land when it ends. */
    call<T>(name: string, ...args: unknown[]): T {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no function ${name}`);
      const end = spreadsheet.beginExecution();
      const execution = spreadsheet.executions.current;
      try {
        return fn(...args) as T;
      } finally {
        end();
        lock.endExecution(execution);
      }
    },
  };
}

/** The JSDoc block and parameter list of each top-level `function NAME(...)` in the source. */
export function topLevelStubs(source: string): Map<string, { params: string[]; jsdoc: string }> {
  const stubs = new Map<string, { params: string[]; jsdoc: string }>();
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?^function (\w+)\(([^)]*)\)/gm;
  for (const match of source.matchAll(pattern)) {
    stubs.set(match[2], {
      jsdoc: match[1] ?? '',
      params: match[3]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    });
  }
  return stubs;
}
