import { reopenCase } from '../../core/case/lifecycle';
import { formatInZone } from '../../core/time';
import type { CaseSummary, Result } from '../../shared/contract';
import { INSPECTIONS, SETTLEMENTS } from '../../tracker/schema';
import type { Services } from '../services';
import { text } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

/**
 * Reopens a settled case (its settlement is voided, kept in RD Settlements with the reason) or a lot
 * released by a mistaken OQC entry (that inspection is voided, and the OQC can be recorded again).
 */
export function reopen(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const reason = text(f, 'reason', 'Reason', { max: 500 });
    const next = reopenCase(record, reason);
    const voided = `${reason} (${formatInZone(wb.now, wb.timeZone())}, ${wb.timeZone()})`;
    if (record.status === 'settled') {
      const current = wb.rowsOf(SETTLEMENTS, record.id).filter((r) => !r.values.voided);
      for (const row of current) wb.update(SETTLEMENTS, row, { voided });
    } else {
      for (const row of wb.rowsOf(INSPECTIONS, record.id).filter((r) => r.values.kind === 'OQC' && r.values.verdict !== 'VOID')) {
        wb.update(INSPECTIONS, row, {
          verdict: 'VOID',
          reasons: `voided: ${voided}; was ${String(row.values.verdict)}: ${String(row.values.reasons)}`,
        });
      }
    }
    wb.saveCase(stored, next, `Reopened: ${reason}`, { inspector: next.inspector ?? '' });
    return summary(next, wb);
  });
}
