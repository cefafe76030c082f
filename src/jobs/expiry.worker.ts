import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreDeps } from '../core/deps.ts';
import { expireDueListings } from '../core/opportunities/expire-listings.ts';
import { queuePrefix } from './queue-prefix.ts';
import { KEEP_FAILED } from './reminder-scheduler.ts';

/** The queue of housekeeping sweeps (one job scheduler per sweep). */
export const MAINTENANCE_QUEUE = 'maintenance';
/** Deterministic id of the expiry sweep's job scheduler (no `:`, not all digits). */
export const EXPIRY_SCHEDULER_ID = 'expire-listings';

/** why: deadlines end at 23:59 local time; five minutes is well inside "the day after" for every member */
export const DEFAULT_EXPIRY_EVERY_MS = 5 * 60_000;
/** why: one sweep expires at most this many batches (50 each), so a backlog never blocks the worker for long */
const MAX_BATCHES = 20;

export interface ExpirySweep {
  readonly queue: Queue;
  close(): Promise<void>;
}

/**
 * Runs the listing-expiry sweep every `everyMs` on a BullMQ job scheduler:
 * published listings whose deadline has passed become `expired`, and their
 * members' deadline reminders are removed (told once). Searches hide such
 * listings at the deadline anyway; this keeps the status and the reminders
 * right for communities where nobody searches for a while. The scheduler is
 * upserted by every process that starts it, so there is one however many run,
 * and a sweep is safe to run twice (each listing expires once).
 */
export async function startExpirySweep(
  deps: CoreDeps,
  producer: Redis,
  workerConnection: Redis,
  appPrefix: string,
  everyMs: number = DEFAULT_EXPIRY_EVERY_MS,
): Promise<ExpirySweep> {
  const prefix = queuePrefix(appPrefix);
  const queue = new Queue(MAINTENANCE_QUEUE, { connection: producer, prefix });
  queue.on('error', (err) => deps.logger.warn({ err: err.message }, 'maintenance queue error'));
  await queue.upsertJobScheduler(
    EXPIRY_SCHEDULER_ID,
    { every: everyMs },
    { name: EXPIRY_SCHEDULER_ID, opts: { removeOnComplete: true, removeOnFail: KEEP_FAILED } },
  );
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async () => {
      let total = 0;
      for (let i = 0; i < MAX_BATCHES; i++) {
        const expired = await expireDueListings(deps, deps.clock.now());
        total += expired;
        if (expired === 0) break;
      }
      if (total > 0) deps.logger.info({ expired: total }, 'listings expired');
      return total;
    },
    { connection: workerConnection, prefix, concurrency: 1 },
  );
  worker.on('error', (err) => deps.logger.warn({ err: err.message }, 'maintenance worker error'));
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
