import { DateTime } from 'luxon';
import { wallAt } from '../reminders/recurrence.ts';
import type { WallClock } from '../time/parse-when.ts';
import { letterDay } from './letter-timing.ts';
import type { TrackerEntry } from './tracker.ts';

/** The reminders an application can trigger. */
export type ChainKind = 'follow-up' | 'letter' | 'thank-you';

/** One step of a follow-up chain: what, and when (local intent and instant). */
export interface ChainStep {
  readonly kind: ChainKind;
  readonly wall: WallClock;
  readonly dueAt: number;
}

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
 * - accepted / rotating with an end date: ask for a letter on the day
 *   {@link letterDay} picks (never in the first week, never before
 *   mid-rotation; the next `hour`:00 if that is past), and a thank-you note
 *   the day after the end; the letter never comes after the thank-you.
 * - completed with an end date: the thank-you note, if still ahead.
 * - interested, rejected: nothing.
 */
export function planChain(
  entry: Pick<TrackerEntry, 'status' | 'contactedOn' | 'statusChangedAt' | 'rotationStart' | 'rotationEnd'>,
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
  if (!end) return steps;
  const thanks = step('thank-you', shiftDays(dateWall(end, hour), 1), zone);
  if (entry.status === 'accepted' || entry.status === 'rotating') {
    let letter = dateWall(letterDay(entry.rotationStart, end).date, hour);
    if (wallAt(letter, zone) <= now) letter = nextLocalHour(now, zone, hour);
    // Once the thank-you is due, asking for the letter is folded into it.
    if (wallAt(letter, zone) <= thanks.dueAt) steps.push(step('letter', letter, zone));
  }
  const rotation = entry.status === 'accepted' || entry.status === 'rotating' || entry.status === 'completed';
  if (rotation && thanks.dueAt > now) steps.push(thanks);
  return steps;
}
