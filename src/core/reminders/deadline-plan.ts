import { DateTime } from 'luxon';
import type { WallClock } from '../time/parse-when.ts';
import { wallAt } from './recurrence.ts';

/** One planned deadline reminder: how many days before, and when (local intent and instant). */
export interface DeadlineStep {
  readonly offsetDays: number;
  readonly wall: WallClock;
  readonly dueAt: number;
}

/**
 * Plans deadline reminders: for each offset, `hour`:00 on the member's local
 * date of the deadline minus that many days. Steps already past, or not
 * before the deadline itself, are skipped. Sorted soonest first.
 */
export function planDeadlineReminders(opts: {
  readonly deadlineAt: number;
  readonly offsetsDays: readonly number[];
  readonly zone: string;
  readonly hour: number;
  readonly now: number;
}): DeadlineStep[] {
  const localDeadline = DateTime.fromMillis(opts.deadlineAt, { zone: opts.zone });
  const steps: DeadlineStep[] = [];
  for (const offsetDays of [...new Set(opts.offsetsDays)].sort((a, b) => b - a)) {
    const day = localDeadline.minus({ days: offsetDays });
    const wall: WallClock = { year: day.year, month: day.month, day: day.day, hour: opts.hour, minute: 0 };
    const dueAt = wallAt(wall, opts.zone);
    if (dueAt > opts.now && dueAt < opts.deadlineAt) steps.push({ offsetDays, wall, dueAt });
  }
  return steps;
}
