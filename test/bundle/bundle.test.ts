import * as acorn from 'acorn';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_JS, loadBundle, topLevelStubs } from '../support/loadBundle';
import type { LoadedBundle } from '../support/loadBundle';

// The public surface, as Apps Script must see it: name → parameters. Custom functions are upper case.
const PUBLIC_FUNCTIONS: Record<string, string[]> = {
  AQL_SAMPLE: ['lot_size', 'level', 'aql', 'inspection'],
  AQL_VERDICT: ['defects_found', 'lot_size', 'level', 'aql', 'inspection'],
  onOpen: ['e'],
  onInstall: ['e'],
  showFormulaHelp: [],
};
const isCustomFunction = (name: string) => name === name.toUpperCase();

let source: string;
let bundle: LoadedBundle;
beforeAll(() => {
  source = readFileSync(CODE_JS, 'utf8');
  bundle = loadBundle();
});

describe('dist/Code.js as Apps Script loads it', () => {
  it('exposes exactly the public functions, each a top-level declaration with its parameters', () => {
    const globals = Object.keys(bundle.global).filter((key) => typeof bundle.global[key] === 'function');
    expect(globals.sort()).toEqual(Object.keys(PUBLIC_FUNCTIONS).sort());
    const stubs = topLevelStubs(source);
    expect([...stubs.keys()].sort()).toEqual(Object.keys(PUBLIC_FUNCTIONS).sort());
    for (const [name, params] of Object.entries(PUBLIC_FUNCTIONS)) expect(stubs.get(name)!.params, name).toEqual(params);
  });

  it('puts each custom function’s JSDoc, with @customfunction, typed @params and @return, directly above it', () => {
    const stubs = topLevelStubs(source);
    for (const [name, params] of Object.entries(PUBLIC_FUNCTIONS)) {
      const { jsdoc } = stubs.get(name)!;
      if (!isCustomFunction(name)) {
        expect(jsdoc, name).not.toContain('@customfunction');
        continue;
      }
      expect(jsdoc, name).toContain('@customfunction');
      expect(jsdoc, name).toMatch(/@return \{[^}]+\} \S/);
      expect(jsdoc, name).not.toContain('@preserve');
      const documented = [...jsdoc.matchAll(/@param \{[^}]+\} \[?(\w+)\]? \S/g)].map((m) => m[1]);
      expect(documented, name).toEqual(params);
    }
  });

  it('is a plain ES2019 script with no module syntax, Node globals or timers', () => {
    expect(() => acorn.parse(source, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    const identifiers = new Set<string>();
    for (const token of acorn.tokenizer(source, { ecmaVersion: 2019 })) {
      if (token.type === acorn.tokTypes.name || token.type.keyword) identifiers.add(String((token as { value?: unknown }).value));
    }
    for (const forbidden of ['import', 'export', 'require', 'process', 'setTimeout', 'setInterval', 'module', 'exports']) {
      expect(identifiers.has(forbidden), forbidden).toBe(false);
    }
  });

  it('keeps the public JSDoc out of the bundle body, so it ships once', () => {
    expect(source.match(/@customfunction/g)).toHaveLength(Object.keys(PUBLIC_FUNCTIONS).filter(isCustomFunction).length);
  });
});

describe('formulas through the bundle', () => {
  it('AQL_SAMPLE gives the documented examples', () => {
    expect(bundle.call('AQL_SAMPLE', 1500)).toEqual([['K', 125, 7, 8]]);
    expect(bundle.call('AQL_SAMPLE', 1500, 'II', 4)).toEqual([['K', 125, 10, 11]]);
    expect(bundle.call('AQL_SAMPLE', 1200)).toEqual([['J', 80, 5, 6]]);
    expect(bundle.call('AQL_SAMPLE', 1488, 'III', 2.5)).toEqual([['L', 200, 10, 11]]);
    expect(bundle.call('AQL_SAMPLE', 1500, 'II', 2.5, 'tightened')).toEqual([['K', 125, 5, 6]]);
  });

  it('AQL_SAMPLE turns a column of lots into one row per lot, blanks staying blank', () => {
    expect(bundle.call('AQL_SAMPLE', [[1500], [''], [1200], [10]])).toEqual([
      ['K', 125, 7, 8],
      ['', '', '', ''],
      ['J', 80, 5, 6],
      ['C', 5, 0, 1],
    ]);
  });

  it('AQL_VERDICT gives the documented examples', () => {
    expect(bundle.call('AQL_VERDICT', 12, 1500, 'II', 2.5)).toBe('REJECT');
    expect(bundle.call('AQL_VERDICT', 22, 1500, 'II', 4)).toBe('REJECT');
    expect(bundle.call('AQL_VERDICT', 7, 1500)).toBe('ACCEPT');
    expect(bundle.call('AQL_VERDICT', 1, 1500, 'II', 0)).toBe('REJECT');
    expect(bundle.call('AQL_VERDICT', 4, 1500, 'II', 2.5, 'reduced')).toBe('ACCEPT (RESUME NORMAL)');
  });

  it('AQL_VERDICT broadcasts a range against single values and ranges of the same shape', () => {
    expect(bundle.call('AQL_VERDICT', [[7], [8], ['']], 1500)).toEqual([['ACCEPT'], ['REJECT'], ['']]);
    expect(bundle.call('AQL_VERDICT', [[5, 6]], [[1200, 1200]])).toEqual([['ACCEPT', 'REJECT']]);
  });

  it('throws errors that name the function and say what is allowed', () => {
    expect(() => bundle.call('AQL_SAMPLE', 'lots')).toThrow(/^AQL_SAMPLE: lot_size must be a number; got "lots"\.$/);
    expect(() => bundle.call('AQL_SAMPLE', 1500, 'IV')).toThrow(
      /^AQL_SAMPLE: level "IV" is not an inspection level; use one of S-1, S-2, S-3, S-4, I, II, III\.$/,
    );
    expect(() => bundle.call('AQL_SAMPLE', 1500, 'II', 3)).toThrow(
      /^AQL_SAMPLE: aql 3 is not a standard AQL; the nearest are 2\.5 and 4\.0/,
    );
    expect(() => bundle.call('AQL_SAMPLE', 1500, 'II', 2.5, 'strict')).toThrow(/^AQL_SAMPLE: inspection "strict" is not a severity/);
    expect(() => bundle.call('AQL_SAMPLE', [[1500], [-3]])).toThrow(
      /^AQL_SAMPLE: lot_size must be a whole number of 1 or more; got -3\. \(row 2, column 1 of the range\)$/,
    );
    expect(() => bundle.call('AQL_VERDICT', 'many', 1500)).toThrow(/^AQL_VERDICT: defects_found must be a number/);
    expect(() => bundle.call('AQL_VERDICT', [[1, 2]], [[1500], [1200]])).toThrow(
      /^AQL_VERDICT: lot_size is 2×1 but defects_found is 1×2; ranges must have the same shape\.$/,
    );
  });
});

describe('menu and dialogs', () => {
  it('builds the add-on menu under AuthMode.NONE touching only the Ui', () => {
    const touched: string[] = [];
    const fresh = loadBundle();
    const strictApp = new Proxy(
      { getUi: () => fresh.ui },
      {
        get(target, key: string) {
          touched.push(key);
          if (key !== 'getUi') throw new Error(`onOpen touched SpreadsheetApp.${key} under AuthMode.NONE`);
          return target.getUi;
        },
      },
    );
    fresh.global.SpreadsheetApp = strictApp;
    fresh.call('onOpen', { authMode: 'NONE' });
    fresh.call('onInstall', { authMode: 'NONE' });
    expect(touched.every((key) => key === 'getUi')).toBe(true);
    expect(fresh.ui.menus).toHaveLength(2);
    expect(fresh.ui.menus[0].entries.map((e) => e.callback)).toContain('showFormulaHelp');
    for (const entry of fresh.ui.menus[0].entries) {
      if (entry.callback) expect(typeof fresh.global[entry.callback], entry.callback).toBe('function');
    }
  });

  it('shows the formula help with every custom function in it', () => {
    bundle.call('showFormulaHelp');
    const shown = bundle.ui.shown.at(-1)!;
    expect(shown.kind).toBe('modeless');
    const html = shown.html!.getContent();
    for (const name of Object.keys(PUBLIC_FUNCTIONS).filter(isCustomFunction)) expect(html).toContain(`${name}(`);
  });
});
