import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import type { SchedulerPort } from '../core/ports/scheduler.port.ts';
import { queuePrefix, REMINDER_QUEUE, type ReminderJobData, reminderJobId } from './queue-prefix.ts';

/** Delivery tuning shared by the producer (job options) and the worker. */
export interface DeliveryTuning {
  /** Attempts before a transient failure gives up. */
  readonly attempts: number;
}

/** why: failed jobs are kept a week for diagnosis, then dropped; the count caps a bad day. */
export const KEEP_FAILED = { age: 7 * 86_400, count: 5_000 } as const;

/**
 * The scheduler port on BullMQ: one delayed job per occurrence, id
 * `reminder-<id>-<epoch>`, so adding the same occurrence twice keeps one job.
 * Completed jobs are removed at once (the delivery ledger, not the job, is
 * the record that an occurrence was sent).
 */
export class ReminderScheduler implements SchedulerPort {
  readonly queue: Queue<ReminderJobData>;
  private readonly prefix: string;

  constructor(
    private readonly connection: Redis,
    appPrefix: string,
    private readonly tuning: DeliveryTuning,
    private readonly logger: CoreLogger,
  ) {
    this.prefix = queuePrefix(appPrefix);
    this.queue = new Queue<ReminderJobData>(REMINDER_QUEUE, { connection, prefix: this.prefix });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'reminder queue error'));
  }

  private jobOptions(reminderId: string, at: number) {
    return {
      jobId: reminderJobId(reminderId, at),
      // BullMQ promotes at timestamp + delay; pinning the timestamp makes that exactly `at`.
      timestamp: Date.now(),
      delay: Math.max(0, at - Date.now()),
      attempts: this.tuning.attempts,
      backoff: { type: 'platform' },
      removeOnComplete: true,
      removeOnFail: KEEP_FAILED,
    };
  }

  async schedule(reminderId: string, at: number): Promise<void> {
    await this.queue.add('deliver', { r: reminderId, at }, this.jobOptions(reminderId, at));
  }

  /** Schedules many occurrences in one round trip (restart reconciliation); existing ones are kept. */
  async scheduleMany(items: readonly { readonly id: string; readonly fireAt: number }[]): Promise<void> {
    if (items.length === 0) return;
    await this.queue.addBulk(
      items.map((i) => ({
        name: 'deliver',
        data: { r: i.id, at: i.fireAt },
        opts: this.jobOptions(i.id, i.fireAt),
      })),
    );
  }

  unschedule(reminderId: string, at: number): Promise<void> {
    return this.unscheduleJob(reminderJobId(reminderId, at));
  }

  private async unscheduleJob(jobId: string): Promise<void> {
    try {
      await this.queue.remove(jobId);
    } catch (err) {
      // A job being processed is locked; the worker will find it stale and skip it.
      this.logger.debug({ err: (err as Error).message, jobId }, 'could not remove reminder job');
    }
  }

  async purge(reminderIds: readonly string[]): Promise<void> {
    if (reminderIds.length === 0) return;
    const wanted = new Set(reminderIds);
    const base = `${this.prefix}:${REMINDER_QUEUE}:`;
    const found = new Set<string>();
    // Clean-up is the one place we SCAN: job hashes are named <prefix>:reminders:reminder-<id>-<epoch>.
    let cursor = '0';
    do {
      const [next, keys] = await this.connection.scan(cursor, 'MATCH', `${base}reminder-*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const jobId = key.slice(base.length).split(':')[0]!;
        const id = /^reminder-(.+)-\d+$/.exec(jobId)?.[1];
        if (id && wanted.has(id)) found.add(jobId);
      }
    } while (cursor !== '0');
    for (const jobId of found) await this.unscheduleJob(jobId);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
