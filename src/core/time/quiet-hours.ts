/**
 * Quiet hours: a daily local window (e.g. 22:00-07:00) during which the bot
 * holds DMs until the window ends. Windows are wall-clock times in the member's
 * zone, so "07:00" stays 07:00 on both sides of a DST change.
 */
import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.ts';
import { fromWallClock } from './parse-when.ts';

/** A time of day on the member's wall clock. */
export interface Clock {
  readonly hour: number;
  readonly minute: number;
}

/** A daily window [from, to); `from` after `to` crosses midnight, `from` equal to `to` is no window. */
export interface QuietWindow {
  readonly from: Clock;
  readonly to: Clock;
}

const CLOCK_EXAMPLE = 'Use HH:mm (24-hour) or 9pm, e.g. from:22:00 to:07:30.';

/**
 * Parses a time of day: 'HH:mm' or 'H:mm' (24-hour), or '9pm', '9:30 am',
 * '12am' (midnight), '12pm' (noon). Fails with `CLOCK.INVALID`.
 */
export function parseClock(text: string): Result<Clock> {
  const input = text.trim().toLowerCase().replace(/\s+/g, '');
  const invalid = fail(
    'CLOCK.INVALID',
    `I could not read "${text.trim()}" as a time of day. ${CLOCK_EXAMPLE}`,
  );
  const m12 = /^(\d{1,2})(?::(\d{2}))?([ap])\.?m\.?$/.exec(input);
  if (m12) {
    const h = Number(m12[1]);
    const minute = Number(m12[2] ?? 0);
    if (h < 1 || h > 12 || minute > 59) return invalid;
    // 12am is midnight and 12pm is noon, the usual trap with 12-hour clocks.
    return ok({ hour: (h % 12) + (m12[3] === 'p' ? 12 : 0), minute });
  }
  const m24 = /^(\d{1,2}):(\d{2})$/.exec(input);
  if (m24) {
    const hour = Number(m24[1]);
    const minute = Number(m24[2]);
    if (hour > 23 || minute > 59) return invalid;
    return ok({ hour, minute });
  }
  return invalid;
}

/**
 * Defers an instant that falls inside the member's quiet window to the window's
 * end (the next `to` on their wall clock); anything else is returned unchanged.
 * The end is built from local date + clock, so it is 07:00 local even when the
 * night is 23 or 25 hours long; a `to` inside a spring-forward gap moves forward.
 */
export function applyQuietHours(
  atMs: number,
  zone: string,
  window: QuietWindow | undefined,
): { at: number; deferred: boolean } {
  if (!window) return { at: atMs, deferred: false };
  const from = window.from.hour * 60 + window.from.minute;
  const to = window.to.hour * 60 + window.to.minute;
  if (from === to) return { at: atMs, deferred: false };

  const local = DateTime.fromMillis(atMs, { zone });
  const now = local.hour * 60 + local.minute;
  const crossesMidnight = from > to;
  const inside = crossesMidnight ? now >= from || now < to : now >= from && now < to;
  if (!inside) return { at: atMs, deferred: false };

  // Past midnight's side of an overnight window ends today; the evening side ends tomorrow.
  const endDay = crossesMidnight && now >= from ? local.plus({ days: 1 }) : local;
  const { at } = fromWallClock(
    {
      year: endDay.year,
      month: endDay.month,
      day: endDay.day,
      hour: window.to.hour,
      minute: window.to.minute,
    },
    zone,
    atMs,
  );
  return { at, deferred: true };
}
