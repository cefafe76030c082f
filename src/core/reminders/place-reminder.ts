import type { CoreDeps } from '../deps.ts';
import type { UserSettings } from '../ports/settings.port.ts';
import { applyQuietHours } from '../time/quiet-hours.ts';
import { nextOccurrence, occurrenceWall, sameWall, seriesRule, wallAt, wallOf } from './recurrence.ts';
import type { Reminder } from './reminder.ts';

/** The parts of the core's dependencies that reminder use cases need. */
export type ReminderDeps = Pick<CoreDeps, 'reminders' | 'userSettings' | 'settings' | 'clock' | 'logger'>;

/** A member's delivery timing: their zone and settings (quiet hours, undeliverable). */
export interface MemberTiming {
  readonly zone: string;
  readonly user: UserSettings;
}

/** Reads the member's zone (else the configured default) and settings. */
export async function memberTiming(
  deps: Pick<CoreDeps, 'userSettings' | 'settings'>,
  userId: string,
): Promise<MemberTiming> {
  const user = await deps.userSettings.getUser(userId);
  return { zone: user.zone ?? deps.settings.defaultTimezone, user };
}

/**
 * When a reminder is due in `zone`: its wall-clock intent read there, else its
 * fixed instant. For a one-off, a stored instant that already reads as that
 * wall clock is kept, so a time that happens twice (fall back) keeps the
 * occurrence chosen. A repeat's occurrence is always the instant its series
 * computes (whole seconds, first of a repeated time), so the job BullMQ makes
 * for it and the record name the same instant.
 */
export function dueInZone(
  r: Pick<Reminder, 'dueAt' | 'wall' | 'repeat' | 'occurrence'>,
  zone: string,
): number {
  if (!r.wall) return r.dueAt;
  if (r.repeat) return wallAt(occurrenceWall(r.wall, r.repeat, r.occurrence ?? 0), zone);
  return sameWall(wallOf(r.dueAt, zone), r.wall) ? r.dueAt : wallAt(r.wall, zone);
}

/** why: a repeat placed as its occurrence comes due (or a minute after) keeps it; older ones are skipped. */
const ROLL_GRACE_MS = 60_000;

/**
 * The occurrence a repeat is placed at: its current one read in `zone`, moved
 * on to the first one still ahead when that is gone, unless it is already
 * due and only waiting for quiet hours to end (then it keeps its turn).
 */
function repeatOccurrence(r: Reminder, zone: string, now: number): { occurrence: number; dueAt: number } {
  const occurrence = r.occurrence ?? 0;
  const dueAt = dueInZone(r, zone);
  const waiting = r.status === 'pending' && r.dueAt <= now && r.fireAt > now;
  if (waiting) return { occurrence, dueAt: r.dueAt };
  if (dueAt > now - ROLL_GRACE_MS || !r.wall || !r.repeat) return { occurrence, dueAt };
  const next = nextOccurrence(r.wall, r.repeat, occurrence, zone, now);
  return { occurrence: next.n, dueAt: next.at };
}

/**
 * Saves a pending reminder with its delivery instant (the due time read in the
 * member's zone, deferred past quiet hours) and makes sure a job will deliver
 * it: a one-off reminder gets a delayed job for that instant; a repeat gets its
 * series (a job scheduler that adds every occurrence), plus a job for the
 * current occurrence when quiet hours defer it. The previous job is removed
 * when the instant moved. The record is written first: if the process dies
 * before the job exists, restart reconciliation adds it; an old job left
 * behind is skipped as stale by the worker.
 *
 * `seriesRunning` (after a delivery): the series already adds the next
 * occurrence, so it is not replaced.
 */
export async function placeReminder(
  deps: ReminderDeps,
  reminder: Reminder,
  opts: { previous?: Reminder; timing?: MemberTiming; seriesRunning?: boolean } = {},
): Promise<Reminder> {
  const timing = opts.timing ?? (await memberTiming(deps, reminder.userId));
  const { zone } = timing;
  const repeat = reminder.repeat && reminder.wall ? reminder : undefined;
  const at = repeat
    ? repeatOccurrence(reminder, zone, deps.clock.now())
    : { occurrence: reminder.occurrence, dueAt: dueInZone(reminder, zone) };
  const fireAt = applyQuietHours(at.dueAt, zone, timing.user.quietHours).at;
  const placed: Reminder = {
    ...reminder,
    status: 'pending',
    dueAt: at.dueAt,
    fireAt,
    zone,
    ...(repeat ? { occurrence: at.occurrence } : {}),
    deliveredAt: undefined,
  };
  const { scheduler } = deps.reminders;
  await deps.reminders.store.save(placed);
  if (repeat?.wall && repeat.repeat) {
    const first = opts.seriesRunning
      ? placed.dueAt
      : await scheduler.scheduleSeries(placed.id, { rule: seriesRule(repeat.wall, repeat.repeat), zone });
    // The series starts after now; an occurrence due this very moment, or held by quiet hours, gets its own job.
    if (first !== placed.dueAt || fireAt !== placed.dueAt) await scheduler.schedule(placed.id, fireAt);
  } else {
    await scheduler.schedule(placed.id, fireAt);
  }
  const prev = opts.previous;
  if (prev && prev.status === 'pending' && prev.fireAt !== fireAt) {
    await scheduler.unschedule(prev.id, prev.fireAt);
  }
  return placed;
}

/** Deletes a reminder, its waiting job and (for a repeat) its series. */
export async function dropReminder(deps: Pick<CoreDeps, 'reminders'>, reminder: Reminder): Promise<void> {
  await deps.reminders.store.remove(reminder.id);
  if (reminder.status === 'pending') await deps.reminders.scheduler.unschedule(reminder.id, reminder.fireAt);
  if (reminder.repeat) await deps.reminders.scheduler.unscheduleSeries(reminder.id);
}

/**
 * Re-places every pending reminder of a member after their zone or quiet hours
 * changed: wall-clock reminders (09:00 deadline days, repeats) follow the new
 * zone, and every delivery instant is re-checked against quiet hours.
 */
export async function replaceMemberReminders(deps: ReminderDeps, userId: string): Promise<number> {
  const timing = await memberTiming(deps, userId);
  let moved = 0;
  for (const r of await deps.reminders.store.listForUser(userId)) {
    if (r.status !== 'pending') continue;
    const placed = await placeReminder(deps, r, { previous: r, timing });
    if (placed.fireAt !== r.fireAt) moved++;
  }
  return moved;
}
