/**
 * Factory history: the switching severity a factory's next case starts at (read from its original
 * OQC inspections), and the scorecard in RD Factories with its charts in RD Charts.
 */
import { factoryKey } from '../../core/factory/history';
import type { FactoryStatus, OqcLot } from '../../core/factory/history';
import type { FactoryScore } from '../../core/factory/scorecard';
import { factoryScorecard, firstPassByMonth } from '../../core/factory/scorecard';
import type { FactoryStatusView, Result, ScorecardResult } from '../../shared/contract';
import { writeCharts } from '../../tracker/charts';
import { CASES, DEFECTS, FACTORIES, INSPECTIONS, REWORK, SETTLEMENTS } from '../../tracker/schema';
import { readAll } from '../../tracker/table';
import type { CellProblem, Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, text } from '../validate';
import { handle, locked, reader } from './common';
import { anyOf, controlsOf, date, factoryRows, num, oqcLotOf, statusOfFactory } from './factoryRecord';

export function statusView(status: FactoryStatus, edition: string): FactoryStatusView {
  return { ...status, edition };
}

/** rdFactoryStatus({factory}): the severities a new case for the factory starts at, with the reasons. */
export function getFactoryStatus(services: Services, request: unknown): Result<FactoryStatusView> {
  return handle(() => {
    const f = fields(request);
    const wb = reader(services);
    return statusView(statusOfFactory(wb, text(f, 'factory', 'Factory', { required: true, max: 200 })), wb.settings().edition);
  }, 'read');
}

interface Rows {
  cases: readonly StoredRow[];
  inspections: readonly StoredRow[];
  defects: readonly StoredRow[];
  rework: readonly StoredRow[];
  settlements: readonly StoredRow[];
  factories: readonly StoredRow[];
}

/** The scorecard of the factories these rows belong to, and their OQC lots (for the trend chart). */
function scoresOf(wb: Workbook, rows: Rows): { scores: FactoryScore[]; oqc: OqcLot[] } {
  const controls = new Map(rows.factories.map((r) => [factoryKey(String(r.values.factory)), controlsOf(r.values, wb.timeZone())]));
  const oqc = rows.inspections.flatMap((r) => oqcLotOf(r.values) ?? []);
  const scores = factoryScorecard(
    {
      cases: rows.cases.map(({ values: v }) => ({
        id: String(v.id),
        factory: String(v.factory ?? ''),
        currency: String(v.currency ?? ''),
        wasHeld: v.wasHeld === true,
        concessionCredit: num(v.concessionCredit),
        holdAt: date(v.holdAt),
      })),
      oqc,
      reinspections: rows.inspections
        .filter((r) => r.values.kind !== 'OQC' && r.values.verdict !== 'VOID' && date(r.values.at))
        .map(({ values: v }) => ({ caseId: String(v.caseId), at: date(v.at)!, verdict: String(v.verdict), newMajor: num(v.newMajor) })),
      defects: rows.defects.map(({ values: v }) => ({
        caseId: String(v.caseId),
        defectType: String(v.defectType),
        class: String(v.class),
      })),
      rework: rows.rework.map(({ values: v }) => ({
        caseId: String(v.caseId),
        totalCost: num(v.totalCost),
        factoryShare: num(v.factoryShare),
      })),
      settlements: rows.settlements
        .filter((r) => !r.values.voided && date(r.values.settledAt))
        .map(({ values: v }) => ({ caseId: String(v.caseId), recoveryRate: num(v.recoveryRate), settledAt: date(v.settledAt)! })),
    },
    { edition: wb.settings().edition, controls: (factory) => controls.get(factoryKey(factory)) },
  );
  return { scores, oqc };
}

/** Stages each factory's computed columns; the agent's own (approval, corrective action) are left as they are. */
function writeScores(wb: Workbook, scores: readonly FactoryScore[], existing: readonly StoredRow[]): void {
  const blank = (v: number | null, places?: number) =>
    v === null ? '' : places === undefined ? v : Math.round(v * 10 ** places) / 10 ** places;
  const byKey = new Map(existing.map((r) => [factoryKey(String(r.values.factory)), r]));
  for (const s of scores) {
    const values: Row = {
      factory: s.factory,
      severityMajor: s.status.major.severity,
      severityMinor: s.status.minor.severity,
      switching: `major — ${s.status.major.reason}; minor — ${s.status.minor.reason}`,
      lots: s.lots,
      firstPassRate: blank(s.firstPassRate),
      cases: s.cases,
      criticalPer100: blank(s.criticalPer100, 2),
      majorPer100: blank(s.majorPer100, 2),
      minorPer100: blank(s.minorPer100, 2),
      topDefects: s.topDefects,
      reworkCost: s.reworkCost,
      factoryShare: s.factoryShare,
      concessionCredits: s.concessionCredits,
      meanDaysToRelease: blank(s.meanDaysToRelease, 1),
      reinspectionFirstPass: blank(s.reinspectionFirstPass),
      newMajorFailures: s.newMajorFailures,
      averageRecovery: blank(s.averageRecovery),
      refreshedAt: wb.now,
    };
    const row = byKey.get(factoryKey(s.factory));
    if (row) wb.update(FACTORIES, row, values);
    else wb.append(FACTORIES, [values]);
  }
}

/**
 * Rebuilds RD Factories and RD Charts from one read of each sheet. The agent's own columns
 * (reduced inspection approved, corrective action) are kept; every computed one is rewritten.
 */
export function rebuildScorecard(wb: Workbook, chartSheet: (name: string) => GoogleAppsScript.Spreadsheet.Sheet): ScorecardResult {
  const problems: CellProblem[] = [];
  const all = (spec: typeof CASES, key: string): StoredRow[] => readAll(wb.spreadsheet, spec, key, problems);
  const rows: Rows = {
    cases: all(CASES, 'id'),
    inspections: all(INSPECTIONS, 'caseId'),
    defects: all(DEFECTS, 'caseId'),
    rework: all(REWORK, 'caseId'),
    settlements: all(SETTLEMENTS, 'caseId'),
    factories: all(FACTORIES, 'factory'),
  };
  const { scores, oqc } = scoresOf(wb, rows);
  writeScores(wb, scores, rows.factories);
  const charts = writeCharts(chartSheet, { scores, months: firstPassByMonth(oqc, wb.timeZone()) });
  return { factories: scores.length, charts, problems: problems.length };
}

/**
 * One factory's row, from its own rows only (found by Sheets' text finder, as a save finds a
 * case's): what a settlement refreshes, at a cost that does not grow with the other factories'
 * history. The charts wait for the menu's full refresh.
 */
export function refreshFactoryRow(wb: Workbook, factory: string): void {
  const { cases, factories } = factoryRows(wb, factory);
  const ids = anyOf(cases.map((r) => String(r.values.id)));
  const of = (spec: typeof CASES) => (cases.length ? wb.rowsAt(spec, wb.find(spec, 'caseId', ids, true)) : []);
  const rows: Rows = {
    cases,
    inspections: of(INSPECTIONS),
    defects: of(DEFECTS),
    rework: of(REWORK),
    settlements: of(SETTLEMENTS),
    factories,
  };
  writeScores(wb, scoresOf(wb, rows).scores, factories);
}

/** rdRefreshScorecard: the menu's "Refresh factory scorecard" — every factory, and the charts. */
export function refreshScorecard(services: Services): Result<ScorecardResult> {
  return handle(() =>
    locked(services, (wb) => rebuildScorecard(wb, (name) => wb.spreadsheet.getSheetByName(name) ?? wb.spreadsheet.insertSheet(name))),
  );
}

/** After a settlement: the settled case's factory row, in a step of its own. */
export function refreshFactory(services: Services, factory: string): Result<void> {
  return handle(() => locked(services, (wb) => refreshFactoryRow(wb, factory)));
}
