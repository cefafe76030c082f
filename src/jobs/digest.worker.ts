import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type DigestDeps, sendDigest } from '../core/alerts/send-digest.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { DIGEST_QUEUE, type DigestJobData } from './digest-queue.ts';
import { queuePrefix } from './queue-prefix.ts';

/** The processor: one call to the digest use case. */
export function digestProcessor(deps: DigestDeps) {
  return async (job: Job<DigestJobData>): Promise<string> => {
    const n = await sendDigest(deps, job.data.u);
    return n === 0 ? 'nothing new' : `${n} listings`;
  };
}

/** Starts the worker that sends alert digests when their schedulers fire. */
export function startDigestWorker(
  deps: DigestDeps,
  connection: Redis,
  appPrefix: string,
  logger: CoreLogger,
): Worker<DigestJobData> {
  const worker = new Worker<DigestJobData>(DIGEST_QUEUE, digestProcessor(deps), {
    connection,
    prefix: queuePrefix(appPrefix),
    concurrency: 4, // why: each digest queues one DM; the reminder queue's rate limit does the pacing
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'digest worker error'));
  worker.on('failed', (job, err) => logger.warn({ job: job?.id, err: err.message }, 'digest failed'));
  return worker;
}
