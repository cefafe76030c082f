import type { RepeatOptions } from 'bullmq';
import { nextInSeries, parseSeriesRule } from '../core/reminders/recurrence.ts';

/**
 * BullMQ's repeat strategy for reminder series: the scheduler's `pattern` is a
 * core series rule (`daily 2026-11-02T09:00:00`) and `tz` the member's zone;
 * the next occurrence is the core's own answer (wall clock kept across DST,
 * month ends clamped), never a cron reading of it. BullMQ calls it with the
 * later of "now" and the previous occurrence, so occurrences missed while
 * everything was down are skipped after the one delivered late.
 * Must be set on the producer's queue and on every worker of the queue.
 */
export function reminderRepeatStrategy(millis: number, opts: RepeatOptions): number | undefined {
  const series = opts.pattern ? parseSeriesRule(opts.pattern) : undefined;
  if (!series || !opts.tz) return undefined; // BullMQ then adds no next job: not one of ours
  return nextInSeries(series.anchor, series.repeat, opts.tz, millis).at;
}
