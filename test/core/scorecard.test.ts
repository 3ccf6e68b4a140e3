/**
 * The scorecard on a generated history of 50 factories and 10,000 cases, against a naive recount
 * written here: every figure per factory, from the same rows.
 */
import { describe, expect, it } from 'vitest';
import { factoryScorecard } from '../../src/core/factory/scorecard';
import type { ScorecardInput } from '../../src/core/factory/scorecard';
import type { OqcLot } from '../../src/core/factory/history';

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(cases: number, factories: number, seed: number): ScorecardInput {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const day = 86_400_000;
  const input: { [K in keyof ScorecardInput]: Array<ScorecardInput[K][number]> } = {
    cases: [],
    oqc: [],
    reinspections: [],
    defects: [],
    rework: [],
    settlements: [],
  };
  for (let i = 0; i < cases; i++) {
    const id = `RD-${i}`;
    // Some names typed in another case or spacing: the same factory.
    const n = Math.floor(r() * factories);
    const factory = r() < 0.1 ? `  factory ${n} ` : `Factory ${n}`;
    const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000);
    const major = Math.floor(r() * 12);
    const minor = Math.floor(r() * 14);
    const critical = r() < 0.03 ? 1 : 0;
    const lot: OqcLot = {
      caseId: id,
      at,
      lotSize: 1500,
      severity: 'normal',
      letter: 'K',
      sampleSize: 125,
      criticalFound: critical,
      major: { aql: 2.5, acceptance: 7, rejection: 8, found: major },
      minor: { aql: 4, acceptance: 10, rejection: 11, found: minor },
    };
    const held = critical > 0 || major >= 8 || minor >= 11;
    input.cases.push({
      id,
      factory,
      currency: pick(['USD', 'USD', 'CNY']),
      wasHeld: held,
      concessionCredit: held && r() < 0.5 ? 450 : 0,
      holdAt: held ? at : undefined,
    });
    input.oqc.push(lot);
    if (!held) continue;
    for (let k = 0; k < 3; k++)
      input.defects.push({
        caseId: id,
        defectType: pick(['Misalignment', 'Colour deviation', 'Loose thread', 'Edge paint defect']),
        class: pick(['MAJOR', 'MINOR', 'OK']),
      });
    input.rework.push({ caseId: id, totalCost: 216, factoryShare: pick([216, 108, 0]) });
    const reinspections = 1 + (r() < 0.2 ? 1 : 0);
    for (let k = 0; k < reinspections; k++) {
      const passed = k === reinspections - 1;
      input.reinspections.push({
        caseId: id,
        at: new Date(at.getTime() + (k + 1) * 3 * day),
        verdict: passed ? 'PASS' : 'FAIL',
        newMajor: passed ? 0 : 1,
      });
    }
    if (r() < 0.8) input.settlements.push({ caseId: id, recoveryRate: 0.8 + r() * 0.2, settledAt: new Date(at.getTime() + 10 * day) });
  }
  return input;
}

describe('the factory scorecard against a naive recount', () => {
  it('50 factories, 10,000 cases: every figure of every factory', () => {
    const input = history(10_000, 50, 2026);
    const scores = factoryScorecard(input, { edition: 'ISO 2859-1' });
    expect(scores).toHaveLength(50);
    const key = (name: string) => name.trim().toLowerCase();
    for (const s of scores) {
      const cases = input.cases.filter((c) => key(c.factory) === key(s.factory));
      const ids = new Set(cases.map((c) => c.id));
      const lots = input.oqc.filter((l) => ids.has(l.caseId));
      const passed = lots.filter((l) => l.criticalFound === 0 && l.major.found <= 7 && l.minor.found <= 10);
      expect(s.lots).toBe(lots.length);
      expect(s.firstPassRate).toBeCloseTo(passed.length / lots.length, 12);
      expect(s.cases).toBe(cases.filter((c) => c.wasHeld).length);
      const sampled = 125 * lots.length;
      expect(s.majorPer100).toBeCloseTo((lots.reduce((n, l) => n + l.major.found, 0) / sampled) * 100, 10);
      expect(s.minorPer100).toBeCloseTo((lots.reduce((n, l) => n + l.minor.found, 0) / sampled) * 100, 10);
      expect(s.criticalPer100).toBeCloseTo((lots.reduce((n, l) => n + l.criticalFound, 0) / sampled) * 100, 10);
      // Defect types by units (OK is within tolerance, not a defect).
      const counts = new Map<string, number>();
      for (const d of input.defects)
        if (ids.has(d.caseId) && d.class !== 'OK') counts.set(d.defectType, (counts.get(d.defectType) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      expect(s.pareto.map((p) => [p.defectType, p.units])).toEqual(top);
      // Money per currency, never summed across currencies.
      const usd = cases.filter((c) => c.currency === 'USD').map((c) => c.id);
      const usdRework = input.rework.filter((w) => usd.includes(w.caseId)).reduce((n, w) => n + w.totalCost, 0);
      if (usdRework) expect(s.reworkCost).toContain(`${usdRework.toLocaleString('en-US', { minimumFractionDigits: 2 })} USD`);
      const settled = input.settlements.filter((x) => ids.has(x.caseId));
      expect(s.averageRecovery).toBeCloseTo(settled.reduce((n, x) => n + x.recoveryRate, 0) / settled.length, 12);
      const firstRe = [...ids].flatMap((id) => input.reinspections.filter((x) => x.caseId === id).slice(0, 1));
      expect(s.reinspectionFirstPass).toBeCloseTo(firstRe.filter((x) => x.verdict === 'PASS').length / firstRe.length, 12);
      expect(s.newMajorFailures).toBe(input.reinspections.filter((x) => ids.has(x.caseId) && x.newMajor > 0).length);
      // Hold to release: the passing re-inspection of each settled case.
      const days = settled.map((x) => {
        const c = cases.find((k) => k.id === x.caseId)!;
        const release = input.reinspections.filter((y) => y.caseId === x.caseId && y.verdict === 'PASS').at(-1)!.at;
        return (release.getTime() - c.holdAt!.getTime()) / 86_400_000;
      });
      expect(s.meanDaysToRelease).toBeCloseTo(days.reduce((n, d) => n + d, 0) / days.length, 10);
    }
  });
});
