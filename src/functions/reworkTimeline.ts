import { InputError } from '../core/errors';
import { dailyMilestones, reworkTimeline } from '../core/protocol/timeline';
import { BLANK, broadcast, formula, isBlank, single, toNumber, toWhole } from './args';
import type { CellValue } from './args';

/**
 * =REWORK_TIMELINE(units, minutes_per_unit, [days], [hours_per_day], [operators]) → person-hours,
 * operators needed for the days (or days needed for the operators), units per day. With both days
 * and operators: a fourth cell says whether the assigned crew can keep the promised schedule. One
 * row per row of a range; a blank row gives a blank row.
 */
export function reworkTimelineFormula(
  units: unknown,
  minutesPerUnit: unknown,
  days?: unknown,
  hoursPerDay?: unknown,
  operators?: unknown,
): CellValue[][] {
  const rows = broadcast(
    'REWORK_TIMELINE',
    [
      { name: 'units', value: units },
      { name: 'minutes_per_unit', value: minutesPerUnit },
      { name: 'days', value: days },
      { name: 'hours_per_day', value: hoursPerDay },
      { name: 'operators', value: operators },
    ],
    ([u, minutes, d, hours, ops]): CellValue[] => {
      if (isBlank(u) || isBlank(minutes)) return [];
      const optional = (name: string, v: CellValue) => (isBlank(v) ? undefined : toNumber(name, v));
      const t = reworkTimeline({
        units: toWhole('units', u),
        minutesPerUnit: toNumber('minutes_per_unit', minutes),
        days: optional('days', d),
        hoursPerDay: optional('hours_per_day', hours),
        operators: optional('operators', ops),
      });
      if (t.operatorsNeeded === undefined && t.daysNeeded === undefined) return [t.personHours];
      const row: CellValue[] = [t.personHours, t.operatorsNeeded ?? t.daysNeeded!, t.unitsPerDay!];
      if (t.shortBy !== undefined) row.push(t.shortBy === 0 ? 'OK' : `SHORT BY ${t.shortBy} OPERATOR${t.shortBy === 1 ? '' : 'S'}`);
      return row;
    },
  ).flat();
  // Every row as wide as the widest, as a spilled range must be.
  const width = Math.max(1, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => BLANK)]);
}

/** =REWORK_MILESTONES(units, days) → one row per day: day, units to finish that day, cumulative. */
export function reworkMilestones(units: unknown, days: unknown): CellValue[][] {
  return formula('REWORK_MILESTONES', () => {
    if (isBlank(single('units', units)) && isBlank(single('days', days))) return [[BLANK]];
    const count = toWhole('units', single('units', units));
    const dayCount = toWhole('days', single('days', days), 1);
    if (dayCount > 366) throw new InputError(`days must be 366 or fewer (one row each); got ${dayCount}.`);
    return dailyMilestones(count, dayCount).map((m) => [m.day, m.units, m.cumulative]);
  });
}
