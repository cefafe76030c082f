import type { Caller } from '../caller.ts';
import { ok, type Result } from '../result.ts';
import { type SnoozeChoice, snoozeUntil } from '../time/snooze.ts';
import { ownReminder } from './cancel-reminder.ts';
import { dropReminder, placeReminder, type ReminderDeps } from './place-reminder.ts';
import type { Reminder } from './reminder.ts';

/**
 * Snoozes a delivered reminder until the chosen time in the member's zone. A
 * one-off moves to the new time; a repeating one gets a one-off copy, so its
 * own schedule is untouched. Returns the reminder snoozed and the one placed.
 * Fails with `REMINDER.NOT_FOUND`.
 */
export async function snoozeReminder(
  deps: ReminderDeps,
  req: Caller & { readonly id: string; readonly choice: SnoozeChoice },
): Promise<Result<{ reminder: Reminder; placed: Reminder }>> {
  const found = await ownReminder(deps, req.by.userId, req.id);
  if (!found.ok) return found;
  const r = found.value;
  const until = snoozeUntil(req.choice, req.at, req.zone);
  const moved = r.repeat
    ? { ...r, id: deps.reminders.store.newId(), repeat: undefined, occurrence: undefined, createdAt: req.at }
    : r;
  const placed = await placeReminder(
    deps,
    { ...moved, wall: undefined, dueAt: until, fireAt: until },
    { previous: r.repeat ? undefined : r },
  );
  return ok({ reminder: r, placed });
}

/**
 * "Done" on a delivered reminder: a one-off (or a stopped repeat) is cleared;
 * a pending repeat is kept (`cleared: false`) since its next occurrence is
 * still wanted. Fails with `REMINDER.NOT_FOUND`.
 */
export async function finishReminder(
  deps: ReminderDeps,
  req: { readonly userId: string; readonly id: string },
): Promise<Result<{ reminder: Reminder; cleared: boolean }>> {
  const found = await ownReminder(deps, req.userId, req.id);
  if (!found.ok) return found;
  const r = found.value;
  if (r.status === 'pending' && r.repeat) return ok({ reminder: r, cleared: false });
  await dropReminder(deps, r);
  return ok({ reminder: r, cleared: true });
}
