import type { CoreDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';
import { cancelDeadlineStep } from './deadline-reminders.ts';
import { dropReminder, type ReminderDeps } from './place-reminder.ts';
import type { Reminder } from './reminder.ts';

/** The member's own reminder by id; `REMINDER.NOT_FOUND` for anyone else's or a gone one. */
export async function ownReminder(
  deps: Pick<CoreDeps, 'reminders'>,
  userId: string,
  id: string,
): Promise<Result<Reminder>> {
  const r = await deps.reminders.store.get(id);
  if (r && r.userId === userId) return ok(r);
  return fail(
    'REMINDER.NOT_FOUND',
    `You have no reminder with id ${id} (it may have been cancelled, or cleared a week after delivery). /reminders lists yours.`,
  );
}

/**
 * Cancels one of the member's reminders: its job and (for a repeat) its
 * series go too. A deadline step is remembered as cancelled, so a later
 * change of the listing's deadline does not bring it back. Fails with
 * `REMINDER.NOT_FOUND`.
 */
export async function cancelReminder(
  deps: ReminderDeps,
  req: { readonly userId: string; readonly id: string },
): Promise<Result<Reminder>> {
  const found = await ownReminder(deps, req.userId, req.id);
  if (!found.ok) return found;
  const r = found.value;
  if (r.kind === 'deadline') await cancelDeadlineStep(deps, r);
  else await dropReminder(deps, r);
  return ok(r);
}
