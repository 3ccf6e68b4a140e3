import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDefect } from '../../../src/core/protocol/classify';
import { DEFECT_CATALOGUE } from '../../../src/core/protocol/defectCatalogue';
import type { Classification } from '../../../src/core/protocol/defectCatalogue';

const cls = (type: string, measurement?: number | string, context?: string) => classifyDefect(type, measurement, context).classification;

describe('classifyDefect by measured criteria', () => {
  it('grades colour deviation by ΔE under D65', () => {
    expect([cls('colour deviation', 1.7), cls('colour deviation', 1.2), cls('colour deviation', 0.8)]).toEqual(['major', 'minor', 'ok']);
    expect([cls('colour deviation', 1.5), cls('colour deviation', 1.0), cls('colour deviation', 0.99)]).toEqual(['minor', 'minor', 'ok']);
  });

  it('accepts US spelling and common aliases', () => {
    expect(cls('Color Deviation', 1.7)).toBe('major');
    expect(cls('zip', 2500)).toBe('major');
    expect(cls('ZIPPER', 3000)).toBe('ok');
    expect(cls('delta E', 1.2)).toBe('minor');
  });

  it('grades loose threads on the exterior only', () => {
    expect([cls('loose thread', 2), cls('loose thread', 1.5), cls('loose thread', 2, 'interior')]).toEqual(['minor', 'ok', 'ok']);
  });

  it('makes more than 3 consecutive skipped stitches major', () => {
    expect([0, 1, 2, 3, 4].map((n) => cls('skipped stitches', n))).toEqual(['ok', 'minor', 'minor', 'minor', 'major']);
  });

  it('grades misalignment by panel kind', () => {
    expect([cls('misalignment', 1.5), cls('misalignment', 2.5), cls('misalignment', 4)]).toEqual(['ok', 'minor', 'major']);
    expect([cls('misalignment', 1.5, 'hardware'), cls('misalignment', 3, 'exterior')]).toEqual(['ok', 'major']);
  });

  it('judges the seam pull test by attachment', () => {
    expect(cls('seam pull test', 12, 'shoulder strap')).toBe('major');
    expect(cls('seam pull test', 12, 'main handle')).toBe('ok');
    expect(cls('seam pull test', 9, 'handle')).toBe('major');
    expect(() => cls('seam pull test', 12)).toThrow('seam pull test needs a context: shoulder strap, main handle.');
    expect(() => cls('seam pull test', 12, 'zip puller')).toThrow(
      'context "zip puller" does not apply to seam pull test; use shoulder strap, main handle.',
    );
  });

  it('makes chemistry over the limits critical', () => {
    expect([cls('lead content', 120), cls('lead content', 100), cls('phthalates', 0.15), cls('phthalates', 0.05)]).toEqual([
      'critical',
      'ok',
      'critical',
      'ok',
    ]);
  });

  it('grades salt spray and zipper cycles, lower being worse', () => {
    expect([cls('salt spray', 24), cls('salt spray', 48), cls('salt spray', 72)]).toEqual(['major', 'major', 'ok']);
    expect([cls('zipper', 2999), cls('zipper', 3000)]).toEqual(['major', 'ok']);
  });
});

describe('classifyDefect by the nature of the defect', () => {
  it('classes fixed types without a measurement', () => {
    expect([cls('sharp edge'), cls('coating delamination'), cls('edge paint'), cls('broken zipper')]).toEqual([
      'critical',
      'major',
      'minor',
      'major',
    ]);
  });

  it('reads pass/fail checks', () => {
    expect([cls('flammability'), cls('flammability', 'fail'), cls('flammability', 'pass')]).toEqual(['critical', 'critical', 'ok']);
    expect([cls('material claim', 'missing'), cls('material claim', 'valid')]).toEqual(['critical', 'ok']);
    expect(() => cls('flammability', 'maybe')).toThrow(/takes a pass or fail result/);
  });

  it('says which rule decided, so a factory can be shown why', () => {
    expect(classifyDefect('colour deviation', 1.7).rule).toBe('ΔE above 1.5 under D65 against the approved lab dip is major');
    expect(classifyDefect('seam pull test', 12, 'shoulder strap')).toMatchObject({
      context: 'shoulder strap',
      rule: 'a shoulder-strap seam failing under a 15 kg pull is major',
    });
    expect(classifyDefect('colour deviation', 0.5).rule).toBe('ΔE below 1.0 under D65 is within tolerance');
  });

  it('refuses unknown types, listing the known ones', () => {
    expect(() => cls('wobbly handle')).toThrow(
      /^unknown defect type "wobbly handle"; known types: colour deviation, loose thread, .*false material claim\.$/,
    );
  });

  it('asks for the measurement a measured type needs, and refuses bad ones', () => {
    expect(() => cls('colour deviation')).toThrow('colour deviation needs a measurement: ΔE under D65 against the approved lab dip (ΔE).');
    expect(() => cls('colour deviation', -1)).toThrow(/must be a number of ΔE, 0 or more/);
    expect(() => cls('colour deviation', 'dark')).toThrow(/must be a number of ΔE/);
    expect(() => cls('colour deviation', '0x10')).toThrow(/must be a number of ΔE/);
  });

  it('reads a measurement written with its own unit, and refuses another unit rather than convert it', () => {
    expect(cls('misalignment', '3 mm', 'hardware')).toBe('major');
    expect(cls('colour deviation', '1.8 ΔE')).toBe('major');
    expect(cls('lead content', '120ppm')).toBe('critical');
    expect(cls('phthalates', '0.15%')).toBe('critical');
    expect(() => cls('misalignment', '3 cm', 'hardware')).toThrow(/must be a number of mm/);
  });
});

describe('classification properties', () => {
  const RANK: Record<Classification, number> = { ok: 0, minor: 1, major: 2, critical: 3 };
  const measured = DEFECT_CATALOGUE.filter((t) => t.criterion).flatMap((t) =>
    t.criterion!.contexts.map((c) => ({ type: t, context: c.name })),
  );

  it('is monotone in the measured quantity for every measured type and context', () => {
    for (const { type, context } of measured) {
      // Higher is worse unless a threshold is a lower bound (pull test kg, cycles, salt-spray hours).
      const lowerIsWorse = type.criterion!.contexts.some((c) => c.thresholds.some((t) => t.below !== undefined || t.atMost !== undefined));
      fc.assert(
        fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }), (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const rankLow = RANK[classifyDefect(type.id, low, context).classification];
          const rankHigh = RANK[classifyDefect(type.id, high, context).classification];
          return lowerIsWorse ? rankLow >= rankHigh : rankLow <= rankHigh;
        }),
        { numRuns: 200 },
      );
    }
  });

  it('finds every type by its id, name and each alias', () => {
    for (const type of DEFECT_CATALOGUE) {
      for (const name of [type.id, type.name, ...type.aliases]) {
        const measurement = type.criterion && !type.fixedClass ? 0 : undefined;
        expect(classifyDefect(name, measurement, type.criterion?.defaultContext ?? type.criterion?.contexts[0].name).type.id, name).toBe(
          type.id,
        );
      }
    }
  });
});
