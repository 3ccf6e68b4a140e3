import { describe, expect, it } from 'vitest';
import { allocateRework, splitTable } from '../../../src/core/protocol/allocation';
import { classifyDefect } from '../../../src/core/protocol/classify';
import { concessionDiscount } from '../../../src/core/protocol/concession';
import { reinspectionPlan, reinspectionVerdict } from '../../../src/core/protocol/reinspection';
import { reworkCost } from '../../../src/core/protocol/reworkCost';
import { settlement } from '../../../src/core/protocol/settlement';
import { lotVerdict, samplePlan } from '../../../src/core/sampling/samplePlan';
import { DEFAULT_AQL_MAJOR, DEFAULT_AQL_MINOR } from '../../../src/core/sampling/vocabulary';

// The seed article's case study: 1,500 PU crossbody bags, USD 15,000 FOB, Level II, AQL 2.5 / 4.0.
describe('the $15K crossbody case, end to end through the core', () => {
  const lot = 1500;
  const orderValue = 15_000;

  it('rejects the lot at OQC: 12 major over Ac 7, 22 minor over Ac 10', () => {
    const major = samplePlan(lot, { aql: DEFAULT_AQL_MAJOR });
    const minor = samplePlan(lot, { aql: DEFAULT_AQL_MINOR });
    expect([major.letter, major.sampleSize, major.acceptance, major.rejection]).toEqual(['K', 125, 7, 8]);
    expect([minor.acceptance, minor.rejection]).toEqual([10, 11]);
    expect(lotVerdict(12, major)).toBe('reject');
    expect(lotVerdict(22, minor)).toBe('reject');
  });

  it('classifies the snap offset as major and the edge paint as minor', () => {
    expect(classifyDefect('snap misalignment', 4, 'hardware').classification).toBe('major');
    expect(classifyDefect('edge paint bubbling').classification).toBe('minor');
  });

  it('settles at 216 of rework, a 450 credit and 95.56% recovered', () => {
    // Rework: USD 18 a unit as the factory quoted it, 12 units; cause: manual template instead of
    // the CNC jig in the tech pack — a process deviation, so the factory pays all of it.
    const rework = reworkCost({ labourMinutes: 0, hourlyRate: 0, consumables: [18] }, 12);
    expect(rework.total).toBe(216);
    const split = allocateRework(splitTable().find('process deviation'), { directLabour: rework.total });
    expect([split.factory, split.buyer]).toEqual([216, 0]);

    // Minors accepted as they are for 3% of the order (the negotiated figure, one group at 100%).
    const concession = concessionDiscount({ groups: [{ share: 1, discount: 0.03 }], shipmentValue: orderValue });
    expect(concession.credit).toBeCloseTo(450, 9);

    // Re-inspection: the 12 reworked at 100%, Level III on the other 1,488: L, 200.
    const plan = reinspectionPlan({ lotSize: lot, reworkedUnits: 12 });
    expect([plan.fullInspection, plan.remainder, plan.letter, plan.sampleSize]).toEqual([12, 1488, 'L', 200]);
    expect(reinspectionVerdict(plan, { fullInspectionFailures: 0, sampleMajor: 0, sampleMinor: 0, newMajorDefects: 0 }).passed).toBe(true);

    const result = settlement({
      orderValue,
      factoryReworkCost: split.factory,
      buyerReworkCost: split.buyer,
      concessionCredit: concession.credit,
    });
    expect(result.valueKept).toBeCloseTo(14_334, 9);
    expect(Math.round(result.recoveryRate * 10_000) / 100).toBe(95.56);
  });
});
