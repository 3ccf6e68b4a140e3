import { InputError } from '../errors';
import { wholeCount } from '../checks';

export interface TimelineInput {
  units: number;
  minutesPerUnit: number;
  hoursPerDay?: number;
  /** The schedule promised, in working days. */
  days?: number;
  /** The crew the factory assigned. */
  operators?: number;
}

export interface Milestone {
  day: number;
  units: number;
  cumulative: number;
}

export interface Timeline {
  personHours: number;
  hoursPerDay: number;
  /** Operators needed to finish in the promised days (rounded up: 11.1 needs 12 people). */
  operatorsNeeded?: number;
  /** Days the assigned crew needs (rounded up to whole days). */
  daysNeeded?: number;
  /** The schedule the milestones follow: the promised days, else the days the crew needs. */
  scheduleDays?: number;
  unitsPerDay?: number;
  milestones: Milestone[];
  /** When both a schedule and a crew are given: is the crew big enough? */
  shortBy?: number;
}

export const DEFAULT_HOURS_PER_DAY = 8;
const MAX_MILESTONE_DAYS = 3650;

function positive(name: string, value: number, whole = false): void {
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new InputError(`${name} must be ${whole ? 'a whole number' : 'a number'} above 0; got ${value}.`);
  }
}

/**
 * A rework timeline in person-hours. Operators are always rounded up — 400 bags × 40 min in 3 days
 * of 8 h is 266.7 h ÷ 24 h = 11.1, so 12 operators (the article's 11 give only 264 h).
 */
export function reworkTimeline(input: TimelineInput): Timeline {
  const hoursPerDay = input.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  wholeCount('units', input.units);
  positive('minutes per unit', input.minutesPerUnit);
  positive('hours per day', hoursPerDay);
  if (hoursPerDay > 24) throw new InputError(`hours per day cannot exceed 24; got ${hoursPerDay}.`);
  if (input.days !== undefined) positive('days', input.days, true);
  if (input.operators !== undefined) positive('operators', input.operators, true);

  const personHours = (input.units * input.minutesPerUnit) / 60;
  const timeline: Timeline = { personHours, hoursPerDay, milestones: [] };
  if (input.days !== undefined) timeline.operatorsNeeded = ceil(personHours / (input.days * hoursPerDay));
  if (input.operators !== undefined) timeline.daysNeeded = ceil(personHours / (input.operators * hoursPerDay));
  if (input.days !== undefined && input.operators !== undefined)
    timeline.shortBy = Math.max(0, timeline.operatorsNeeded! - input.operators);
  const scheduleDays = input.days ?? timeline.daysNeeded;
  if (scheduleDays !== undefined && scheduleDays > 0) {
    timeline.scheduleDays = scheduleDays;
    timeline.unitsPerDay = Math.ceil(input.units / scheduleDays);
    // A schedule of more than ten years is a typo or a crew of one; its daily list helps nobody.
    if (scheduleDays <= MAX_MILESTONE_DAYS) timeline.milestones = dailyMilestones(input.units, scheduleDays);
  }
  return timeline;
}

/** Rounds up, ignoring float noise such as 266.66666666666669 / 266.66666666666666. */
function ceil(value: number): number {
  return Math.ceil(value - 1e-9);
}

/** Units to finish each day, spread evenly with the remainder on the first days, and the running total. */
export function dailyMilestones(units: number, days: number): Milestone[] {
  const base = Math.floor(units / days);
  const extra = units - base * days;
  const milestones: Milestone[] = [];
  let cumulative = 0;
  for (let day = 1; day <= days; day++) {
    const today = base + (day <= extra ? 1 : 0);
    cumulative += today;
    milestones.push({ day, units: today, cumulative });
  }
  return milestones;
}
