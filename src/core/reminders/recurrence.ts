import { DateTime } from 'luxon';
import { fromWallClock, type WallClock } from '../time/parse-when.ts';
import type { Repeat } from './reminder.ts';

/** One period of each repeat, in a luxon unit (weekdays count days, skipping weekends). */
const STEP: Record<Repeat, { readonly unit: 'days' | 'weeks' | 'months'; readonly size: number }> = {
  daily: { unit: 'days', size: 1 },
  weekdays: { unit: 'days', size: 1 },
  weekly: { unit: 'weeks', size: 1 },
  // why: "every 2 weeks", "every other Friday"
  fortnightly: { unit: 'weeks', size: 2 },
  monthly: { unit: 'months', size: 1 },
};
/** why: ISO weekdays 1-5 are Monday to Friday; a working week has 5 of them. */
const WORKDAYS_PER_WEEK = 5;

/** `date` plus `n` working days (Monday-Friday); a weekend date first moves to the Monday after. */
function plusWorkdays(date: DateTime, n: number): DateTime {
  let d = date;
  if (d.weekday > WORKDAYS_PER_WEEK) d = d.plus({ days: 8 - d.weekday });
  const weeks = Math.floor(n / WORKDAYS_PER_WEEK);
  const rest = n % WORKDAYS_PER_WEEK;
  let days = weeks * 7 + rest;
  if (d.weekday + rest > WORKDAYS_PER_WEEK) days += 2;
  return d.plus({ days });
}
/** why: a daily reminder missed for two years is 730 steps; beyond that something is wrong. */
const MAX_STEPS = 5_000;

/** The wall-clock fields of an instant in a zone (to the second; "in 5 seconds" may repeat daily). */
export function wallOf(atMs: number, zone: string): WallClock {
  const d = DateTime.fromMillis(atMs, { zone });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second };
}

/** The instant of a wall-clock time in a zone (DST gaps move forward, repeated times take the first). */
export function wallAt(wc: WallClock, zone: string): number {
  return fromWallClock({ ...wc, second: wc.second ?? 0, millisecond: 0 }, zone).at;
}

/**
 * The wall-clock time of occurrence `n` of a repeat: the anchor's date plus `n`
 * days/weeks/months, at the anchor's time of day. Counting from the anchor (not
 * from the previous occurrence) keeps a monthly reminder on the 31st from
 * drifting to the 28th after February.
 */
export function occurrenceWall(anchor: WallClock, repeat: Repeat, n: number): WallClock {
  const start = DateTime.fromObject(
    { year: anchor.year, month: anchor.month, day: anchor.day },
    { zone: 'UTC' },
  );
  const { unit, size } = STEP[repeat];
  const date = repeat === 'weekdays' ? plusWorkdays(start, n) : start.plus({ [unit]: n * size });
  return { ...anchor, year: date.year, month: date.month, day: date.day };
}

/** The instant of occurrence `n`, read in `zone`: 09:00 stays 09:00 across daylight-saving changes. */
export function occurrenceAt(anchor: WallClock, repeat: Repeat, n: number, zone: string): number {
  return wallAt(occurrenceWall(anchor, repeat, n), zone);
}

/** True when two wall-clock times name the same minute and second. */
export function sameWall(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    (a.second ?? 0) === (b.second ?? 0)
  );
}

/** The first occurrence after occurrence `n` that is later than `after` (missed ones are skipped). */
export function nextOccurrence(
  anchor: WallClock,
  repeat: Repeat,
  n: number,
  zone: string,
  after: number,
): { n: number; at: number } {
  for (let k = n + 1; k <= n + MAX_STEPS; k++) {
    const at = occurrenceAt(anchor, repeat, k, zone);
    if (at > after) return { n: k, at };
  }
  throw new Error(`no occurrence of a ${repeat} reminder within ${MAX_STEPS} steps`);
}

/**
 * The first occurrence of a series strictly later than `after`, counting from
 * the anchor (occurrence 0). Starts near the answer instead of at the anchor,
 * so a daily reminder two years old costs a few steps, not 730.
 */
export function nextInSeries(
  anchor: WallClock,
  repeat: Repeat,
  zone: string,
  after: number,
): { n: number; at: number } {
  const start = DateTime.fromObject({ year: anchor.year, month: anchor.month, day: anchor.day }, { zone });
  const { unit, size } = STEP[repeat];
  const periods = DateTime.fromMillis(after, { zone }).diff(start, unit).get(unit) / size;
  const elapsed = Math.floor(repeat === 'weekdays' ? (periods * WORKDAYS_PER_WEEK) / 7 : periods);
  // why: one period of slack absorbs DST-shortened days and month-end clamping in the estimate
  const from = Math.max(-1, elapsed - 2);
  return nextOccurrence(anchor, repeat, from, zone, after);
}

/** True when `at` is exactly one of the series' occurrences in `zone`. */
export function isOccurrence(anchor: WallClock, repeat: Repeat, zone: string, at: number): boolean {
  return nextInSeries(anchor, repeat, zone, at - 1).at === at;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A series as one string, `daily 2026-11-02T09:00:05`: the job system keeps it
 * as its scheduler's pattern and hands it back to compute each next occurrence
 * (with {@link parseSeriesRule} and {@link nextInSeries}), so the job system and
 * the core agree on every instant, across DST and month ends.
 */
export function seriesRule(anchor: WallClock, repeat: Repeat): string {
  const date = `${pad(anchor.year, 4)}-${pad(anchor.month)}-${pad(anchor.day)}`;
  return `${repeat} ${date}T${pad(anchor.hour)}:${pad(anchor.minute)}:${pad(anchor.second ?? 0)}`;
}

/** Reads a {@link seriesRule} back; undefined for anything else. */
export function parseSeriesRule(rule: string): { anchor: WallClock; repeat: Repeat } | undefined {
  const m =
    /^(daily|weekdays|weekly|fortnightly|monthly) (\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(
      rule,
    );
  if (!m) return undefined;
  const [, repeat, year, month, day, hour, minute, second] = m;
  return {
    repeat: repeat as Repeat,
    anchor: {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    },
  };
}
