import { recordReinspection } from '../../core/case/lifecycle';
import type { CaseSummary, Result } from '../../shared/contract';
import { InputError } from '../../core/errors';
import { formatInZone, toMinute } from '../../core/time';
import { DEFECTS, INSPECTIONS, REWORK } from '../../tracker/schema';
import type { Services } from '../services';
import { list, number, requiredNumber, text, time } from '../validate';
import type { Fields } from '../validate';
import { reworkRow } from './agree';
import { onCase, summary } from './common';
import type { Saved } from './common';
import { classifiedRows } from './defects';
import { currentRework } from './rework';
import { scopeOfCycle } from './scope';

export function reinspect(services: Services, request: unknown): Result<Saved<CaseSummary & { passed: boolean; reasons: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const rework = currentRework(wb, record);
    const at = time(f, 'at', 'Re-inspection time', wb.now, wb.timeZone());
    const doneAt = rework.values.doneAt as Date | undefined;
    if (doneAt && at.getTime() < toMinute(doneAt).getTime()) {
      throw new InputError(
        `the re-inspection cannot come before the rework was done (${formatInZone(doneAt, wb.timeZone())}, ${wb.timeZone()} time).`,
      );
    }
    // The defective units found now, classified like the OQC's: the next cycle's scope if the lot fails.
    const foundAt = `Re-inspection ${record.reworkCycle}`;
    const found =
      f.defects === undefined || f.defects === null ? [] : classifiedRows(wb, record.id, list(f, 'defects', 'Defects found'), foundAt);
    const count = (key: string, label: string) => requiredNumber(f, key, label, { min: 0, whole: true });
    const findings = {
      inspector: wb.person(text(f, 'inspector', 'Re-inspector', { required: true, max: 100 })),
      reworkedUnits: Number(rework.values.units),
      adjacentUnits: number(f, 'adjacentUnits', 'Adjacent units', { min: 0, whole: true }) ?? 0,
      fullInspectionFailures: count('fullInspectionFailures', 'Failures among reworked and adjacent units'),
      sampleCritical: number(f, 'sampleCritical', 'Critical in the sample', { min: 0, whole: true }) ?? 0,
      sampleMajor: count('sampleMajor', 'Major in the sample'),
      sampleMinor: count('sampleMinor', 'Minor in the sample'),
      newMajorDefects: count('newMajorDefects', 'New major defects'),
    };
    const newCritical = found.filter((r) => r.class === 'CRITICAL').length;
    const { case: next, plan, verdict, inspector } = recordReinspection(record, { ...findings, newCritical });
    if (findings.sampleCritical + findings.sampleMajor + findings.sampleMinor > plan.sampleSize) {
      throw new InputError(
        `the defects counted in the sample (${findings.sampleCritical + findings.sampleMajor + findings.sampleMinor}) cannot exceed the ${plan.sampleSize} units sampled.`,
      );
    }
    if (found.length) wb.append(DEFECTS, found);
    wb.append(INSPECTIONS, [
      {
        caseId: record.id,
        kind: 'Re-inspection',
        at,
        inspector,
        place: text(f, 'place', 'Place of re-inspection', { max: 200 }),
        lotSize: record.lotSize,
        level: 'III',
        severity: record.severity,
        fullInspection: plan.fullInspection,
        letter: plan.letter ?? '',
        sampleSize: plan.sampleSize,
        aqlMajor: record.aqlMajor,
        majorAc: plan.major?.acceptance ?? '',
        majorRe: plan.major?.rejection ?? '',
        majorFound: findings.sampleMajor,
        aqlMinor: record.aqlMinor,
        minorAc: plan.minor?.acceptance ?? '',
        minorRe: plan.minor?.rejection ?? '',
        minorFound: findings.sampleMinor,
        criticalFound: findings.sampleCritical,
        fullInspectionFailures: findings.fullInspectionFailures,
        newMajor: findings.newMajorDefects,
        verdict: verdict.passed ? 'PASS' : 'FAIL',
        reasons: verdict.reasons.join('; '),
      },
    ]);
    if (!verdict.passed) {
      // The next cycle covers the units found defective now (the same units again when none are
      // listed), at the same terms per unit; after a new major defect, all at the factory's cost.
      const newUnits = found.filter((r) => r.class !== 'OK').map((r) => ({ unitRef: String(r.unitRef), class: String(r.class) }));
      const scope = newUnits.length ? newUnits : scopeOfCycle(wb, record, rework).map((unitRef) => ({ unitRef, class: 'MAJOR' }));
      // Charged for the units the cycle covers: the serious ones when there are any, as reworkScope draws them.
      const serious = newUnits.filter((u) => u.class === 'MAJOR' || u.class === 'CRITICAL');
      const units = newUnits.length
        ? new Set((serious.length ? serious : newUnits).map((u) => u.unitRef)).size
        : Number(rework.values.units);
      const terms: Fields = { ...rework.values, cause: String(rework.values.cause), units, leftOut: '', leftOutReason: '' };
      wb.append(REWORK, [reworkRow(next, next.reworkCycle, terms, wb.settings(), wb.now, scope)]);
    }
    wb.saveCase(
      stored,
      next,
      verdict.passed ? `Re-inspection passed (${inspector}): lot released` : `Re-inspection failed: ${verdict.reasons.join('; ')}`,
    );
    return { ...summary(next, wb), passed: verdict.passed, reasons: verdict.reasons };
  });
}
