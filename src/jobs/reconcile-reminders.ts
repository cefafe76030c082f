import type { ReminderStore } from '../core/reminders/reminder.port.ts';
import type { ReminderScheduler } from './reminder-scheduler.ts';

/** why: one addBulk round trip per 500 reminders keeps start-up quick without huge pipelines. */
const PAGE = 500;

/**
 * Makes sure every pending reminder has its job (restart safety): a process
 * that died between saving a reminder and adding its job, or a Redis restored
 * without the queue, loses nothing. Adding an existing occurrence is a no-op
 * (deterministic job ids), so this is safe to run on every start.
 */
export async function reconcileReminders(
  store: ReminderStore,
  scheduler: ReminderScheduler,
): Promise<number> {
  let cursor = '0';
  let count = 0;
  do {
    const page = await store.scanPending(cursor, PAGE);
    cursor = page.cursor;
    await scheduler.scheduleMany(page.items);
    count += page.items.length;
  } while (cursor !== '0');
  return count;
}
