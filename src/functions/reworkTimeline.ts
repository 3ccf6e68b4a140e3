import { InputError } from '../core/errors';
import { dailyMilestones, reworkTimeline } from '../core/protocol/timeline';
import { formula, optionalNumber, single, toNumber, toWhole } from './args';
import type { CellValue } from './args';

/**
 * =REWORK_TIMELINE(units, minutes_per_unit, [days], [hours_per_day], [operators]) → person-hours,
 * operators needed for the days (or days needed for the operators), units per day. With both days
 * and operators: a fourth cell says whether the assigned crew can keep the promised schedule.
 */
export function reworkTimelineFormula(
  units: unknown,
  minutesPerUnit: unknown,
  days?: unknown,
  hoursPerDay?: unknown,
  operators?: unknown,
): CellValue[][] {
  return formula('REWORK_TIMELINE', () => {
    const t = reworkTimeline({
      units: toWhole('units', single('units', units)),
      minutesPerUnit: toNumber('minutes_per_unit', single('minutes_per_unit', minutesPerUnit)),
      days: optionalNumber('days', days),
      hoursPerDay: optionalNumber('hours_per_day', hoursPerDay),
      operators: optionalNumber('operators', operators),
    });
    if (t.operatorsNeeded === undefined && t.daysNeeded === undefined) {
      return [[t.personHours]];
    }
    const row: CellValue[] = [t.personHours, t.operatorsNeeded ?? t.daysNeeded!, t.unitsPerDay!];
    if (t.shortBy !== undefined) row.push(t.shortBy === 0 ? 'OK' : `SHORT BY ${t.shortBy} OPERATOR${t.shortBy === 1 ? '' : 'S'}`);
    return [row];
  });
}

/** =REWORK_MILESTONES(units, days) → one row per day: day, units to finish that day, cumulative. */
export function reworkMilestones(units: unknown, days: unknown): CellValue[][] {
  return formula('REWORK_MILESTONES', () => {
    const count = toWhole('units', single('units', units));
    const dayCount = toWhole('days', single('days', days), 1);
    if (dayCount > 366) throw new InputError(`days must be 366 or fewer (one row each); got ${dayCount}.`);
    return dailyMilestones(count, dayCount).map((m) => [m.day, m.units, m.cumulative]);
  });
}
