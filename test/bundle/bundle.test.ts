import * as acorn from 'acorn';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_JS, DIST, loadBundle, topLevelStubs } from '../../fakes/runtime';
import type { LoadedBundle } from '../../fakes/runtime';
import { HANDLERS } from '../../src/shared/contract';

// The public surface, as Apps Script must see it: name → parameters. Custom functions are upper case.
const PUBLIC_FUNCTIONS: Record<string, string[]> = {
  AQL_SAMPLE: ['lot_size', 'level', 'aql', 'inspection'],
  AQL_VERDICT: ['defects_found', 'lot_size', 'level', 'aql', 'inspection'],
  DEFECT_CLASS: ['defect_type', 'measurement', 'context', 'settings'],
  DEFECT_RULE: ['defect_type', 'measurement', 'context', 'settings'],
  AQL_SWITCHING: ['defects_found', 'lot_sizes', 'level', 'aql', 'edition', 'reduced_approved'],
  AQL_OC: ['defect_rate', 'lot_size', 'level', 'aql', 'inspection', 'basis'],
  AQL_PA: ['defect_rate', 'sample_size', 'acceptance_number', 'basis'],
  REWORK_COST: ['labour_minutes', 'hourly_rate', 'consumables', 'qc_allocation', 'units'],
  REWORK_SPLIT: ['cause', 'direct_labour', 'other_costs', 'repacking'],
  REWORK_TIMELINE: ['units', 'minutes_per_unit', 'days', 'hours_per_day', 'operators'],
  REWORK_MILESTONES: ['units', 'days'],
  REINSPECTION_PLAN: ['lot_size', 'reworked_units', 'adjacent_units', 'aql_major', 'aql_minor'],
  CONCESSION_DISCOUNT: ['affected_shares', 'discounts', 'rework_cost_saved', 'shipment_value', 'savings_share'],
  CONCESSION_VS_REWORK: ['affected_units', 'concession_credit', 'return_rate', 'cost_per_return', 'buyer_rework_cost'],
  RECOVERY_RATE: ['order_value', 'rework_cost', 'concession_credit'],
  onOpen: ['e'],
  onInstall: ['e'],
  showFormulaHelp: [],
  setUpCaseTracker: [],
  showCaseDesk: [],
  showPoAnnex: [],
  refreshFactoryScorecard: [],
  updateClientViews: [],
  rdSetupTracker: [],
  rdListCases: [],
  rdGetSettings: [],
  rdReadSelection: [],
  rdRefreshScorecard: [],
  rdListClients: [],
  ...Object.fromEntries(
    HANDLERS.filter(
      (h) => !['rdSetupTracker', 'rdListCases', 'rdGetSettings', 'rdReadSelection', 'rdRefreshScorecard', 'rdListClients'].includes(h),
    ).map((h) => [h, ['request']]),
  ),
};
const isCustomFunction = (name: string) => name === name.toUpperCase();

let source: string;
let bundle: LoadedBundle;
beforeAll(() => {
  source = readFileSync(CODE_JS, 'utf8');
  bundle = loadBundle();
});

describe('dist/Code.js as Apps Script loads it', () => {
  it('asks for the least it needs: four scopes, drive.file the only Drive one, and the two advanced services it calls', () => {
    const manifest = JSON.parse(readFileSync(new URL('appsscript.json', DIST), 'utf8')) as {
      oauthScopes: string[];
      dependencies: { enabledAdvancedServices: Array<{ userSymbol: string; serviceId: string; version: string }> };
    };
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/drive.file',
    ]);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
    // What would need the spreadsheets (sensitive) or drive (restricted) scope is never called.
    for (const wider of ['DriveApp', 'SpreadsheetApp.create', 'openById', 'openByUrl', 'UrlFetchApp'])
      expect(source, wider).not.toContain(wider);
  });

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

  it('loads and runs its formulas with no Apps Script service at all, as custom functions must', () => {
    // Custom functions run without authorisation: loading the script may touch no service.
    const context = vm.createContext({});
    vm.runInContext(source, context, { filename: 'Code.js' });
    expect(context.AQL_SAMPLE(1500)).toEqual([['K', 125, 7, 8]]);
    expect(context.RECOVERY_RATE(15000, 216, 450)).toBeCloseTo(0.9556, 4);
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
      /^AQL_SAMPLE: AQL 3 is not a standard AQL; the nearest are 2\.5 and 4\.0/,
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

  it('opens the case desk from the built Sidebar.html', () => {
    bundle.call('showCaseDesk');
    const shown = bundle.ui.shown.at(-1)!;
    expect(shown).toMatchObject({ kind: 'sidebar', title: 'Rework Desk' });
    const html = shown.html!.getContent();
    expect(html).toContain('id="case-select"');
    // Nothing is fetched: no script or stylesheet from elsewhere, no address but SVG's namespace name.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!photos\.example|www\.w3\.org\/2000\/svg['"])/);
  });

  it('shows the formula help with every custom function in it', () => {
    bundle.call('showFormulaHelp');
    const shown = bundle.ui.shown.at(-1)!;
    expect(shown.kind).toBe('modeless');
    const html = shown.html!.getContent();
    for (const name of Object.keys(PUBLIC_FUNCTIONS).filter(isCustomFunction)) expect(html).toContain(`${name}(`);
    // An installed add-on's formulas work only where it is enabled: the help says how.
    expect(html).toContain('Extensions → Add-ons → Manage add-ons → Use in this document');
  });
});

describe('every formula takes ranges, and gives a blank for a blank row', () => {
  it('REWORK_COST: one cost per row, a row of consumables per unit, blank rows blank', () => {
    const costs = bundle.call<number[][]>(
      'REWORK_COST',
      [[25], [''], [30]],
      25,
      [
        [1.2, 0.5],
        ['', ''],
        [1, ''],
      ],
      0.3,
    );
    expect(costs[0][0]).toBeCloseTo(12.4167, 4);
    expect(costs[1][0]).toBe('');
    expect(costs[2][0]).toBeCloseTo(30 * (25 / 60) + 1 + 0.3, 9);
    expect(() => bundle.call('REWORK_COST', [[25], [30]], 25, [[1], [2], [3]])).toThrow(
      /^REWORK_COST: consumables is 3×1 but the other ranges are 2×1/,
    );
  });

  it('REWORK_TIMELINE, REINSPECTION_PLAN and CONCESSION_VS_REWORK: one row per row, blank rows blank and as wide', () => {
    const timeline = bundle.call<unknown[][]>('REWORK_TIMELINE', [[400], [''], [400]], 40, [[3], [''], ['']], 8, [[11], [''], [5]]);
    expect(timeline[0][0]).toBeCloseTo(266.67, 2);
    expect(timeline.map((row) => row.slice(1))).toEqual([
      [12, 134, 'SHORT BY 1 OPERATOR'],
      ['', '', ''],
      [7, 58, ''],
    ]);
    expect(timeline[1][0]).toBe('');
    expect(bundle.call('REINSPECTION_PLAN', [[1500], ['']], [[12], ['']])).toEqual([
      [12, 1488, 'L', 200, 10, 11, 14, 15, 212],
      ['', '', '', '', '', '', '', '', ''],
    ]);
    expect(bundle.call('CONCESSION_VS_REWORK', [[22], ['']], 450, 0.05, 10)).toEqual([
      [11, 439, 0, 'CONCESSION'],
      ['', '', '', ''],
    ]);
  });

  it('RECOVERY_RATE over a column of cases, and REWORK_MILESTONES blank for a blank row', () => {
    const rates = bundle.call<unknown[][]>('RECOVERY_RATE', [[15000], [''], [8000]], [[216], [''], [0]], [[450], [''], ['']]);
    expect(rates[0][0]).toBeCloseTo(0.9556, 4);
    expect(rates.slice(1)).toEqual([[''], [1]]);
    expect(bundle.call('REWORK_MILESTONES', '', '')).toEqual([['']]);
  });

  it('DEFECT_CLASS with the RD Settings range classifies by the thresholds edited there, as the desk does', () => {
    const settings = [
      ['Setting', 'Value'],
      ['Threshold: Colour deviation, major above (ΔE)', 2],
      ['Currency', 'not read here'],
      ['', ''],
    ];
    expect(bundle.call('DEFECT_CLASS', 'colour deviation', 1.7)).toBe('MAJOR');
    expect(bundle.call('DEFECT_CLASS', 'colour deviation', 1.7, '', settings)).toBe('MINOR');
    expect(bundle.call('DEFECT_RULE', 'colour deviation', 2.5, '', settings)).toMatch(
      /above 2 ΔE is major \(threshold set in RD Settings\)$/,
    );
    expect(() => bundle.call('DEFECT_CLASS', 'colour deviation', 1.7, '', [['Setting'], ['x']])).toThrow(
      /^DEFECT_CLASS: settings must be two columns/,
    );
  });
});

describe('protocol formulas through the bundle', () => {
  it('DEFECT_CLASS gives the documented examples, and DEFECT_RULE says why', () => {
    const examples: Array<[unknown[], string]> = [
      [['colour deviation', 1.7], 'MAJOR'],
      [['colour deviation', 1.2], 'MINOR'],
      [['colour deviation', 0.8], 'OK'],
      [['loose thread', 2], 'MINOR'],
      [['skipped stitches', 4], 'MAJOR'],
      [['lead content', 120], 'CRITICAL'],
      [['seam pull test', 12, 'shoulder strap'], 'MAJOR'],
      [['seam pull test', 12, 'main handle'], 'OK'],
    ];
    for (const [args, expected] of examples) expect(bundle.call('DEFECT_CLASS', ...args), JSON.stringify(args)).toBe(expected);
    expect(bundle.call('DEFECT_CLASS', [['color deviation'], [''], ['sharp edge']], [[1.7], [''], ['']])).toEqual([
      ['MAJOR'],
      [''],
      ['CRITICAL'],
    ]);
    expect(bundle.call('DEFECT_RULE', 'skipped stitches', 4)).toBe('more than 3 consecutive skipped stitches is major');
  });

  it('REWORK_COST gives the documented examples', () => {
    expect(bundle.call<number>('REWORK_COST', 25, 25, 1.7, 0.3)).toBeCloseTo(12.4167, 4);
    expect(bundle.call<number>('REWORK_COST', 25, 25, 1.7, 0.3, 200)).toBeCloseTo(2483.33, 2);
    expect(bundle.call<number>('REWORK_COST', 25, 25, [[1.2, 0.5]], 0.3)).toBeCloseTo(12.4167, 4);
    expect(bundle.call<number>('REWORK_COST', 25, 25, [[1.2], [''], [0.5]])).toBeCloseTo(12.1167, 4);
  });

  it('REWORK_SPLIT gives the documented examples', () => {
    expect(bundle.call('REWORK_SPLIT', 'workmanship', 216)).toEqual([[216, 0]]);
    expect(bundle.call('REWORK_SPLIT', 'specification ambiguity', 1000)).toEqual([[500, 500]]);
    expect(bundle.call('REWORK_SPLIT', 'approved sample deviation', 1000)).toEqual([[700, 300]]);
    expect(bundle.call('REWORK_SPLIT', 'buyer-supplied material', 800, 0, 150)).toEqual([[150, 800]]);
    expect(bundle.call('REWORK_SPLIT', [['Workmanship'], ['SPECIFICATION AMBIGUITY']], [[100], [100]])).toEqual([
      [100, 0],
      [50, 50],
    ]);
  });

  it('REWORK_TIMELINE and REWORK_MILESTONES give the documented examples', () => {
    const [[hours, operators, perDay]] = bundle.call<number[][]>('REWORK_TIMELINE', 400, 40, 3, 8);
    expect([Math.round(hours * 100) / 100, operators, perDay]).toEqual([266.67, 12, 134]);
    const [[, operators7, perDay7]] = bundle.call<number[][]>('REWORK_TIMELINE', 400, 40, 7, 8);
    expect([operators7, perDay7]).toEqual([5, 58]);
    expect(bundle.call<unknown[][]>('REWORK_TIMELINE', 400, 40, 3, 8, 11)[0][3]).toBe('SHORT BY 1 OPERATOR');
    expect(bundle.call<unknown[][]>('REWORK_TIMELINE', 400, 40, '', 8, 5)[0].slice(1)).toEqual([7, 58]);
    expect(bundle.call('REWORK_MILESTONES', 400, 3)).toEqual([
      [1, 134, 134],
      [2, 133, 267],
      [3, 133, 400],
    ]);
  });

  it('REINSPECTION_PLAN gives the documented example', () => {
    expect(bundle.call('REINSPECTION_PLAN', 1500, 12)).toEqual([[12, 1488, 'L', 200, 10, 11, 14, 15, 212]]);
  });

  it('CONCESSION_DISCOUNT gives the documented examples, with grades by name', () => {
    expect(bundle.call<number>('CONCESSION_DISCOUNT', [[0.15], [0.08]], [[0.1], [0.2]])).toBeCloseTo(0.031, 10);
    expect(bundle.call<number>('CONCESSION_DISCOUNT', [[0.15], [0.08]], [[0.1], [0.2]], 2500, 100000)).toBeCloseTo(0.0435, 10);
    expect(bundle.call<number>('CONCESSION_DISCOUNT', [[0.15], [0.08]], [['minor blemish'], ['Noticeable cosmetic']])).toBeCloseTo(
      0.031,
      10,
    );
    expect(bundle.call<number>('CONCESSION_DISCOUNT', [['15%'], ['8%']], [['10%'], ['20%']])).toBeCloseTo(0.031, 10);
  });

  it('CONCESSION_VS_REWORK and RECOVERY_RATE give the documented examples', () => {
    expect(bundle.call('CONCESSION_VS_REWORK', 22, 450, 0.05, 10)).toEqual([[11, 439, 0, 'CONCESSION']]);
    expect(bundle.call<number>('RECOVERY_RATE', 15000, 216, 450)).toBeCloseTo(0.9556, 4);
  });

  it('AQL_OC and AQL_PA give a plan’s probability of acceptance, cell by cell', () => {
    // K, 125, Ac 7 at a true 2.5%: 98.64% (binomial).
    expect(bundle.call<number>('AQL_OC', 0.025, 1500)).toBeCloseTo(0.98638, 5);
    expect(bundle.call<number>('AQL_OC', 0.025, 1500, 'II', 2.5, 'normal', 'poisson')).toBeCloseTo(0.98516, 5);
    expect(bundle.call('AQL_OC', [[0], [''], [1]], 1500)).toEqual([[1], [''], [0]]);
    // A lot truly at the 9.6% the case study's sample showed passes that plan 7.9% of the time.
    expect(bundle.call<number>('AQL_PA', 0.096, 125, 7)).toBeCloseTo(0.07885, 5);
    expect(bundle.call('AQL_PA', '', 125, 7)).toBe('');
  });

  it('AQL_SWITCHING replays a column of lots and gives the next lot’s severity, score and reason', () => {
    const lots = (...found: number[]) => [found.map((f) => [f]), found.map(() => [1500])];
    expect(bundle.call('AQL_SWITCHING', ...lots(8, 0, 0, 9))).toEqual([
      ['tightened', '', 'tightened: 2 of the last 4 lots not accepted — lot 1, lot 4'],
    ]);
    expect(bundle.call('AQL_SWITCHING', ...lots(5, 5, 5))).toEqual([['normal', 9, 'normal: switching score 9']]);
    const ten = lots(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    expect((bundle.call('AQL_SWITCHING', ...ten) as unknown[][])[0][0]).toBe('normal (reduced eligible)');
    expect((bundle.call('AQL_SWITCHING', ...ten, 'II', 2.5, 'ISO 2859-1', true) as unknown[][])[0].slice(0, 2)).toEqual(['reduced', '']);
    expect((bundle.call('AQL_SWITCHING', ...ten, '', '', 'Z1.4') as unknown[][])[0][1]).toBe('');
    // One lot size for every lot; TRUE typed as text reads as TRUE.
    expect(bundle.call('AQL_SWITCHING', [[8], [9]], 1500)).toEqual([
      ['tightened', '', 'tightened: 2 of the last 2 lots not accepted — lot 1, lot 2'],
    ]);
    expect((bundle.call('AQL_SWITCHING', ...ten, 'II', 2.5, '', 'true') as unknown[][])[0][0]).toBe('reduced');
    // Blank rows at the end of a growing column are skipped.
    expect(bundle.call('AQL_SWITCHING', [[8], [9], ['']], [[1500], [1500], ['']])).toEqual([
      ['tightened', '', 'tightened: 2 of the last 2 lots not accepted — lot 1, lot 2'],
    ]);
  });

  it('refuses bad input with errors that name the formula', () => {
    const cases: Array<[string, unknown[], RegExp]> = [
      ['AQL_OC', [2.5, 1500], /^AQL_OC: defect_rate is a fraction of the units: 2\.5% or 0\.025, not 2\.5\.$/],
      ['AQL_OC', [0.02, 1500, 'II', 2.5, 'normal', 'gauss'], /^AQL_OC: basis must be "binomial" or "poisson"/],
      ['AQL_PA', [0.02, 0, 1], /^AQL_PA: sample_size must be a whole number of 1 or more/],
      [
        'AQL_SWITCHING',
        [
          [[1], [2]],
          [[1500], [1500], [1500]],
        ],
        /^AQL_SWITCHING: defects_found has 2 cells but lot_sizes has 3/,
      ],
      ['AQL_SWITCHING', [[[1]], [[1500]], 'II', 2.5, 'BS 6001'], /^AQL_SWITCHING: edition must be/],
      ['AQL_SWITCHING', [[[1]], [[1500]], 'II', 2.5, '', 'yes'], /^AQL_SWITCHING: reduced_approved must be TRUE or FALSE/],
      ['DEFECT_CLASS', ['wobbly handle'], /^DEFECT_CLASS: unknown defect type "wobbly handle"; known types: colour deviation, /],
      ['DEFECT_CLASS', ['colour deviation'], /^DEFECT_CLASS: colour deviation needs a measurement/],
      ['DEFECT_CLASS', ['colour deviation', 'dark'], /^DEFECT_CLASS: the measurement for colour deviation must be a number of ΔE/],
      [
        'DEFECT_CLASS',
        [
          [['colour'], ['zip'], ['lead']],
          [[1], [2]],
        ],
        /^DEFECT_CLASS: measurement is 2×1 but defect_type is 3×1; ranges must have the same shape\.$/,
      ],
      ['REWORK_COST', ['twenty', 25], /^REWORK_COST: labour_minutes must be a number; got "twenty"\.$/],
      ['REWORK_COST', [25, -25], /^REWORK_COST: hourly rate must be a number, 0 or more; got -25\.$/],
      [
        'REWORK_COST',
        [
          [[25], [30]],
          [[25], [25], [25]],
        ],
        /^REWORK_COST: hourly_rate is 3×1 but labour_minutes is 2×1; ranges must have the same shape\.$/,
      ],
      ['REWORK_COST', [25, 25, 1, 0, 2.5], /^REWORK_COST: units must be a whole number of 0 or more; got 2\.5\.$/],
      ['REWORK_SPLIT', ['bad luck', 100], /^REWORK_SPLIT: unknown cause "bad luck"; known causes: material substitution, /],
      ['REWORK_SPLIT', ['workmanship', -5], /^REWORK_SPLIT: direct_labour must be 0 or more; got -5\.$/],
      ['REWORK_TIMELINE', [400, 0, 3], /^REWORK_TIMELINE: minutes per unit must be a number above 0; got 0\.$/],
      ['REWORK_TIMELINE', [400, 40, 2.5], /^REWORK_TIMELINE: days must be a whole number above 0; got 2\.5\.$/],
      ['REWORK_MILESTONES', [400, 0], /^REWORK_MILESTONES: days must be a whole number of 1 or more; got 0\.$/],
      ['REINSPECTION_PLAN', [10, 12], /^REINSPECTION_PLAN: reworked and adjacent units \(12\) cannot exceed the lot size \(10\)\.$/],
      ['REINSPECTION_PLAN', [1500, 12, 0, 3], /^REINSPECTION_PLAN: AQL 3 is not a standard AQL; the nearest are 2\.5 and 4\.0/],
      [
        'CONCESSION_DISCOUNT',
        [[[0.15], [0.08]], [[0.1]]],
        /^CONCESSION_DISCOUNT: affected_shares is 2×1 but discounts is 1×1; give one discount per share\.$/,
      ],
      [
        'CONCESSION_DISCOUNT',
        [
          [[0.7], [0.4]],
          [[0.1], [0.1]],
        ],
        /^CONCESSION_DISCOUNT: the affected shares add up to 110%; they cannot exceed 100% of the lot\.$/,
      ],
      ['CONCESSION_DISCOUNT', [1.5, 0.1], /^CONCESSION_DISCOUNT: an affected share must be between 0 and 1 \(0% to 100%\); got 1\.5\.$/],
      ['CONCESSION_DISCOUNT', [[['']], [['']]], /^CONCESSION_DISCOUNT: affected_shares is empty/],
      [
        'CONCESSION_DISCOUNT',
        [0.1, 'huge'],
        /^CONCESSION_DISCOUNT: unknown grade "huge"; use minor blemish, noticeable cosmetic, functional but usable, or a discount such as 10%\.$/,
      ],
      ['CONCESSION_DISCOUNT', [0.1, 0.1, 2500], /^CONCESSION_DISCOUNT: a shipment value above 0 is needed/],
      ['CONCESSION_VS_REWORK', [22, 450, 5, 10], /^CONCESSION_VS_REWORK: return rate must be between 0 and 1/],
      ['RECOVERY_RATE', [0, 216, 450], /^RECOVERY_RATE: order value must be above 0; got 0\.$/],
      ['RECOVERY_RATE', ['abc', 216, 450], /^RECOVERY_RATE: order_value must be a number; got "abc"\.$/],
    ];
    for (const [name, args, message] of cases)
      expect(() => bundle.call(name, ...args), `${name}(${JSON.stringify(args)})`).toThrow(message);
  });
});
