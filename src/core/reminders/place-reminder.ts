import type { CoreDeps } from '../deps.ts';
import type { UserSettings } from '../ports/settings.port.ts';
import { applyQuietHours } from '../time/quiet-hours.ts';
import { occurrenceWall, sameWall, wallAt, wallOf } from './recurrence.ts';
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
 * fixed instant. A stored instant that already reads as that wall clock is
 * kept, so a time that happens twice (fall back) keeps the occurrence chosen.
 */
export function dueInZone(
  r: Pick<Reminder, 'dueAt' | 'wall' | 'repeat' | 'occurrence'>,
  zone: string,
): number {
  if (!r.wall) return r.dueAt;
  const target = r.repeat ? occurrenceWall(r.wall, r.repeat, r.occurrence ?? 0) : r.wall;
  return sameWall(wallOf(r.dueAt, zone), target) ? r.dueAt : wallAt(target, zone);
}

/**
 * Saves a pending reminder with its delivery instant (the due time read in the
 * member's zone, deferred past quiet hours), schedules that occurrence and
 * unschedules the previous one when it moved. The record is written first: if
 * the process dies before the job exists, restart reconciliation adds it; an
 * old job left behind is skipped as stale by the worker.
 */
export async function placeReminder(
  deps: ReminderDeps,
  reminder: Reminder,
  opts: { previous?: Reminder; timing?: MemberTiming } = {},
): Promise<Reminder> {
  const timing = opts.timing ?? (await memberTiming(deps, reminder.userId));
  const dueAt = dueInZone(reminder, timing.zone);
  const fireAt = applyQuietHours(dueAt, timing.zone, timing.user.quietHours).at;
  const placed: Reminder = { ...reminder, status: 'pending', dueAt, fireAt, deliveredAt: undefined };
  await deps.reminders.store.save(placed);
  await deps.reminders.scheduler.schedule(placed.id, fireAt);
  const prev = opts.previous;
  if (prev && prev.status === 'pending' && prev.fireAt !== fireAt) {
    await deps.reminders.scheduler.unschedule(prev.id, prev.fireAt);
  }
  return placed;
}

/** Deletes a reminder and its waiting job. */
export async function dropReminder(deps: Pick<CoreDeps, 'reminders'>, reminder: Reminder): Promise<void> {
  await deps.reminders.store.remove(reminder.id);
  if (reminder.status === 'pending') await deps.reminders.scheduler.unschedule(reminder.id, reminder.fireAt);
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
