import { seriesRule } from '../core/reminders/recurrence.ts';
import type { ReminderStore } from '../core/reminders/reminder.port.ts';
import type { Reminder } from '../core/reminders/reminder.ts';
import type { ReminderScheduler } from './reminder-scheduler.ts';

/** why: one addBulk round trip per 500 reminders keeps start-up quick without huge pipelines. */
const PAGE = 500;

/** Re-creates a repeat's series if it is missing; true when the current occurrence then needs its own job. */
async function ensureSeries(
  scheduler: ReminderScheduler,
  r: Reminder,
  fallbackZone: string,
): Promise<boolean> {
  if (!r.repeat || !r.wall) return true;
  const created = await scheduler.ensureSeries(r.id, {
    rule: seriesRule(r.wall, r.repeat),
    zone: r.zone ?? fallbackZone,
  });
  // A new series starts after now, so an occurrence that came due while it was missing gets its own job;
  // so does one deferred by quiet hours (the series' job for it has already run).
  return created || r.fireAt !== r.dueAt;
}

/**
 * Makes sure every pending reminder has its job (restart safety): a process
 * that died between saving a reminder and adding its job, or a Redis restored
 * without the queue, loses nothing; a repeat gets its series back. Adding an
 * existing occurrence is a no-op (deterministic job ids), so this is safe to
 * run on every start. Occurrences that came due while everything was down
 * are then delivered at once (BullMQ runs overdue delayed jobs first).
 */
export async function reconcileReminders(
  store: ReminderStore,
  scheduler: ReminderScheduler,
  fallbackZone: string,
): Promise<number> {
  let cursor = '0';
  let count = 0;
  do {
    const page = await store.scanPending(cursor, PAGE);
    cursor = page.cursor;
    const records = await store.getMany(page.items.map((i) => i.id));
    const oneOffs: { id: string; fireAt: number }[] = [];
    for (const r of records) {
      if (r?.status === 'pending' && (await ensureSeries(scheduler, r, fallbackZone))) oneOffs.push(r);
    }
    await scheduler.scheduleMany(oneOffs);
    count += records.length;
  } while (cursor !== '0');
  return count;
}
