import { DateTime } from 'luxon';

/**
 * When to ask for a letter of recommendation during a rotation, as a calendar
 * date, and why (said to the member next to the date).
 *
 * The articles: ask 2-4 weeks before the rotation ends (or soon after), once
 * the supervisor has seen you work. So the day is never in the first week and
 * never before mid-rotation; it is 3 weeks before the end when the rotation is
 * long enough for that, else as close to that window as mid-rotation allows;
 * a rotation too short for the window gets it in its last days, and one of a
 * week or less the day after it ends (the thank-you note's day, never later).
 */
export interface LetterDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Plain words: "2 weeks before the rotation ends", "in its last days". */
  readonly why: string;
}

/** why: "seen working first": a supervisor has seen little of you in the first week. */
const FIRST_WEEK_DAYS = 7;
/** why: the articles' window is 2-4 weeks before the end; 3 weeks is its middle. */
const IDEAL_DAYS_BEFORE_END = 21;
const WINDOW_LATEST_DAYS_BEFORE_END = 14;
/** why: "its last days": asked with 3 days to go, the member still sees the writer after asking. */
const LAST_DAYS_BEFORE_END = 3;

function plusDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days,
  );
}

function beforeEnd(daysBeforeOver: number): string {
  if (daysBeforeOver % 7 === 0) {
    const weeks = daysBeforeOver / 7;
    return `${weeks} week${weeks === 1 ? '' : 's'} before the rotation ends`;
  }
  return `${daysBeforeOver} days before the rotation ends`;
}

/**
 * The day to ask for a letter, from the rotation's first and last day
 * (`YYYY-MM-DD`, inclusive). Without a first day the length is unknown, so
 * the safe choice is its last days.
 */
export function letterDay(rotationStart: string | undefined, rotationEnd: string): LetterDay {
  // Day indexes count from the first day (0); `length` is the first day after the rotation.
  if (!rotationStart || rotationStart > rotationEnd) {
    return {
      date: plusDays(rotationEnd, 1 - LAST_DAYS_BEFORE_END),
      why: 'in the rotation’s last days (give rotation_start for a better-timed reminder)',
    };
  }
  const length = daysBetween(rotationStart, rotationEnd) + 1;
  const earliest = Math.max(FIRST_WEEK_DAYS, Math.ceil(length / 2));
  if (length - WINDOW_LATEST_DAYS_BEFORE_END >= earliest) {
    const index = Math.max(length - IDEAL_DAYS_BEFORE_END, earliest);
    return { date: plusDays(rotationStart, index), why: beforeEnd(length - index) };
  }
  if (earliest <= length - 1) {
    const index = Math.max(earliest, length - LAST_DAYS_BEFORE_END);
    return {
      date: plusDays(rotationStart, index),
      why: `in the rotation’s last days (${beforeEnd(length - index)}; it is too short to ask 2-4 weeks ahead)`,
    };
  }
  return {
    date: plusDays(rotationEnd, 1),
    why: 'the day after the rotation ends (it is too short to ask during it once you have been seen working)',
  };
}
