/**
 * Factory history: the switching severity a factory's next case starts at (read from its original
 * OQC inspections), and the scorecard in RD Factories with its charts in RD Charts.
 */
import { factoryKey, factoryStatus } from '../../core/factory/history';
import type { FactoryControls, FactoryStatus, OqcLot } from '../../core/factory/history';
import { factoryScorecard, firstPassByMonth } from '../../core/factory/scorecard';
import type { Severity } from '../../core/sampling/tables';
import type { FactoryStatusView, Result, ScorecardResult } from '../../shared/contract';
import { writeCharts } from '../../tracker/charts';
import { CASES, DEFECTS, FACTORIES, INSPECTIONS, REWORK, SETTLEMENTS } from '../../tracker/schema';
import { readAll } from '../../tracker/table';
import type { CellProblem, Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, text } from '../validate';
import { handle, locked, reader } from './common';

const date = (v: unknown) => (v instanceof Date ? v : undefined);
const num = (v: unknown) => Number(v) || 0;

/** An original OQC inspection as the switching rules read it; re-inspections and voided rows are not lots. */
export function oqcLotOf(v: Row): OqcLot | undefined {
  const at = date(v.at);
  if (v.kind !== 'OQC' || v.verdict === 'VOID' || !at) return undefined;
  return {
    caseId: String(v.caseId),
    at,
    lotSize: num(v.lotSize),
    severity: (String(v.severity) || 'normal') as Severity,
    letter: String(v.letter),
    sampleSize: num(v.sampleSize),
    criticalFound: num(v.criticalFound),
    major: { aql: num(v.aqlMajor), acceptance: num(v.majorAc), rejection: num(v.majorRe), found: num(v.majorFound) },
    minor: { aql: num(v.aqlMinor), acceptance: num(v.minorAc), rejection: num(v.minorRe), found: num(v.minorFound) },
  };
}

/** A pattern Sheets' TextFinder (RE2) and JavaScript read alike: the name in any case, spacing or punctuation. */
function lookAlike(name: string): string {
  const parts = name
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const letters = (word: string) =>
    [...word]
      .map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')))
      .join('');
  return `^[^A-Za-z0-9]*${parts.map(letters).join('[^A-Za-z0-9]*')}[^A-Za-z0-9]*$`;
}

function controlsOf(row: Row | undefined): FactoryControls {
  return { reducedApproved: row?.reducedApproved === true, correctiveActionAt: date(row?.correctiveActionAt) };
}

/** A factory's switching status from its own rows only: its cases found by name, their OQC rows by case ID. */
export function statusOfFactory(wb: Workbook, factory: string): FactoryStatus {
  const key = factoryKey(factory);
  const caseRows = wb
    .rowsAt(CASES, wb.find(CASES, 'factory', lookAlike(factory), true))
    .filter((r) => factoryKey(String(r.values.factory)) === key);
  const ids = caseRows.map((r) => String(r.values.id));
  const lots = ids.length
    ? wb
        .rowsAt(
          INSPECTIONS,
          wb.find(INSPECTIONS, 'caseId', `^(${ids.map((id) => id.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|')})$`, true),
        )
        .flatMap((r) => oqcLotOf(r.values) ?? [])
    : [];
  const control = wb
    .rowsAt(FACTORIES, wb.find(FACTORIES, 'factory', lookAlike(factory), true))
    .find((r) => factoryKey(String(r.values.factory)) === key);
  return factoryStatus(lots, wb.settings().edition, controlsOf(control?.values));
}

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

/**
 * Rebuilds RD Factories and RD Charts from one read of each sheet. The agent's own columns
 * (reduced inspection approved, corrective action) are kept; every computed one is rewritten.
 */
export function rebuildScorecard(wb: Workbook, chartSheet: (name: string) => GoogleAppsScript.Spreadsheet.Sheet): ScorecardResult {
  const problems: CellProblem[] = [];
  const all = (spec: typeof CASES, key: string): StoredRow[] => readAll(wb.spreadsheet, spec, key, problems);
  const cases = all(CASES, 'id');
  const inspections = all(INSPECTIONS, 'caseId');
  const defects = all(DEFECTS, 'caseId');
  const rework = all(REWORK, 'caseId');
  const settlements = all(SETTLEMENTS, 'caseId');
  const factoryRows = all(FACTORIES, 'factory');
  const controls = new Map(factoryRows.map((r) => [factoryKey(String(r.values.factory)), controlsOf(r.values)]));
  const oqc = inspections.flatMap((r) => oqcLotOf(r.values) ?? []);
  const settings = wb.settings();
  const scores = factoryScorecard(
    {
      cases: cases.map(({ values: v }) => ({
        id: String(v.id),
        factory: String(v.factory ?? ''),
        currency: String(v.currency ?? ''),
        wasHeld: v.wasHeld === true,
        concessionCredit: num(v.concessionCredit),
        holdAt: date(v.holdAt),
      })),
      oqc,
      reinspections: inspections
        .filter((r) => r.values.kind !== 'OQC' && r.values.verdict !== 'VOID' && date(r.values.at))
        .map(({ values: v }) => ({ caseId: String(v.caseId), at: date(v.at)!, verdict: String(v.verdict), newMajor: num(v.newMajor) })),
      defects: defects.map(({ values: v }) => ({ caseId: String(v.caseId), defectType: String(v.defectType), class: String(v.class) })),
      rework: rework.map(({ values: v }) => ({ caseId: String(v.caseId), totalCost: num(v.totalCost), factoryShare: num(v.factoryShare) })),
      settlements: settlements
        .filter((r) => !r.values.voided && date(r.values.settledAt))
        .map(({ values: v }) => ({ caseId: String(v.caseId), recoveryRate: num(v.recoveryRate), settledAt: date(v.settledAt)! })),
    },
    { edition: settings.edition, controls: (factory) => controls.get(factoryKey(factory)) },
  );
  const blank = (v: number | null) => (v === null ? '' : v);
  const existing = new Map(factoryRows.map((r) => [factoryKey(String(r.values.factory)), r]));
  for (const s of scores) {
    const values: Row = {
      factory: s.factory,
      severityMajor: s.status.major.severity,
      severityMinor: s.status.minor.severity,
      switching: `major — ${s.status.major.reason}; minor — ${s.status.minor.reason}`,
      lots: s.lots,
      firstPassRate: blank(s.firstPassRate),
      cases: s.cases,
      criticalPer100: blank(s.criticalPer100 === null ? null : Math.round(s.criticalPer100 * 100) / 100),
      majorPer100: blank(s.majorPer100 === null ? null : Math.round(s.majorPer100 * 100) / 100),
      minorPer100: blank(s.minorPer100 === null ? null : Math.round(s.minorPer100 * 100) / 100),
      topDefects: s.topDefects,
      reworkCost: s.reworkCost,
      factoryShare: s.factoryShare,
      concessionCredits: s.concessionCredits,
      meanDaysToRelease: blank(s.meanDaysToRelease === null ? null : Math.round(s.meanDaysToRelease * 10) / 10),
      reinspectionFirstPass: blank(s.reinspectionFirstPass),
      newMajorFailures: s.newMajorFailures,
      averageRecovery: blank(s.averageRecovery),
      refreshedAt: wb.now,
    };
    const row = existing.get(factoryKey(s.factory));
    if (row) wb.update(FACTORIES, row, values);
    else wb.append(FACTORIES, [values]);
  }
  const charts = writeCharts(chartSheet, {
    scores,
    months: firstPassByMonth(oqc, wb.timeZone()),
  });
  return { factories: scores.length, charts, problems: problems.length };
}

/** rdRefreshScorecard: the menu's "Refresh factory scorecard", and what runs after each settlement. */
export function refreshScorecard(services: Services): Result<ScorecardResult> {
  return handle(() =>
    locked(services, (wb) => rebuildScorecard(wb, (name) => wb.spreadsheet.getSheetByName(name) ?? wb.spreadsheet.insertSheet(name))),
  );
}
