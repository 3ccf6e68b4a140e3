import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceGaps, unitsLackingEvidence } from '../../../src/core/case/evidence';
import {
  holdNoticeOverdue,
  openCase,
  recordAgentNotified,
  recordAgreement,
  recordClassification,
  recordInspection,
} from '../../../src/core/case/lifecycle';

const NEW = {
  factory: 'F',
  style: 'S',
  po: '',
  orderValue: 15000,
  currency: 'usd',
  lotSize: 1500,
  level: 'II',
  aqlMajor: 2.5,
  aqlMinor: 4,
  severity: 'normal',
} as const;
const AT = new Date('2025-03-10T08:00:00Z');

describe('case lifecycle (pure)', () => {
  it('opens a case and refuses bad plans before anything is kept', () => {
    expect(openCase('RD-2025-0001', NEW, AT)).toMatchObject({ status: 'open', currency: 'USD', reworkCycle: 0 });
    expect(() => openCase('x', { ...NEW, aqlMajor: 3 }, AT)).toThrow(/AQL 3 is not a standard AQL/);
    expect(() => openCase('x', { ...NEW, factory: ' ' }, AT)).toThrow('factory is required.');
  });

  it('holds a failed lot with the deadline, and judges the notice', () => {
    const { case: held, result } = recordInspection(
      openCase('c', NEW, AT),
      { inspector: 'Li', at: AT, criticalFound: 0, majorFound: 8, minorFound: 0 },
      2,
    );
    expect(result.passed).toBe(false);
    expect(held).toMatchObject({ status: 'on-hold', notifyBy: new Date('2025-03-10T10:00:00Z'), wasHeld: true });
    expect(holdNoticeOverdue(held, new Date('2025-03-10T09:59:00Z'))).toBe(false);
    expect(holdNoticeOverdue(held, new Date('2025-03-10T10:01:00Z'))).toBe(true);
    expect(holdNoticeOverdue(recordAgentNotified(held, new Date('2025-03-10T09:00:00Z')), new Date('2025-03-11'))).toBe(false);
    expect(() => recordAgentNotified(held, new Date('2025-03-10T07:00:00Z'))).toThrow('the agent cannot be told before the hold began.');
  });

  it('holds whenever any class fails, and releases only when none does', () => {
    const open = openCase('c', NEW, AT);
    fc.assert(
      fc.property(fc.nat(3), fc.nat(20), fc.nat(20), (critical, major, minor) => {
        const { case: next } = recordInspection(open, {
          inspector: 'Li',
          at: AT,
          criticalFound: critical,
          majorFound: major,
          minorFound: minor,
        });
        const fails = critical > 0 || major >= 8 || minor >= 11;
        return next.status === (fails ? 'on-hold' : 'released') && next.quarantined === critical > 0;
      }),
    );
  });

  it('quarantines on a critical defect and refuses a concession then', () => {
    const { case: held } = recordInspection(openCase('c', NEW, AT), {
      inspector: 'Li',
      at: AT,
      criticalFound: 0,
      majorFound: 8,
      minorFound: 0,
    });
    const classified = recordClassification(held, ['major', 'critical']);
    expect(classified.quarantined).toBe(true);
    expect(() => recordAgreement(classified, { rework: false, concession: true }, [])).toThrow(/quarantined and a concession is ruled out/);
    expect(() => recordClassification(held, ['ok'])).toThrow(/nothing to record/);
  });
});

describe('evidence completeness', () => {
  const photos = { wide: 'https://a', closeUp: 'https://b', vsApproved: 'https://c', measurement: 'https://d', batchContext: 'https://e' };

  it('wants five photos per unit and a video for functional defects', () => {
    const units = [
      { unitRef: 'U1', functional: false },
      { unitRef: 'U2', functional: true },
      { unitRef: 'U2', functional: false },
    ];
    expect(
      evidenceGaps(units, [
        { unitRef: 'U1', photos },
        { unitRef: 'U2', photos },
      ]),
    ).toEqual([{ unitRef: 'U2', missing: ['Video of the functional defect'] }]);
    expect(evidenceGaps(units, [{ unitRef: 'U1', photos: { ...photos, wide: ' ' } }])).toEqual([
      { unitRef: 'U1', missing: ['Wide shot with batch/style/date label'] },
      {
        unitRef: 'U2',
        missing: [
          'Wide shot with batch/style/date label',
          'Close-up with scale ruler',
          'Side by side with approved sample',
          'Measurement (calliper, SPI, gap)',
          'Batch context',
          'Video of the functional defect',
        ],
      },
    ]);
  });

  it('counts the same units short of evidence as it lists', () => {
    const kinds = Object.keys(photos);
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitRef: fc.constantFrom('A', 'B', 'C', 'D'), functional: fc.boolean() }), { maxLength: 8 }),
        fc.array(fc.record({ unitRef: fc.constantFrom('A', 'B', 'C'), have: fc.subarray(kinds), video: fc.boolean() }), { maxLength: 4 }),
        (units, found) => {
          const evidence = found.map((f) => ({
            unitRef: f.unitRef,
            photos: Object.fromEntries(f.have.map((k) => [k, 'https://x'])),
            video: f.video ? 'https://v' : '',
          }));
          return unitsLackingEvidence(units, evidence) === evidenceGaps(units, evidence).length;
        },
      ),
    );
  });
});
