import { DateTime } from 'luxon';
import { fromWallClock, type WallClock } from '../time/parse-when.ts';
import type { Repeat } from './reminder.ts';

const UNIT: Record<Repeat, 'days' | 'weeks' | 'months'> = {
  daily: 'days',
  weekly: 'weeks',
  monthly: 'months',
};
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
  const date = DateTime.fromObject(
    { year: anchor.year, month: anchor.month, day: anchor.day },
    { zone: 'UTC' },
  ).plus({
    [UNIT[repeat]]: n,
  });
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
  const elapsed = Math.floor(
    DateTime.fromMillis(after, { zone }).diff(start, UNIT[repeat]).get(UNIT[repeat]),
  );
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
  const m = /^(daily|weekly|monthly) (\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(rule);
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
