import { formatMoney, roundMoney } from '../money';
import { formatInZone } from '../time';
import { factoryKey, factoryStatus } from './history';
import type { FactoryControls, FactoryStatus, OqcLot } from './history';
import type { Edition } from '../sampling/switching';

/**
 * The factory scorecard: one row per factory from one pass over the tracker's rows. Money is kept
 * per currency — a factory paid in USD and CNY has two figures, never one sum of both.
 */
export interface ScorecardInput {
  cases: ReadonlyArray<{ id: string; factory: string; currency: string; wasHeld: boolean; concessionCredit: number; holdAt?: Date }>;
  oqc: readonly OqcLot[];
  reinspections: ReadonlyArray<{ caseId: string; at: Date; verdict: string; newMajor: number }>;
  defects: ReadonlyArray<{ caseId: string; defectType: string; class: string }>;
  rework: ReadonlyArray<{ caseId: string; totalCost: number; factoryShare: number }>;
  settlements: ReadonlyArray<{ caseId: string; recoveryRate: number; settledAt: Date }>;
}

export interface FactoryScore {
  factory: string;
  lots: number;
  firstPassRate: number | null;
  cases: number;
  criticalPer100: number | null;
  majorPer100: number | null;
  minorPer100: number | null;
  /** Defect types by units, most first: the factory's Pareto. */
  pareto: Array<{ defectType: string; units: number; cumulative: number }>;
  topDefects: string;
  reworkCost: string;
  factoryShare: string;
  concessionCredits: string;
  meanDaysToRelease: number | null;
  reinspectionFirstPass: number | null;
  newMajorFailures: number;
  averageRecovery: number | null;
  status: FactoryStatus;
}

const DAY_MS = 86_400_000;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Amounts per currency as one text: "216.00 USD; 1,200.00 CNY" (blank when there are none). */
function perCurrency(amounts: Map<string, number>): string {
  return [...amounts.entries()]
    .filter(([, v]) => v !== 0)
    .map(([cur, v]) => formatMoney(roundMoney(v, cur), cur))
    .join('; ');
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function factoryScorecard(
  input: ScorecardInput,
  options: { edition: Edition; controls?: (factory: string) => FactoryControls | undefined },
): FactoryScore[] {
  interface Acc {
    factory: string;
    caseIds: Set<string>;
    held: number;
    oqc: OqcLot[];
    credits: Map<string, number>;
    rework: Map<string, number>;
    share: Map<string, number>;
    defects: Map<string, number>;
    releaseDays: number[];
    firstReinspections: Map<string, { at: Date; passed: boolean }>;
    newMajor: number;
    recoveries: number[];
  }
  const byKey = new Map<string, Acc>();
  const caseToAcc = new Map<string, { acc: Acc; currency: string; holdAt?: Date }>();
  for (const c of input.cases) {
    const key = factoryKey(c.factory);
    if (!key) continue;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        factory: c.factory.trim(),
        caseIds: new Set(),
        held: 0,
        oqc: [],
        credits: new Map(),
        rework: new Map(),
        share: new Map(),
        defects: new Map(),
        releaseDays: [],
        firstReinspections: new Map(),
        newMajor: 0,
        recoveries: [],
      };
      byKey.set(key, acc);
    }
    acc.caseIds.add(c.id);
    if (c.wasHeld) acc.held++;
    if (c.concessionCredit) add(acc.credits, c.currency, c.concessionCredit);
    caseToAcc.set(c.id, { acc, currency: c.currency, holdAt: c.holdAt });
  }
  for (const lot of input.oqc) caseToAcc.get(lot.caseId)?.acc.oqc.push(lot);
  for (const d of input.defects) {
    const acc = caseToAcc.get(d.caseId)?.acc;
    if (acc && d.class.toUpperCase() !== 'OK') add(acc.defects, d.defectType, 1);
  }
  for (const r of input.rework) {
    const owner = caseToAcc.get(r.caseId);
    if (!owner) continue;
    add(owner.acc.rework, owner.currency, r.totalCost);
    add(owner.acc.share, owner.currency, r.factoryShare);
  }
  const releasedAt = new Map<string, Date>();
  for (const r of input.reinspections) {
    const owner = caseToAcc.get(r.caseId);
    if (!owner) continue;
    const first = owner.acc.firstReinspections.get(r.caseId);
    if (!first || r.at < first.at) owner.acc.firstReinspections.set(r.caseId, { at: r.at, passed: r.verdict === 'PASS' });
    if (r.newMajor > 0) owner.acc.newMajor++;
    if (r.verdict === 'PASS' && (!releasedAt.has(r.caseId) || r.at > releasedAt.get(r.caseId)!)) releasedAt.set(r.caseId, r.at);
  }
  for (const s of input.settlements) {
    const owner = caseToAcc.get(s.caseId);
    if (!owner) continue;
    owner.acc.recoveries.push(s.recoveryRate);
    // Released at the passing re-inspection, or at settlement for a lot accepted with a concession.
    const release = releasedAt.get(s.caseId) ?? s.settledAt;
    if (owner.holdAt) owner.acc.releaseDays.push((release.getTime() - owner.holdAt.getTime()) / DAY_MS);
  }

  return [...byKey.values()]
    .map((acc): FactoryScore => {
      const sampled = acc.oqc.reduce((s, l) => s + l.sampleSize, 0);
      const per100 = (pick: (l: OqcLot) => number) => {
        const r = ratio(
          acc.oqc.reduce((s, l) => s + pick(l), 0),
          sampled,
        );
        return r === null ? null : r * 100;
      };
      const accepted = acc.oqc.filter(
        (l) => l.criticalFound === 0 && l.major.found < l.major.rejection && l.minor.found < l.minor.rejection,
      ).length;
      const units = [...acc.defects.values()].reduce((s, n) => s + n, 0);
      let running = 0;
      const pareto = [...acc.defects.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([defectType, n]) => {
          running += n;
          return { defectType, units: n, cumulative: running / units };
        });
      const firsts = [...acc.firstReinspections.values()];
      return {
        factory: acc.factory,
        lots: acc.oqc.length,
        firstPassRate: ratio(accepted, acc.oqc.length),
        cases: acc.held,
        criticalPer100: per100((l) => l.criticalFound),
        majorPer100: per100((l) => l.major.found),
        minorPer100: per100((l) => l.minor.found),
        pareto,
        topDefects: pareto
          .slice(0, 3)
          .map((p) => `${p.defectType} (${p.units})`)
          .join(', '),
        reworkCost: perCurrency(acc.rework),
        factoryShare: perCurrency(acc.share),
        concessionCredits: perCurrency(acc.credits),
        meanDaysToRelease: mean(acc.releaseDays),
        reinspectionFirstPass: ratio(firsts.filter((f) => f.passed).length, firsts.length),
        newMajorFailures: acc.newMajor,
        averageRecovery: mean(acc.recoveries),
        status: factoryStatus(acc.oqc, options.edition, options.controls?.(acc.factory)),
      };
    })
    .sort((a, b) => a.factory.localeCompare(b.factory));
}

/** OQC first-pass rate by month (in the spreadsheet's zone), across factories: the trend chart's data. */
export function firstPassByMonth(lots: readonly OqcLot[], timeZone: string): Array<{ month: string; lots: number; firstPassRate: number }> {
  const months = new Map<string, { lots: number; passed: number }>();
  for (const l of lots) {
    const month = formatInZone(l.at, timeZone).slice(0, 7);
    const m = months.get(month) ?? { lots: 0, passed: 0 };
    m.lots++;
    if (l.criticalFound === 0 && l.major.found < l.major.rejection && l.minor.found < l.minor.rejection) m.passed++;
    months.set(month, m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, lots: m.lots, firstPassRate: m.passed / m.lots }));
}
