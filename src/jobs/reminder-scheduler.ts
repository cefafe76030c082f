import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import type { RepeatSeries, SchedulerPort } from '../core/ports/scheduler.port.ts';
import {
  queuePrefix,
  REMINDER_QUEUE,
  type ReminderJobData,
  reminderJobId,
  reminderSeriesId,
} from './queue-prefix.ts';
import { reminderRepeatStrategy } from './repeat-strategy.ts';

/** Delivery tuning shared by the producer (job options) and the worker. */
export interface DeliveryTuning {
  /** Attempts before a transient failure gives up. */
  readonly attempts: number;
}

// why: the event stream is read 1,000 entries a round trip when a member's data is deleted
const EVENTS_BATCH = 1000;

/** why: failed jobs are kept a week for diagnosis, then dropped; the count caps a bad day. */
export const KEEP_FAILED = { age: 7 * 86_400, count: 5_000 } as const;

/**
 * The scheduler port on BullMQ. A one-off occurrence is a delayed job with id
 * `reminder-<id>-<epoch>`, so adding the same occurrence twice keeps one job.
 * A repeat is a job scheduler `reminder-<id>` whose pattern is the core's
 * series rule (see repeat-strategy.ts); BullMQ adds each occurrence's job.
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
    this.queue = new Queue<ReminderJobData>(REMINDER_QUEUE, {
      connection,
      prefix: this.prefix,
      settings: { repeatStrategy: reminderRepeatStrategy },
    });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'reminder queue error'));
  }

  /** Options every delivery job carries, one-off or made by a series. */
  private get deliveryOptions() {
    return {
      attempts: this.tuning.attempts,
      backoff: { type: 'platform' },
      removeOnComplete: true,
      removeOnFail: KEEP_FAILED,
    };
  }

  private jobOptions(reminderId: string, at: number) {
    const now = Date.now();
    return {
      ...this.deliveryOptions,
      jobId: reminderJobId(reminderId, at),
      // BullMQ promotes at timestamp + delay; pinning the timestamp makes that exactly `at`.
      timestamp: now,
      delay: Math.max(0, at - now),
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

  async scheduleSeries(reminderId: string, series: RepeatSeries): Promise<number | undefined> {
    const first = await this.queue.upsertJobScheduler(
      reminderSeriesId(reminderId),
      { pattern: series.rule, tz: series.zone },
      { name: 'deliver', data: { r: reminderId }, opts: this.deliveryOptions },
    );
    return first?.opts.prevMillis;
  }

  /** Creates the series only when it is missing (restart reconciliation); true when it was. */
  async ensureSeries(reminderId: string, series: RepeatSeries): Promise<boolean> {
    if (await this.queue.getJobScheduler(reminderSeriesId(reminderId))) return false;
    await this.scheduleSeries(reminderId, series);
    return true;
  }

  async unscheduleSeries(reminderId: string): Promise<void> {
    await this.queue.removeJobScheduler(reminderSeriesId(reminderId));
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
    for (const id of wanted) await this.unscheduleSeries(id);
    const base = `${this.prefix}:${REMINDER_QUEUE}:`;
    const found = new Set<string>();
    // Clean-up is the one place we SCAN. Job hashes are <prefix>:reminders:<job id>, where a
    // one-off's id is reminder-<id>-<epoch> and a series' job's is repeat:reminder-<id>:<epoch>.
    for (const pattern of [`${base}reminder-*`, `${base}repeat:reminder-*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await this.connection.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          const jobId = jobIdOfKey(key.slice(base.length));
          const id = jobId ? reminderOfJobId(jobId) : undefined;
          if (jobId && id && wanted.has(id)) found.add(jobId);
        }
      } while (cursor !== '0');
    }
    for (const jobId of found) await this.unscheduleJob(jobId);
    await this.forgetEvents(wanted);
  }

  /**
   * Deletes the entries of the queue's event stream (`added`, `delayed`,
   * `failed`, `removed`...) that name one of these reminders' jobs, so a
   * deleted member's reminder ids do not linger there until the stream is
   * trimmed. Entries are matched by job id, one-off or series.
   */
  private async forgetEvents(reminderIds: ReadonlySet<string>): Promise<void> {
    const key = `${this.prefix}:${REMINDER_QUEUE}:events`;
    // Job ids (`reminder-<id>-<epoch>`, `repeat:reminder-<id>:<epoch>`) and scheduler ids (`reminder-<id>`).
    const needles = [...reminderIds].map((id) => new RegExp(`reminder-${escapeRegExp(id)}(?![\\w])`));
    const names = (value: string) => needles.some((n) => n.test(value));
    let start = '-';
    for (;;) {
      const batch = await this.connection.xrange(key, start, '+', 'COUNT', EVENTS_BATCH);
      const doomed = batch.filter(([, fields]) => fields.some(names)).map(([id]) => id);
      if (doomed.length > 0) await this.connection.xdel(key, ...doomed);
      const lastId = batch[batch.length - 1]?.[0];
      if (batch.length < EVENTS_BATCH || !lastId) return;
      start = `(${lastId}`;
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The job id in a job's key (`reminder-x-1:logs` -> `reminder-x-1`, `repeat:reminder-x:1` stays). */
function jobIdOfKey(rest: string): string | undefined {
  const parts = rest.split(':');
  if (parts[0] === 'repeat') return parts.length >= 3 ? parts.slice(0, 3).join(':') : undefined;
  return parts[0];
}

/** The reminder id of a delivery job id, one-off or series. */
function reminderOfJobId(jobId: string): string | undefined {
  return (/^reminder-(.+)-\d+$/.exec(jobId) ?? /^repeat:reminder-(.+):\d+$/.exec(jobId))?.[1];
}
