// The add-on's one public surface. Every `global.NAME = function (...)` below becomes a top-level
// function in dist/Code.js (scripts/build.mjs), and the JSDoc block marked to be kept becomes the
// stub's JSDoc, which Sheets reads for formula autocomplete. Parameter names are what users see.
import { aqlSample } from '../functions/aqlSample';
import { aqlVerdict } from '../functions/aqlVerdict';
import { formulaHelpHtml } from './help';
import { buildMenu } from './menu';

declare const global: Record<string, unknown>;

/**
 * @preserve
 * Sampling plan for a lot under ISO 2859-1 / ANSI/ASQ Z1.4 single sampling: code letter, sample size, Ac and Re.
 *
 * @param {number|Array<Array<number>>} lot_size Units in the lot; a column of lots gives one row per lot.
 * @param {string} [level] Inspection level: "II" (default), "I", "III", "S-1" to "S-4".
 * @param {number} [aql] AQL: 2.5 (default), a standard value from 0.010 to 1000, or 0 for zero tolerance.
 * @param {string} [inspection] "normal" (default), "tightened" or "reduced".
 * @return {Array<Array<string|number>>} Code letter, sample size (capped at the lot), acceptance number, rejection number.
 * @customfunction
 */
global.AQL_SAMPLE = function (lot_size: unknown, level?: unknown, aql?: unknown, inspection?: unknown) {
  return aqlSample(lot_size, level, aql, inspection);
};

/**
 * @preserve
 * Lot verdict for the defects found in an ISO 2859-1 sample: ACCEPT or REJECT.
 *
 * @param {number|Array<Array<number>>} defects_found Defective units (or nonconformities) found in the sample.
 * @param {number|Array<Array<number>>} lot_size Units in the lot.
 * @param {string} [level] Inspection level: "II" (default), "I", "III", "S-1" to "S-4".
 * @param {number} [aql] AQL: 2.5 (default), a standard value from 0.010 to 1000, or 0 for zero tolerance.
 * @param {string} [inspection] "normal" (default), "tightened" or "reduced".
 * @return {string|Array<Array<string>>} ACCEPT, REJECT, or under reduced inspection ACCEPT (RESUME NORMAL).
 * @customfunction
 */
global.AQL_VERDICT = function (defects_found: unknown, lot_size: unknown, level?: unknown, aql?: unknown, inspection?: unknown) {
  return aqlVerdict(defects_found, lot_size, level, aql, inspection);
};

/** @preserve Builds the add-on menu when the spreadsheet opens. */
global.onOpen = function (e: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(SpreadsheetApp.getUi());
};

/** @preserve Builds the menu right after the add-on is installed. */
global.onInstall = function (e: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(SpreadsheetApp.getUi());
};

/** @preserve Menu: the formula reference. */
global.showFormulaHelp = function () {
  const output = HtmlService.createHtmlOutput(formulaHelpHtml()).setWidth(560).setHeight(420);
  SpreadsheetApp.getUi().showModelessDialog(output, 'Rework Desk formulas');
};
