import { recordReinspection } from '../../core/case/lifecycle';
import type { CaseSummary, Result } from '../../shared/contract';
import { INSPECTIONS, REWORK } from '../../tracker/schema';
import type { Services } from '../services';
import { number, requiredNumber, text, time } from '../validate';
import type { Fields } from '../validate';
import { reworkRow } from './agree';
import { onCase, summary } from './common';
import type { Saved } from './common';
import { currentRework } from './rework';

export function reinspect(services: Services, request: unknown): Result<Saved<CaseSummary & { passed: boolean; reasons: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const rework = currentRework(wb, record);
    const at = time(f, 'at', 'Re-inspection time', wb.now, wb.timeZone());
    const count = (key: string, label: string) => requiredNumber(f, key, label, { min: 0, whole: true });
    const findings = {
      inspector: text(f, 'inspector', 'Re-inspector', { required: true, max: 100 }),
      reworkedUnits: Number(rework.values.units),
      adjacentUnits: number(f, 'adjacentUnits', 'Adjacent units', { min: 0, whole: true }) ?? 0,
      fullInspectionFailures: count('fullInspectionFailures', 'Failures among reworked and adjacent units'),
      sampleCritical: number(f, 'sampleCritical', 'Critical in the sample', { min: 0, whole: true }) ?? 0,
      sampleMajor: count('sampleMajor', 'Major in the sample'),
      sampleMinor: count('sampleMinor', 'Minor in the sample'),
      newMajorDefects: count('newMajorDefects', 'New major defects'),
    };
    const { case: next, plan, verdict, inspector } = recordReinspection(record, findings);
    wb.append(INSPECTIONS, [
      {
        caseId: record.id,
        kind: 'Re-inspection',
        at,
        inspector,
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
      // The next cycle starts from the same terms; after a new major defect, at the factory's cost.
      const terms: Fields = { ...rework.values, cause: String(rework.values.cause) };
      wb.append(REWORK, [reworkRow(next, next.reworkCycle, terms, wb.settings(), wb.now)]);
    }
    wb.saveCase(
      stored,
      next,
      verdict.passed ? `Re-inspection passed (${inspector}): lot released` : `Re-inspection failed: ${verdict.reasons.join('; ')}`,
    );
    return { ...summary(next, wb), passed: verdict.passed, reasons: verdict.reasons };
  });
}
