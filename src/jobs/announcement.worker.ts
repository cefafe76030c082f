import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AnnounceDeps, announceListing } from '../core/alerts/announce-listing.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { ANNOUNCEMENT_QUEUE, type AnnouncementJobData } from './announcement-queue.ts';
import { queuePrefix } from './queue-prefix.ts';
import { platformBackoff, TransientDeliveryError } from './reminder.worker.ts';
import { KEEP_FAILED } from './reminder-scheduler.ts';

/** How the announcement worker runs. */
export interface AnnouncementWorkerOptions {
  readonly appPrefix: string;
  /** Parallel announcements in this process. */
  readonly concurrency?: number;
  /** Lock and stall detection; shorter in tests so a killed worker's job comes back fast. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** why: each job is one channel post plus queued notices; a few at a time keep a channel's rate limit happy */
const DEFAULT_CONCURRENCY = 2;

/** The processor: one call to the announcement use case, its result mapped to BullMQ's retry semantics. */
export function announcementProcessor(deps: AnnounceDeps) {
  return async (job: Job<AnnouncementJobData>): Promise<string> => {
    const res = await announceListing(deps, job.data.l);
    switch (res.kind) {
      case 'announced':
        return res.posted ? `posted, ${res.alerted} alerted` : `not posted, ${res.alerted} alerted`;
      case 'skipped':
        return res.reason;
      case 'retry':
        throw new TransientDeliveryError(res.reason, res.retryAfterMs);
      case 'channel-failed':
        throw new UnrecoverableError(`announcement channel refused the post: ${res.reason}`);
    }
  };
}

/**
 * Starts the announcement worker on its own connection (`maxRetriesPerRequest:
 * null`, as BullMQ requires). Transient platform failures retry with the
 * reminders' backoff (exponential, or the platform's `retry_after`); a channel
 * that refuses for good stops the job (kept a week among the failed ones).
 */
export function startAnnouncementWorker(
  deps: AnnounceDeps,
  connection: Redis,
  opts: AnnouncementWorkerOptions,
  logger: CoreLogger,
): Worker<AnnouncementJobData, string> {
  const worker = new Worker<AnnouncementJobData, string>(ANNOUNCEMENT_QUEUE, announcementProcessor(deps), {
    connection,
    prefix: queuePrefix(opts.appPrefix),
    concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
    settings: { backoffStrategy: platformBackoff },
    removeOnComplete: { count: 0 },
    removeOnFail: KEEP_FAILED,
    ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
  });
  worker.on('error', (err) => logger.error({ err: err.message }, 'announcement worker error'));
  worker.on('failed', (job, err) => {
    logger.warn({ job: job?.id, attempts: job?.attemptsMade, err: err.message }, 'announcement failed');
  });
  return worker;
}
