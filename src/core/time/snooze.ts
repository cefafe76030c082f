/**
 * Snooze choices offered on a delivered reminder. Short snoozes are elapsed time;
 * "tomorrow 9" is a wall-clock time in the member's zone.
 */
import { DateTime } from 'luxon';
import { fromWallClock } from './parse-when.ts';

/** The snooze buttons: 15 minutes, 1 hour, or tomorrow at 09:00 local. */
export type SnoozeChoice = '15m' | '1h' | 'tomorrow9';

const MINUTE = 60_000;

/**
 * Returns when a snoozed reminder fires again, in UTC ms. 'tomorrow9' is the next
 * calendar day at 09:00 in `zone`, even across a DST change (23/25-hour days).
 */
export function snoozeUntil(choice: SnoozeChoice, nowMs: number, zone: string): number {
  switch (choice) {
    case '15m':
      return nowMs + 15 * MINUTE;
    case '1h':
      return nowMs + 60 * MINUTE;
    case 'tomorrow9': {
      // plus({ days: 1 }) is calendar-aware in luxon, so a 23-hour day still lands on the next date.
      const next = DateTime.fromMillis(nowMs, { zone }).plus({ days: 1 });
      return fromWallClock({ year: next.year, month: next.month, day: next.day, hour: 9, minute: 0 }, zone)
        .at;
    }
  }
}
