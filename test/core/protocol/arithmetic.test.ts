import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_SPLITS, allocateRework, splitTable } from '../../../src/core/protocol/allocation';
import { CONCESSION_GRADES, compareConcessionToRework, concessionDiscount, gradeTable } from '../../../src/core/protocol/concession';
import { reinspectionPlan, reinspectionVerdict } from '../../../src/core/protocol/reinspection';
import { reworkCost } from '../../../src/core/protocol/reworkCost';
import { settlement } from '../../../src/core/protocol/settlement';
import { dailyMilestones, reworkTimeline } from '../../../src/core/protocol/timeline';

const splits = splitTable();
const money = fc.double({ min: 0, max: 1e7, noNaN: true });

describe('rework cost', () => {
  it('is labour minutes ÷ 60 × rate + consumables + QC allocation, per unit and in total', () => {
    const cost = reworkCost({ labourMinutes: 25, hourlyRate: 25, consumables: [1.2, 0.5], qcAllocation: 0.3 }, 200);
    expect(cost.labour).toBeCloseTo(10.4167, 4);
    expect(cost.perUnit).toBeCloseTo(12.4167, 4);
    expect(cost.total).toBeCloseTo(2483.33, 2);
  });

  it('refuses negative amounts and fractional units', () => {
    expect(() => reworkCost({ labourMinutes: -1, hourlyRate: 25 })).toThrow('labour minutes must be a number, 0 or more; got -1.');
    expect(() => reworkCost({ labourMinutes: 25, hourlyRate: 25 }, 1.5)).toThrow(/units must be a whole number/);
  });

  it('is never negative', () => {
    fc.assert(
      fc.property(money, money, fc.array(money, { maxLength: 5 }), money, fc.nat(10_000), (m, rate, cons, qc, units) => {
        return reworkCost({ labourMinutes: m, hourlyRate: rate, consumables: cons, qcAllocation: qc }, units).total >= 0;
      }),
    );
  });
});

describe('allocation by cause', () => {
  it('follows the protocol’s split table', () => {
    const split = (cause: string, labour: number, other = 0, repack = 0) => {
      const a = allocateRework(splits.find(cause), { directLabour: labour, otherCosts: other, repacking: repack });
      return [a.factory, a.buyer];
    };
    expect(split('workmanship', 216)).toEqual([216, 0]);
    expect(split('Process Deviation', 216)).toEqual([216, 0]);
    expect(split('material substitution', 100, 20, 5)).toEqual([125, 0]);
    expect(split('specification ambiguity', 1000)).toEqual([500, 500]);
    expect(split('approved sample deviation', 1000)).toEqual([700, 300]);
    expect(split('buyer-supplied material', 800, 0, 150)).toEqual([150, 800]);
  });

  it('refuses unknown causes, listing the known ones', () => {
    expect(() => splits.find('bad luck')).toThrow(
      /^unknown cause "bad luck"; known causes: material substitution, workmanship, .*buyer-supplied material\.$/,
    );
  });

  it('always splits the whole bill, never a negative share', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COST_SPLITS), money, money, money, (cause, labour, other, repack) => {
        const a = allocateRework(cause, { directLabour: labour, otherCosts: other, repacking: repack });
        return Math.abs(a.factory + a.buyer - (labour + other + repack)) <= 1e-6 * (1 + a.total) && a.factory >= 0 && a.buyer >= -1e-9;
      }),
    );
  });
});

describe('rework timeline', () => {
  it('rounds operators up: 400 bags × 40 min in 3 days of 8 h needs 12, not 11', () => {
    const t = reworkTimeline({ units: 400, minutesPerUnit: 40, days: 3 });
    expect(t.personHours).toBeCloseTo(266.67, 2);
    expect(t.operatorsNeeded).toBe(12);
    expect(t.unitsPerDay).toBe(134);
    expect(t.milestones.map((m) => m.cumulative)).toEqual([134, 267, 400]);
  });

  it('gives the seven-day schedule the article negotiated', () => {
    const t = reworkTimeline({ units: 400, minutesPerUnit: 40, days: 7 });
    expect([t.operatorsNeeded, t.unitsPerDay, t.milestones.length]).toEqual([5, 58, 7]);
  });

  it('gives the days a crew needs, and flags a crew too small for the promise', () => {
    expect(reworkTimeline({ units: 400, minutesPerUnit: 40, operators: 5 }).daysNeeded).toBe(7);
    expect(reworkTimeline({ units: 400, minutesPerUnit: 40, days: 3, operators: 11 }).shortBy).toBe(1);
    expect(reworkTimeline({ units: 400, minutesPerUnit: 40, days: 3, operators: 12 }).shortBy).toBe(0);
  });

  it('always plans enough person-hours for the work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.double({ min: 0.5, max: 240, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 24 }),
        (units, minutes, days, hours) => {
          const t = reworkTimeline({ units, minutesPerUnit: minutes, days, hoursPerDay: hours });
          return t.operatorsNeeded! * days * hours >= t.personHours - 1e-6 && (t.operatorsNeeded! - 1) * days * hours < t.personHours;
        },
      ),
    );
  });

  it('spreads milestones evenly and ends at the total', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 366 }), (units, days) => {
        const m = dailyMilestones(units, days);
        const sizes = m.map((x) => x.units);
        return m.length === days && m[days - 1].cumulative === units && Math.max(...sizes) - Math.min(...sizes) <= 1;
      }),
    );
  });

  it('refuses impossible inputs', () => {
    expect(() => reworkTimeline({ units: 400, minutesPerUnit: 0 })).toThrow('minutes per unit must be a number above 0; got 0.');
    expect(() => reworkTimeline({ units: 400, minutesPerUnit: 40, hoursPerDay: 25 })).toThrow(/cannot exceed 24/);
    expect(() => reworkTimeline({ units: 400, minutesPerUnit: 40, days: 2.5 })).toThrow(/days must be a whole number/);
  });
});

describe('re-inspection', () => {
  it('inspects reworked and adjacent units fully and samples the rest at Level III', () => {
    const plan = reinspectionPlan({ lotSize: 1500, reworkedUnits: 12 });
    expect(plan).toMatchObject({ fullInspection: 12, remainder: 1488, letter: 'L', sampleSize: 200, totalToInspect: 212 });
    expect([plan.major!.acceptance, plan.major!.rejection, plan.minor!.acceptance, plan.minor!.rejection]).toEqual([10, 11, 14, 15]);
    expect(reinspectionPlan({ lotSize: 1500, reworkedUnits: 12, adjacentUnits: 48 })).toMatchObject({
      fullInspection: 60,
      remainder: 1440,
    });
  });

  it('draws the larger sample when the two classes’ plans differ', () => {
    // Remainder 90 at Level III is F (20); AQL 1.5 points down to G (32), AQL 4.0 stays at F.
    const plan = reinspectionPlan({ lotSize: 100, reworkedUnits: 10, aqlMajor: 1.5 });
    expect([plan.major!.sampleSize, plan.minor!.sampleSize, plan.sampleSize, plan.letter]).toEqual([32, 20, 32, 'G']);
  });

  it('has nothing to sample when every unit was reworked or adjacent', () => {
    expect(reinspectionPlan({ lotSize: 20, reworkedUnits: 12, adjacentUnits: 8 })).toMatchObject({
      remainder: 0,
      sampleSize: 0,
      totalToInspect: 20,
    });
    expect(() => reinspectionPlan({ lotSize: 20, reworkedUnits: 12, adjacentUnits: 9 })).toThrow(
      'reworked and adjacent units (21) cannot exceed the lot size (20).',
    );
  });

  it('passes a clean re-inspection and fails on every rule of Step 6', () => {
    const plan = reinspectionPlan({ lotSize: 1500, reworkedUnits: 12 });
    const clean = { fullInspectionFailures: 0, sampleMajor: 3, sampleMinor: 9, newMajorDefects: 0 };
    expect(reinspectionVerdict(plan, clean)).toEqual({ passed: true, reasons: [], nextCycleAtFactoryCost: false });
    expect(reinspectionVerdict(plan, { ...clean, fullInspectionFailures: 1 }).passed).toBe(false);
    expect(reinspectionVerdict(plan, { ...clean, sampleMajor: 11 }).reasons).toEqual(['11 major in the sample reaches Re 11']);
    expect(reinspectionVerdict(plan, { ...clean, sampleMinor: 15 }).passed).toBe(false);
    expect(reinspectionVerdict(plan, { ...clean, sampleCritical: 1 }).passed).toBe(false);
    const newMajor = reinspectionVerdict(plan, { ...clean, newMajorDefects: 1 });
    expect(newMajor).toMatchObject({ passed: false, nextCycleAtFactoryCost: true });
  });
});

describe('concession', () => {
  it('blends the article’s example to 3.1%, and adds half the rework saved', () => {
    const groups = [
      { share: 0.15, discount: 0.1 },
      { share: 0.08, discount: 0.2 },
    ];
    expect(concessionDiscount({ groups }).discount).toBeCloseTo(0.031, 10);
    const withSavings = concessionDiscount({ groups, reworkCostSaved: 2500, shipmentValue: 100_000 });
    expect(withSavings.discount).toBeCloseTo(0.0435, 10);
    expect(withSavings.credit).toBeCloseTo(4350, 6);
  });

  it('has grades with defaults inside the article’s ranges', () => {
    const grades = gradeTable();
    expect(grades.find('minor blemish').default).toBe(0.1);
    expect(grades.find('noticeable cosmetic').default).toBe(0.2);
    for (const g of CONCESSION_GRADES) expect(g.default >= g.min && g.default <= g.max, g.name).toBe(true);
  });

  it('refuses shares outside 0–1 or adding up to more than the lot', () => {
    expect(() => concessionDiscount({ groups: [{ share: 1.2, discount: 0.1 }] })).toThrow(/between 0 and 1/);
    expect(() =>
      concessionDiscount({
        groups: [
          { share: 0.7, discount: 0.1 },
          { share: 0.4, discount: 0.1 },
        ],
      }),
    ).toThrow('the affected shares add up to 110%; they cannot exceed 100% of the lot.');
    expect(() => concessionDiscount({ groups: [{ share: 0.1, discount: 0.1 }], reworkCostSaved: 100 })).toThrow(/shipment value/);
  });

  it('never falls when a share or a discount grows', () => {
    // Shares and the bump stay under a third each, so the bumped shares still fit in the lot.
    const frac = fc.double({ min: 0, max: 0.33, noNaN: true });
    fc.assert(
      fc.property(frac, frac, frac, frac, frac, (s1, d1, s2, d2, bump) => {
        const base = concessionDiscount({
          groups: [
            { share: s1, discount: d1 },
            { share: s2, discount: d2 },
          ],
        }).discount;
        const moreShare = concessionDiscount({
          groups: [
            { share: s1 + bump, discount: d1 },
            { share: s2, discount: d2 },
          ],
        }).discount;
        const moreDiscount = concessionDiscount({
          groups: [
            { share: s1, discount: d1 + bump },
            { share: s2, discount: d2 },
          ],
        }).discount;
        return moreShare >= base && moreDiscount >= base;
      }),
    );
  });

  it('weighs concession against rework with the cost of returns', () => {
    // 22 affected bags, 450 credit, 5% returned at 10 each: 11 of returns, concession nets 439.
    const good = compareConcessionToRework({ affectedUnits: 22, concessionCredit: 450, returnRate: 0.05, costPerReturn: 10 });
    expect(good).toMatchObject({ expectedReturnsCost: 11, concessionNet: 439, recommendation: 'concession' });
    // 500 affected, 1,500 credit, 40% returned at 12: 2,400 of returns eat the credit.
    expect(
      compareConcessionToRework({ affectedUnits: 500, concessionCredit: 1500, returnRate: 0.4, costPerReturn: 12 }).recommendation,
    ).toBe('rework');
    expect(
      compareConcessionToRework({ affectedUnits: 1, concessionCredit: 450, returnRate: 0, costPerReturn: 10, hasCritical: true }),
    ).toMatchObject({
      recommendation: 'rework',
      reasons: ['a critical defect rules out a concession: the whole lot is quarantined'],
    });
  });
});

describe('settlement', () => {
  it('works out the case study: 15,000 − 216 − 450 = 14,334, 95.56%', () => {
    const s = settlement({ orderValue: 15_000, factoryReworkCost: 216, concessionCredit: 450 });
    expect(s).toMatchObject({ valueKept: 14_334, factoryCost: 666, buyerPays: 14_550, factoryNet: 14_334 });
    expect(s.recoveryRate).toBeCloseTo(0.9556, 4);
  });

  it('refuses a credit larger than the order and a zero order', () => {
    expect(() => settlement({ orderValue: 100, factoryReworkCost: 0, concessionCredit: 200 })).toThrow(/cannot exceed the order value/);
    expect(() => settlement({ orderValue: 0, factoryReworkCost: 0 })).toThrow(/order value must be above 0/);
  });
});
