import { DateTime } from 'luxon';
import { wallAt } from '../reminders/recurrence.ts';
import type { WallClock } from '../time/parse-when.ts';
import type { TrackerEntry } from './tracker.ts';

/** The reminders an application can trigger. */
export type ChainKind = 'follow-up' | 'letter' | 'thank-you';

/** One step of a follow-up chain: what, and when (local intent and instant). */
export interface ChainStep {
  readonly kind: ChainKind;
  readonly wall: WallClock;
  readonly dueAt: number;
}

/**
 * why: a letter is best asked for 2-4 weeks before the rotation ends (the supervisor still
 * remembers the work and has time to write); 3 weeks is the middle.
 */
export const LETTER_DAYS_BEFORE_END = 21;

function dateWall(isoDate: string, hour: number): WallClock {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour, minute: 0 };
}

function shiftDays(wall: WallClock, days: number): WallClock {
  const d = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day }, { zone: 'UTC' }).plus({
    days,
  });
  return { ...wall, year: d.year, month: d.month, day: d.day };
}

/** The next `hour`:00 on the member's wall clock after `now`. */
function nextLocalHour(now: number, zone: string, hour: number): ChainStep['wall'] {
  const today = DateTime.fromMillis(now, { zone });
  const wall: WallClock = { year: today.year, month: today.month, day: today.day, hour, minute: 0 };
  return wallAt(wall, zone) > now ? wall : shiftDays(wall, 1);
}

function step(kind: ChainKind, wall: WallClock, zone: string): ChainStep {
  return { kind, wall, dueAt: wallAt(wall, zone) };
}

/**
 * The follow-up chain an application calls for now (pure: the caller diffs it
 * with what is scheduled, so any status change cancels the steps it makes moot):
 * - applied / contacted: a follow-up `followUpDays` after the contact (or the
 *   status change) at `hour`:00; if that is already past, the next `hour`:00.
 * - accepted / rotating with an end date: ask for a letter 3 weeks before the
 *   end (or the next `hour`:00 if that is past but the rotation is not over),
 *   and a thank-you note the day after the end.
 * - completed with an end date: the thank-you note, if still ahead.
 * - interested, rejected: nothing.
 */
export function planChain(
  entry: Pick<TrackerEntry, 'status' | 'contactedOn' | 'statusChangedAt' | 'rotationEnd'>,
  opts: { readonly zone: string; readonly now: number; readonly followUpDays: number; readonly hour: number },
): ChainStep[] {
  const { zone, now, hour } = opts;
  const steps: ChainStep[] = [];
  if (entry.status === 'applied' || entry.status === 'contacted') {
    const base = entry.contactedOn ?? DateTime.fromMillis(entry.statusChangedAt, { zone }).toISODate()!;
    let wall = shiftDays(dateWall(base, hour), opts.followUpDays);
    if (wallAt(wall, zone) <= now) wall = nextLocalHour(now, zone, hour);
    steps.push(step('follow-up', wall, zone));
  }
  const end = entry.rotationEnd;
  if (end && (entry.status === 'accepted' || entry.status === 'rotating')) {
    const endWall = dateWall(end, hour);
    let letter = shiftDays(endWall, -LETTER_DAYS_BEFORE_END);
    if (wallAt(letter, zone) <= now) letter = nextLocalHour(now, zone, hour);
    // Past the last day of the rotation, the thank-you note is the step that still makes sense.
    if (wallAt(letter, zone) <= wallAt({ ...endWall, hour: 23, minute: 59 }, zone)) {
      steps.push(step('letter', letter, zone));
    }
  }
  if (end && (entry.status === 'accepted' || entry.status === 'rotating' || entry.status === 'completed')) {
    const thanks = step('thank-you', shiftDays(dateWall(end, hour), 1), zone);
    if (thanks.dueAt > now) steps.push(thanks);
  }
  return steps;
}
