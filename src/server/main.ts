// The add-on's one public surface. Every `global.NAME = function (...)` below becomes a top-level
// function in dist/Code.js (scripts/build.mjs), and the JSDoc block marked to be kept becomes the
// stub's JSDoc, which Sheets reads for formula autocomplete. Parameter names are what users see.
import { aqlSample } from '../functions/aqlSample';
import { aqlVerdict } from '../functions/aqlVerdict';
import { aqlOc, aqlPa } from '../functions/aqlOc';
import { aqlSwitching } from '../functions/aqlSwitching';
import { concessionDiscountFormula, concessionVsRework } from '../functions/concession';
import { defectClass, defectRule } from '../functions/defectClass';
import { recoveryRate } from '../functions/recoveryRate';
import { reinspectionPlanFormula } from '../functions/reinspectionPlan';
import { reworkCostFormula } from '../functions/reworkCost';
import { reworkSplit } from '../functions/reworkSplit';
import { reworkMilestones, reworkTimelineFormula } from '../functions/reworkTimeline';
import * as handlers from './handlers';
import type { SyncResult } from '../shared/contract';
import { formulaHelpHtml } from './help';
import { buildMenu } from './menu';
import { appsScript } from './services';
import { setupMessage } from './setupMessage';

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

/**
 * @preserve
 * Inspection severity for a supplier's next lot under the switching rules (ISO 2859-1 or MIL-STD-105E / Z1.4), from its lots in order.
 *
 * @param {Array<Array<number>>} defects_found Defective units found at each original inspection, oldest first (re-inspections left out).
 * @param {Array<Array<number>>} lot_sizes The lot size of each inspection, in the same order.
 * @param {string} [level] Inspection level: "II" (default), "I", "III", "S-1" to "S-4".
 * @param {number} [aql] AQL: 2.5 (default), a standard value from 0.010 to 1000.
 * @param {string} [edition] "ISO 2859-1" (default, with the switching score) or "105E" (also "Z1.4").
 * @param {boolean} [reduced_approved] TRUE when production is steady and reduced inspection is approved (105E: and the limit numbers are met or waived).
 * @return {Array<Array<string|number>>} Severity for the next lot (normal, tightened, reduced, discontinued, or "normal (reduced eligible)"), switching score, reason.
 * @customfunction
 */
global.AQL_SWITCHING = function (
  defects_found: unknown,
  lot_sizes: unknown,
  level?: unknown,
  aql?: unknown,
  edition?: unknown,
  reduced_approved?: unknown,
) {
  return aqlSwitching(defects_found, lot_sizes, level, aql, edition, reduced_approved);
};

/**
 * @preserve
 * Probability that a lot's sampling plan accepts a lot whose true defect rate is defect_rate: a point of the plan's OC curve.
 *
 * @param {number|Array<Array<number>>} defect_rate The lot's true defect rate as a fraction: 0.025 or 2.5%.
 * @param {number|Array<Array<number>>} lot_size Units in the lot.
 * @param {string} [level] Inspection level: "II" (default), "I", "III", "S-1" to "S-4".
 * @param {number} [aql] AQL: 2.5 (default), a standard value from 0.010 to 1000.
 * @param {string} [inspection] "normal" (default), "tightened" or "reduced".
 * @param {string} [basis] "binomial" (default up to AQL 10: percent nonconforming) or "poisson" (above 10: nonconformities per unit).
 * @return {number|Array<Array<number>>} Probability of acceptance, 0 to 1.
 * @customfunction
 */
global.AQL_OC = function (defect_rate: unknown, lot_size: unknown, level?: unknown, aql?: unknown, inspection?: unknown, basis?: unknown) {
  return aqlOc(defect_rate, lot_size, level, aql, inspection, basis);
};

/**
 * @preserve
 * Probability that any single sampling plan (sample size, acceptance number) accepts a lot at a true defect rate.
 *
 * @param {number|Array<Array<number>>} defect_rate The true defect rate as a fraction: 0.025 or 2.5%.
 * @param {number|Array<Array<number>>} sample_size Units sampled.
 * @param {number|Array<Array<number>>} acceptance_number The plan's Ac: the most defects that still accept.
 * @param {string} [basis] "binomial" (default) or "poisson".
 * @return {number|Array<Array<number>>} Probability of acceptance, 0 to 1.
 * @customfunction
 */
global.AQL_PA = function (defect_rate: unknown, sample_size: unknown, acceptance_number: unknown, basis?: unknown) {
  return aqlPa(defect_rate, sample_size, acceptance_number, basis);
};

/**
 * @preserve
 * Classifies a defect by the protocol's catalogue: CRITICAL, MAJOR, MINOR, or OK when the measurement is within tolerance.
 *
 * @param {string|Array<Array<string>>} defect_type The defect, e.g. "colour deviation", "loose thread", "seam pull test", "lead content".
 * @param {number|Array<Array<number>>} [measurement] The measured value in the type's unit (ΔE, cm, stitches, mm, kg, cycles, h, ppm, % by weight), or pass/fail.
 * @param {string|Array<Array<string>>} [context] Where it applies, for types that need it: "shoulder strap" or "main handle"; "exterior panel" or "non-critical panel".
 * @param {Array<Array<string>>} [settings] The RD Settings range ('RD Settings'!A:B), to classify by the thresholds edited there, as the case desk does.
 * @return {string|Array<Array<string>>} CRITICAL, MAJOR, MINOR or OK.
 * @customfunction
 */
global.DEFECT_CLASS = function (defect_type: unknown, measurement?: unknown, context?: unknown, settings?: unknown) {
  return defectClass(defect_type, measurement, context, settings);
};

/**
 * @preserve
 * The rule that decides a defect's class, in words a factory can be shown.
 *
 * @param {string|Array<Array<string>>} defect_type The defect, e.g. "colour deviation".
 * @param {number|Array<Array<number>>} [measurement] The measured value in the type's unit, or pass/fail.
 * @param {string|Array<Array<string>>} [context] Where it applies, for types that need it.
 * @param {Array<Array<string>>} [settings] The RD Settings range ('RD Settings'!A:B), to use the thresholds edited there.
 * @return {string|Array<Array<string>>} The deciding rule, e.g. "ΔE above 1.5 under D65 against the approved lab dip is major".
 * @customfunction
 */
global.DEFECT_RULE = function (defect_type: unknown, measurement?: unknown, context?: unknown, settings?: unknown) {
  return defectRule(defect_type, measurement, context, settings);
};

/**
 * @preserve
 * Rework cost: labour minutes ÷ 60 × hourly rate + consumables + QC re-inspection allocation, per unit or for all units. One currency throughout.
 *
 * @param {number|Array<Array<number>>} labour_minutes Skilled labour per unit, in minutes.
 * @param {number|Array<Array<number>>} hourly_rate Labour rate per hour, in the currency of the calculation.
 * @param {number|Array<Array<number>>} [consumables] Consumables per unit; a range is summed (zipper, edge paint, …); beside a column of units, one row of consumables per unit.
 * @param {number|Array<Array<number>>} [qc_allocation] QC re-inspection cost per unit.
 * @param {number|Array<Array<number>>} [units] Units to rework; omitted gives the cost per unit.
 * @return {number|Array<Array<number>>} Cost per unit, or the total for the units; one per row for ranges.
 * @customfunction
 */
global.REWORK_COST = function (
  labour_minutes: unknown,
  hourly_rate: unknown,
  consumables?: unknown,
  qc_allocation?: unknown,
  units?: unknown,
) {
  return reworkCostFormula(labour_minutes, hourly_rate, consumables, qc_allocation, units);
};

/**
 * @preserve
 * Splits a rework bill by cause: factory share and buyer share.
 *
 * @param {string|Array<Array<string>>} cause "material substitution", "workmanship", "process deviation" (factory 100%), "specification ambiguity" (50/50), "approved sample deviation" (70/30), "buyer-supplied material".
 * @param {number|Array<Array<number>>} direct_labour Direct rework labour cost.
 * @param {number|Array<Array<number>>} [other_costs] Consumables, parts and QC allocation.
 * @param {number|Array<Array<number>>} [repacking] Repacking cost.
 * @return {Array<Array<number>>} Factory share, buyer share.
 * @customfunction
 */
global.REWORK_SPLIT = function (cause: unknown, direct_labour: unknown, other_costs?: unknown, repacking?: unknown) {
  return reworkSplit(cause, direct_labour, other_costs, repacking);
};

/**
 * @preserve
 * Rework timeline in person-hours: operators needed for a schedule (rounded up), or days needed for a crew, and units per day.
 *
 * @param {number|Array<Array<number>>} units Units to rework.
 * @param {number|Array<Array<number>>} minutes_per_unit Minutes of rework per unit.
 * @param {number|Array<Array<number>>} [days] Promised schedule, in working days.
 * @param {number|Array<Array<number>>} [hours_per_day] Working hours per day; 8 when omitted.
 * @param {number|Array<Array<number>>} [operators] Operators assigned; with days, a fourth cell says whether they are enough.
 * @return {Array<Array<number|string>>} Person-hours, operators needed (or days needed), units per day[, OK or SHORT BY n OPERATORS].
 * @customfunction
 */
global.REWORK_TIMELINE = function (
  units: unknown,
  minutes_per_unit: unknown,
  days?: unknown,
  hours_per_day?: unknown,
  operators?: unknown,
) {
  return reworkTimelineFormula(units, minutes_per_unit, days, hours_per_day, operators);
};

/**
 * @preserve
 * Daily rework milestones: one row per day with the units to finish that day and the running total.
 *
 * @param {number} units Units to rework.
 * @param {number} days Working days in the schedule (up to 366).
 * @return {Array<Array<number>>} Day, units that day, cumulative units.
 * @customfunction
 */
global.REWORK_MILESTONES = function (units: unknown, days: unknown) {
  return reworkMilestones(units, days);
};

/**
 * @preserve
 * Re-inspection plan: 100% of reworked and adjacent units, Level III sampling of the rest at the same AQLs.
 *
 * @param {number|Array<Array<number>>} lot_size Units in the lot.
 * @param {number|Array<Array<number>>} reworked_units Units that were reworked.
 * @param {number|Array<Array<number>>} [adjacent_units] Units in the same cartons as reworked ones; 0 when omitted.
 * @param {number|Array<Array<number>>} [aql_major] AQL for major defects; 2.5 when omitted.
 * @param {number|Array<Array<number>>} [aql_minor] AQL for minor defects; 4.0 when omitted.
 * @return {Array<Array<number|string>>} Inspected 100%, remainder, code letter, sample size, major Ac, major Re, minor Ac, minor Re, total to inspect.
 * @customfunction
 */
global.REINSPECTION_PLAN = function (
  lot_size: unknown,
  reworked_units: unknown,
  adjacent_units?: unknown,
  aql_major?: unknown,
  aql_minor?: unknown,
) {
  return reinspectionPlanFormula(lot_size, reworked_units, adjacent_units, aql_major, aql_minor);
};

/**
 * @preserve
 * Blended concession discount as a fraction of the shipment value: Σ share of lot affected × discount, plus a share of the rework cost saved.
 *
 * @param {number|Array<Array<number>>} affected_shares Share of the lot affected per group (15% or 0.15).
 * @param {number|string|Array<Array<number|string>>} discounts Discount per group (10%), or a grade: "minor blemish", "noticeable cosmetic", "functional but usable".
 * @param {number} [rework_cost_saved] Rework cost the factory saves by not reworking.
 * @param {number} [shipment_value] Shipment value; needed with rework_cost_saved.
 * @param {number} [savings_share] Share of the saving passed to the buyer; 50% when omitted.
 * @return {number} The discount, e.g. 0.031 for 3.1%.
 * @customfunction
 */
global.CONCESSION_DISCOUNT = function (
  affected_shares: unknown,
  discounts: unknown,
  rework_cost_saved?: unknown,
  shipment_value?: unknown,
  savings_share?: unknown,
) {
  return concessionDiscountFormula(affected_shares, discounts, rework_cost_saved, shipment_value, savings_share);
};

/**
 * @preserve
 * Concession against rework for the buyer, counting the expected cost of returns.
 *
 * @param {number|Array<Array<number>>} affected_units Units with the defects a concession would accept.
 * @param {number|Array<Array<number>>} concession_credit The credit offered.
 * @param {number|Array<Array<number>>} return_rate Expected share of those units returned by customers (e.g. 5%).
 * @param {number|Array<Array<number>>} cost_per_return Cost of one return: shipping, restocking, lost unit.
 * @param {number|Array<Array<number>>} [buyer_rework_cost] What rework would cost the buyer; 0 when the factory pays.
 * @return {Array<Array<number|string>>} Expected returns cost, concession net, rework net, CONCESSION or REWORK.
 * @customfunction
 */
global.CONCESSION_VS_REWORK = function (
  affected_units: unknown,
  concession_credit: unknown,
  return_rate: unknown,
  cost_per_return: unknown,
  buyer_rework_cost?: unknown,
) {
  return concessionVsRework(affected_units, concession_credit, return_rate, cost_per_return, buyer_rework_cost);
};

/**
 * @preserve
 * Recovery rate of a settled case: (order value − rework cost − concession credit) ÷ order value.
 *
 * @param {number|Array<Array<number>>} order_value The order's value.
 * @param {number|Array<Array<number>>} rework_cost Rework cost of the case.
 * @param {number|Array<Array<number>>} [concession_credit] Concession credit granted; 0 when omitted.
 * @return {number|Array<Array<number>>} The recovery rate, e.g. 0.9556; one per row for ranges.
 * @customfunction
 */
global.RECOVERY_RATE = function (order_value: unknown, rework_cost: unknown, concession_credit?: unknown) {
  return recoveryRate(order_value, rework_cost, concession_credit);
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

/** @preserve Menu: turn this workbook into the case tracker, then say what changed. */
global.setUpCaseTracker = function () {
  const result = handlers.setup(appsScript);
  SpreadsheetApp.getUi().alert('Rework Desk', setupMessage(result), SpreadsheetApp.getUi().ButtonSet.OK);
};

/** @preserve Menu: the case desk sidebar. */
global.showPoAnnex = function () {
  const result = handlers.getDocument(appsScript, { kind: 'po-annex' });
  if (!result.ok) SpreadsheetApp.getUi().alert('Rework Desk', result.error, SpreadsheetApp.getUi().ButtonSet.OK);
};

global.refreshFactoryScorecard = function () {
  const result = handlers.refreshScorecard(appsScript);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'Rework Desk',
    result.ok
      ? `Factory scorecard refreshed: ${result.data.factories} factories in RD Factories, ${result.data.charts} charts in RD Charts.${result.data.problems ? ` ${result.data.problems} cell(s) could not be read.` : ''}`
      : result.error,
    ui.ButtonSet.OK,
  );
};

global.updateClientViews = function () {
  const result = handlers.syncClientViews(appsScript, {});
  const ui = SpreadsheetApp.getUi();
  ui.alert('Rework Desk', result.ok ? syncReport(result.data) : result.error, ui.ButtonSet.OK);
};

/** What Update client views found: the views, cases in none, and files no row records any more. */
function syncReport({ views, strays, orphans }: SyncResult): string {
  const late = views.filter((v) => !v.upToDate);
  return [
    views.length
      ? `${views.length - late.length} of ${views.length} client view(s) up to date.`
      : 'No client view is shared from this tracker: open the case desk, then Clients, to add a brand and share its view.',
    ...late.map((v) => `${v.client}: ${v.problem}`),
    ...(strays.length
      ? [
          `${strays.length} case(s) name a client that is not in RD Clients, so no client sees them: ${strays.join(', ')}. Move each to its client from the case desk.`,
        ]
      : []),
    ...orphans.map(
      (o) =>
        `A client file is no longer in RD Clients (its row was deleted?) and no longer updated: "${o.title}"${o.readers.length ? `, still readable by ${o.readers.join(', ')}` : ''} — ${o.fileUrl}. Put the row back, or delete the file in Drive.`,
    ),
  ].join('\n');
}

global.showCaseDesk = function () {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Rework Desk'));
};

// Sidebar handlers, called through google.script.run with one plain-JSON request each.
/** @preserve Sidebar: set up the tracker. */
global.rdSetupTracker = function () {
  return handlers.setup(appsScript);
};
/** @preserve Sidebar: every case with its status and next step. */
global.rdListCases = function () {
  return handlers.listCases(appsScript);
};
/** @preserve Sidebar: the workbook's settings, for its live figures. */
global.rdGetSettings = function () {
  return handlers.getSettings(appsScript);
};
/** @preserve Sidebar: one case in full. */
global.rdGetCase = function (request: unknown) {
  return handlers.getCase(appsScript, request);
};
/** @preserve Sidebar: open a case for a lot. */
global.rdCreateCase = function (request: unknown) {
  return handlers.createCase(appsScript, request);
};
/** @preserve Sidebar: record the OQC inspection; a failed lot goes on hold. */
global.rdRecordInspection = function (request: unknown) {
  return handlers.recordOqc(appsScript, request);
};
/** @preserve Sidebar: the agent was told of the hold. */
global.rdRecordAgentNotified = function (request: unknown) {
  return handlers.agentNotified(appsScript, request);
};
/** @preserve Sidebar: classify defective units. */
global.rdAddDefects = function (request: unknown) {
  return handlers.addDefects(appsScript, request);
};
/** @preserve Sidebar: photo and video links for a defective unit. */
global.rdSaveEvidence = function (request: unknown) {
  return handlers.saveEvidence(appsScript, request);
};
/** @preserve Sidebar: agree rework and/or a concession. */
global.rdAgree = function (request: unknown) {
  return handlers.agree(appsScript, request);
};
/** @preserve Sidebar: a unit's "Reworked" sticker. */
global.rdLogReworkedUnit = function (request: unknown) {
  return handlers.logReworkedUnit(appsScript, request);
};
/** @preserve Sidebar: supervision checklist sign-offs. */
global.rdSignChecklist = function (request: unknown) {
  return handlers.signChecklist(appsScript, request);
};
/** @preserve Sidebar: rework done under supervision. */
global.rdCompleteRework = function (request: unknown) {
  return handlers.completeRework(appsScript, request);
};
/** @preserve Sidebar: record the re-inspection. */
global.rdRecordReinspection = function (request: unknown) {
  return handlers.reinspect(appsScript, request);
};
/** @preserve Sidebar: settle and close the case. */
global.rdSettle = function (request: unknown) {
  return handlers.settle(appsScript, request);
};
/** @preserve Sidebar: correct a recorded fact (the time the agent was told, a photo or video link), with a reason. */
global.rdCorrect = function (request: unknown) {
  return handlers.correct(appsScript, request);
};
/** @preserve Sidebar: reopen a settled case, or a lot released by a mistaken OQC entry, with a reason. */
global.rdReopen = function (request: unknown) {
  return handlers.reopen(appsScript, request);
};
/** @preserve Sidebar: the sheet's selection, to open the case of the selected row or classify the selected rows. */
global.rdReadSelection = function () {
  return handlers.readSelection(appsScript);
};
global.rdGetDocument = function (request: unknown) {
  return handlers.getDocument(appsScript, request);
};
global.rdFactoryStatus = function (request: unknown) {
  return handlers.getFactoryStatus(appsScript, request);
};
global.rdRefreshScorecard = function () {
  return handlers.refreshScorecard(appsScript);
};
global.rdListClients = function () {
  return handlers.listClients(appsScript);
};
global.rdSaveClient = function (request: unknown) {
  return handlers.saveClient(appsScript, request);
};
global.rdShareWithClient = function (request: unknown) {
  return handlers.shareWithClient(appsScript, request);
};
global.rdSyncClientViews = function (request: unknown) {
  return handlers.syncClientViews(appsScript, request);
};
global.rdSetCaseClient = function (request: unknown) {
  return handlers.setCaseClient(appsScript, request);
};
global.rdSaveInternalNotes = function (request: unknown) {
  return handlers.saveInternalNotes(appsScript, request);
};
