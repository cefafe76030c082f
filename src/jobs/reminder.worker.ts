import { randomUUID } from 'node:crypto';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { abandonOccurrence, type DeliveryDeps, deliverReminder } from '../core/reminders/deliver-reminder.ts';
import { queuePrefix, REMINDER_QUEUE, type ReminderJobData } from './queue-prefix.ts';
import { KEEP_FAILED } from './reminder-scheduler.ts';
import { reminderRepeatStrategy } from './repeat-strategy.ts';

/** How the reminder worker runs; the first three come from settings.json `delivery`. */
export interface ReminderWorkerOptions {
  readonly appPrefix: string;
  /** Parallel deliveries in this process. */
  readonly concurrency: number;
  /** Messages per second across all workers of the queue (0 = no limit). */
  readonly maxPerSecond: number;
  /** Attempts per occurrence (must match the producer's). */
  readonly attempts: number;
  /** From this lateness on, the DM says it is late. */
  readonly lateAfterMs: number;
  /** Pause every worker of the queue this long after a platform 429 (the producer's queue does it). */
  readonly pauseQueue?: (ms: number) => Promise<void>;
  /** Lock and stall detection; shorter in tests so a killed worker's job comes back fast. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** A transient platform failure; carries the platform's requested wait for the backoff strategy. */
export class TransientDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}

/** why: 1 s, 2 s, 4 s ... capped at 5 min: the default 15 attempts ride out ~45 minutes of a platform outage. */
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential backoff with jitter, or exactly what the platform asked for (429 `retry_after`). */
export function platformBackoff(attemptsMade: number, _type?: string, err?: Error): number {
  const asked = err instanceof TransientDeliveryError ? err.retryAfterMs : undefined;
  if (asked !== undefined) return Math.max(asked, 50);
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4)); // why: ±20% jitter spreads a burst of retries
}

/** The instant of the occurrence a job delivers: its own for one-offs, BullMQ's for a series' jobs. */
export function occurrenceOf(job: Job<ReminderJobData>): number | undefined {
  return job.data.at ?? job.opts.prevMillis;
}

/** The processor: one call to the delivery use case, its result mapped to BullMQ's retry semantics. */
export function reminderProcessor(deps: DeliveryDeps, opts: ReminderWorkerOptions) {
  return async (job: Job<ReminderJobData>): Promise<string> => {
    const at = occurrenceOf(job);
    if (at === undefined) throw new UnrecoverableError(`job ${job.id} names no occurrence`);
    const res = await deliverReminder(deps, {
      reminderId: job.data.r,
      at,
      token: `${job.attemptsStarted}.${randomUUID().slice(0, 8)}`,
      lateAfterMs: opts.lateAfterMs,
    });
    switch (res.kind) {
      case 'sent':
      case 'skipped':
      case 'deferred':
        return res.kind;
      case 'undeliverable':
        throw new UnrecoverableError(`member cannot be messaged: ${res.reason}`);
      case 'retry': {
        if (res.retryAfterMs && opts.pauseQueue && opts.maxPerSecond > 0)
          await opts.pauseQueue(res.retryAfterMs);
        if (job.attemptsMade + 1 >= opts.attempts) {
          await abandonOccurrence(deps, job.data.r, at);
          throw new UnrecoverableError(`gave up after ${opts.attempts} attempts: ${res.reason}`);
        }
        throw new TransientDeliveryError(res.reason, res.retryAfterMs);
      }
    }
  };
}

/**
 * BullMQ's limiter for a rate: the same messages per second in the shortest
 * whole-millisecond windows that divide it (40/s -> 4 per 100 ms). A fixed
 * one-second window lets a burst of twice the rate straddle two windows,
 * which is what trips a platform's own per-second limit; ten small ones keep
 * any second within a tenth of the rate.
 */
export function smoothLimiter(perSecond: number): { max: number; duration: number } {
  const slices = [10, 5, 4, 2].find((s) => perSecond % s === 0) ?? 1;
  return { max: perSecond / slices, duration: 1_000 / slices };
}

/**
 * Starts the reminder worker on its own connection (`maxRetriesPerRequest:
 * null`, as BullMQ requires for blocking calls), with the configured
 * concurrency and a queue-wide rate limiter so a burst of due reminders drains
 * at the platform's allowed rate instead of provoking 429s.
 */
export function startReminderWorker(
  deps: DeliveryDeps,
  connection: Redis,
  opts: ReminderWorkerOptions,
  logger: CoreLogger,
): Worker<ReminderJobData, string> {
  const worker = new Worker<ReminderJobData, string>(REMINDER_QUEUE, reminderProcessor(deps, opts), {
    connection,
    prefix: queuePrefix(opts.appPrefix),
    concurrency: opts.concurrency,
    ...(opts.maxPerSecond > 0 ? { limiter: smoothLimiter(opts.maxPerSecond) } : {}),
    settings: { backoffStrategy: platformBackoff, repeatStrategy: reminderRepeatStrategy },
    removeOnComplete: { count: 0 },
    removeOnFail: KEEP_FAILED,
    // why: a killed worker's job is back after one lock period; 2 stalls are tolerated before failing it.
    maxStalledCount: 2,
    ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
  });
  worker.on('error', (err) => logger.error({ err: err.message }, 'reminder worker error'));
  worker.on('failed', (job, err) => {
    logger.warn({ job: job?.id, attempts: job?.attemptsMade, err: err.message }, 'reminder delivery failed');
  });
  return worker;
}
