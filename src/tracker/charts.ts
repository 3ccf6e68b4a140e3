/**
 * RD Charts: the scorecard's native Sheets charts and the data blocks they read, rewritten on each
 * refresh. The OC curve's plan is the agent's to choose (B2:B5); everything else is the add-on's.
 */
import type { FactoryScore } from '../core/factory/scorecard';
import { ocCurve, defaultBasis } from '../core/sampling/oc';
import { samplePlan } from '../core/sampling/samplePlan';
import { checkAql, parseLevel, parseSeverity } from '../core/sampling/vocabulary';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const CHARTS_SHEET = 'RD Charts';
/** Factories given a Pareto chart: those with the most defective units (a chart per factory past that crowds the sheet). */
export const PARETO_FACTORIES = 5;
const OC_POINTS = 41;
const DATA_ROW = 7;
const WIDTH = 13; // A:M

/** Text as Sheets must keep it: a leading apostrophe, so "2026-03" or "=X" stays text. */
const text = (value: string) => `'${value}`;

interface ChartData {
  scores: readonly FactoryScore[];
  months: ReadonlyArray<{ month: string; lots: number; firstPassRate: number }>;
}

function planInputs(sheet: Sheet): { lotSize: number; level: string; aql: number; severity: string; problem: string } {
  const [[lot], [level], [aql], [severity]] = sheet.getRange(2, 2, 4, 1).getValues();
  const fallback = { lotSize: 1500, level: 'II', aql: 2.5, severity: 'normal', problem: '' };
  if (lot === '' && level === '' && aql === '' && severity === '') return fallback;
  try {
    if (!Number.isInteger(Number(lot)) || Number(lot) < 1)
      throw new Error(`lot size must be a whole number of 1 or more, not "${String(lot)}"`);
    return {
      lotSize: Number(lot),
      level: parseLevel(String(level || 'II')),
      aql: checkAql(Number(aql === '' ? 2.5 : aql)),
      severity: parseSeverity(String(severity || 'normal')),
      problem: '',
    };
  } catch (error) {
    return { ...fallback, problem: `Could not read the plan (${(error as Error).message}); showing lot 1,500, II, AQL 2.5, normal.` };
  }
}

/** Writes the data blocks and rebuilds the charts; answers how many charts the sheet holds. */
export function writeCharts(sheetOf: (name: string) => Sheet, data: ChartData): number {
  const sheet = sheetOf(CHARTS_SHEET);
  const inputs = planInputs(sheet);
  const plan = samplePlan(inputs.lotSize, {
    level: inputs.level as never,
    aql: inputs.aql,
    severity: inputs.severity as never,
  });
  const basis = defaultBasis(plan.aql);
  const curve = ocCurve(plan.sampleSize, plan.acceptance, Math.max(plan.aql / 100, 0.01) * 5, basis, OC_POINTS);

  // One grid for everything from row 1: blocks side by side, blank where a block is shorter.
  const recovery = data.scores.filter((s) => s.averageRecovery !== null);
  const paretoOf = [...data.scores]
    .filter((s) => s.pareto.length)
    .sort((a, b) => b.pareto.reduce((n, p) => n + p.units, 0) - a.pareto.reduce((n, p) => n + p.units, 0))
    .slice(0, PARETO_FACTORIES);
  const paretoRows: Array<{ row: number; score: FactoryScore }> = [];
  let paretoAt = DATA_ROW;
  for (const score of paretoOf) {
    paretoRows.push({ row: paretoAt, score });
    paretoAt += score.pareto.length + 3;
  }
  const height = Math.max(
    DATA_ROW + OC_POINTS,
    DATA_ROW + data.months.length + 1,
    DATA_ROW + recovery.length + 1,
    paretoAt,
    sheet.getLastRow(),
  );
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  const grid: Array<Array<string | number>> = Array.from({ length: height }, () => new Array<string | number>(WIDTH).fill(''));
  const put = (row: number, col: number, value: string | number) => (grid[row - 1][col - 1] = value);

  put(1, 1, text('OC curve of a plan: edit B2:B5, then refresh the scorecard'));
  put(2, 1, text('Lot size'));
  put(3, 1, text('Level'));
  put(4, 1, text('AQL'));
  put(5, 1, text('Inspection'));
  put(2, 2, inputs.problem ? 1500 : inputs.lotSize);
  put(3, 2, text(plan.level));
  put(4, 2, plan.aql);
  put(5, 2, text(plan.severity));
  put(6, 1, text(inputs.problem || `Plan ${plan.letter}: n ${plan.sampleSize}, Ac ${plan.acceptance}, Re ${plan.rejection} (${basis})`));
  put(DATA_ROW, 1, text('True defect rate'));
  put(DATA_ROW, 2, text('P(accept)'));
  curve.forEach((p, i) => {
    put(DATA_ROW + 1 + i, 1, p.rate);
    put(DATA_ROW + 1 + i, 2, p.pa);
  });
  put(1, 4, text('OQC first pass by month'));
  put(DATA_ROW, 4, text('Month'));
  put(DATA_ROW, 5, text('Lots'));
  put(DATA_ROW, 6, text('OQC first pass'));
  data.months.forEach((m, i) => {
    put(DATA_ROW + 1 + i, 4, text(m.month));
    put(DATA_ROW + 1 + i, 5, m.lots);
    put(DATA_ROW + 1 + i, 6, m.firstPassRate);
  });
  put(1, 8, text('Recovery by factory'));
  put(DATA_ROW, 8, text('Factory'));
  put(DATA_ROW, 9, text('Average recovery'));
  recovery.forEach((s, i) => {
    put(DATA_ROW + 1 + i, 8, text(s.factory));
    put(DATA_ROW + 1 + i, 9, s.averageRecovery!);
  });
  put(1, 11, text(`Defect Pareto: the ${PARETO_FACTORIES} factories with the most defective units`));
  for (const { row, score } of paretoRows) {
    put(row, 11, text(score.factory));
    put(row + 1, 11, text('Defect type'));
    put(row + 1, 12, text('Units'));
    put(row + 1, 13, text('Cumulative'));
    score.pareto.forEach((p, i) => {
      put(row + 2 + i, 11, text(p.defectType));
      put(row + 2 + i, 12, p.units);
      put(row + 2 + i, 13, p.cumulative);
    });
  }
  sheet.getRange(1, 1, height, WIDTH).setValues(grid);
  sheet
    .getRangeList([
      `A${DATA_ROW + 1}:B${DATA_ROW + OC_POINTS}`,
      `F${DATA_ROW + 1}:F${height}`,
      `I${DATA_ROW + 1}:I${height}`,
      `M${DATA_ROW + 1}:M${height}`,
    ])
    .setNumberFormat('0.0%');

  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const insert = (build: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder) => sheet.insertChart(build.build());
  insert(
    sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange(DATA_ROW, 1, OC_POINTS + 1, 2))
      .setNumHeaders(1)
      .setOption(
        'title',
        `OC curve — lot ${plan.lotSize}, ${plan.level}, AQL ${plan.aql}, ${plan.severity}: n ${plan.sampleSize}, Ac ${plan.acceptance}`,
      )
      .setOption('hAxis.title', 'True defect rate')
      .setOption('vAxis.title', 'Probability of acceptance')
      .setPosition(2, 15, 0, 0),
  );
  if (data.months.length) {
    insert(
      sheet
        .newChart()
        .asLineChart()
        .addRange(sheet.getRange(DATA_ROW, 4, data.months.length + 1, 1))
        .addRange(sheet.getRange(DATA_ROW, 6, data.months.length + 1, 1))
        .setNumHeaders(1)
        .setOption('title', 'OQC first-pass rate by month')
        .setPosition(22, 15, 0, 0),
    );
  }
  if (recovery.length) {
    insert(
      sheet
        .newChart()
        .asBarChart()
        .addRange(sheet.getRange(DATA_ROW, 8, recovery.length + 1, 2))
        .setNumHeaders(1)
        .setOption('title', 'Average recovery by factory')
        .setPosition(42, 15, 0, 0),
    );
  }
  paretoRows.forEach(({ row, score }, i) => {
    insert(
      sheet
        .newChart()
        .asComboChart()
        .addRange(sheet.getRange(row + 1, 11, score.pareto.length + 1, 3))
        .setNumHeaders(1)
        .setOption('title', `Defect Pareto — ${score.factory}`)
        .setOption('seriesType', 'bars')
        .setOption('series', { 1: { type: 'line', targetAxisIndex: 1 } })
        .setPosition(62 + i * 20, 15, 0, 0),
    );
  });
  return sheet.getCharts().length;
}
