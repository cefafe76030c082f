import type { ReminderStore } from '../core/reminders/reminder.port.ts';

/** why: polling every 100 ms is invisible to a person and cheap for one member's handful of reminders. */
const POLL_MS = 100;

/**
 * Waits until none of a member's reminders due within `graceMs` from now is
 * still pending (delivered, moved on to its next repeat, or cancelled), or
 * until the grace period (plus a short margin for the delivery itself) ends.
 * The shell uses it so a piped session prints DMs due soon before it exits.
 */
export async function awaitDueReminders(
  store: ReminderStore,
  userId: string,
  graceMs: number,
): Promise<void> {
  const horizon = Date.now() + graceMs;
  const giveUpAt = horizon + 2_000; // why: the worker needs a moment after the due time to deliver
  for (;;) {
    const due = (await store.listForUser(userId)).filter(
      (r) => r.status === 'pending' && r.fireAt <= horizon,
    );
    if (due.length === 0 || Date.now() >= giveUpAt) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
