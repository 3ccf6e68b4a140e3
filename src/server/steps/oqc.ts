import { holdNoticeOverdue, recordAgentNotified, recordInspection } from '../../core/case/lifecycle';
import type { CaseSummary, Result } from '../../shared/contract';
import { INSPECTIONS } from '../../tracker/schema';
import { columnLetter } from '../../tracker/setup';
import type { Services } from '../services';
import { number, requiredNumber, text, time } from '../validate';
import { InputError } from '../../core/errors';
import type { Fields } from '../validate';
import { onCase, summary } from './common';
import { currentSeverity } from './factoryRecord';
import type { Saved } from './common';

/** The OQC's counts from a form: whole numbers, each required. */
export function oqcCounts(f: Fields): { criticalFound: number; majorFound: number; minorFound: number } {
  return {
    criticalFound: requiredNumber(f, 'criticalFound', 'Critical found', { min: 0, whole: true }),
    majorFound: requiredNumber(f, 'majorFound', 'Major found', { min: 0, whole: true }),
    minorFound: requiredNumber(f, 'minorFound', 'Minor found', { min: 0, whole: true }),
  };
}

/** Cartons sealed with hold tags: a whole number, and no more cartons than the lot has units. */
export function cartonsOf(f: Fields, lotSize: number, key = 'cartonsSealed'): number | undefined {
  return number(f, key, 'Cartons sealed with hold tags', { min: 0, max: lotSize, whole: true });
}

export function recordOqc(services: Services, request: unknown): Result<Saved<CaseSummary & { passed: boolean; reasons: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record: opened }) => {
    const settings = wb.settings();
    // Judged under the severity the factory's record calls for now (unless the agent chose one).
    const current = currentSeverity(wb, stored, opened);
    if (current.discontinued) {
      throw new InputError(
        `inspection of ${opened.factory} has been discontinued since this case was opened: ${current.discontinued.replace(/^discontinued: /, '').replace(/; record .*$/, '')}. Record its corrective action in "RD Factories" (Corrective action on) first.`,
      );
    }
    const record = { ...current.record, edition: settings.edition };
    const at = time(f, 'at', 'Inspection time', wb.now, wb.timeZone());
    const counts = oqcCounts(f);
    const place = text(f, 'place', 'Place of inspection', { max: 200 });
    const cartonsSealed = cartonsOf(f, record.lotSize);
    const { case: next, result } = recordInspection(
      record,
      { inspector: wb.person(text(f, 'inspector', 'Inspector', { required: true, max: 100 })), at, ...counts },
      settings.holdNoticeHours,
    );
    if (result.passed && cartonsSealed !== undefined)
      throw new InputError('the lot passed OQC, so no cartons are sealed: clear "Cartons sealed".');
    const col = (key: string) => columnLetter(wb.columnOf(INSPECTIONS, key));
    const row = '{row}';
    wb.append(INSPECTIONS, [
      {
        caseId: record.id,
        kind: 'OQC',
        at,
        inspector: next.inspector,
        place,
        lotSize: record.lotSize,
        level: record.level,
        severity: record.severity,
        severityMinor: record.severityMinor ?? record.severity,
        fullInspection: 0,
        letter: result.major.letter,
        sampleSize: result.major.sampleSize,
        aqlMajor: record.aqlMajor,
        majorAc: result.major.acceptance,
        majorRe: result.major.rejection,
        majorFound: counts.majorFound,
        aqlMinor: record.aqlMinor,
        minorAc: result.minor.acceptance,
        minorRe: result.minor.rejection,
        minorFound: counts.minorFound,
        criticalFound: counts.criticalFound,
        verdict: result.passed ? 'ACCEPT' : 'REJECT',
        reasons: result.reasons.join('; '),
        // The add-on's own formula, so anyone reading the sheet sees the plan's logic live.
        majorCheck: `=AQL_VERDICT(${col('majorFound')}${row}, ${col('lotSize')}${row}, ${col('level')}${row}, ${col('aqlMajor')}${row}, ${col('severity')}${row})`,
      },
    ]);
    wb.saveCase(
      stored,
      next,
      result.passed ? 'OQC passed: lot released' : `OQC failed: hold notice (${result.reasons.join('; ')})`,
      // A lot inspected again after a reopening keeps no cartons from the voided inspection.
      { cartonsSealed: cartonsSealed ?? '' },
    );
    return { ...summary(next, wb), passed: result.passed, reasons: result.reasons };
  });
}

export function agentNotified(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const next = recordAgentNotified(record, time(f, 'at', 'Agent told at', wb.now, wb.timeZone()));
    const cartonsSealed = cartonsOf(f, record.lotSize);
    const recorded = stored.values.cartonsSealed;
    if (cartonsSealed !== undefined && typeof recorded === 'number' && recorded !== cartonsSealed) {
      throw new InputError(`${recorded} cartons are already recorded as sealed; change it with a correction, giving the reason.`);
    }
    wb.saveCase(
      stored,
      next,
      holdNoticeOverdue(next, wb.now) ? 'Agent told of the hold (late)' : 'Agent told of the hold',
      cartonsSealed === undefined ? {} : { cartonsSealed },
    );
    return summary(next, wb);
  });
}
