import type { Job, Worker } from 'bullmq';
import { platformOf } from '../core/identity.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import type { ReminderJobData } from '../jobs/queue-prefix.ts';
import { occurrenceOf, TransientDeliveryError } from '../jobs/reminder.worker.ts';
import type { ImgbotMetrics } from './metrics.ts';

/** Finds the member a reminder is for (to label a 429 with its platform). */
export type ReminderOwner = (reminderId: string) => Promise<string | undefined>;

/**
 * Counts what the reminder worker does, from BullMQ's events: every sent
 * reminder (and how late it was), every retry, every permanent refusal, and
 * every occurrence given up after its last attempt, which is also logged at
 * `error` with the reminder id (one line each: an operator needs every one).
 */
export function instrumentReminderWorker(
  worker: Worker<ReminderJobData, string>,
  metrics: ImgbotMetrics,
  logger: CoreLogger,
  ownerOf: ReminderOwner,
): void {
  worker.on('completed', (job, result) => {
    if (result !== 'sent') return;
    metrics.deliveries.inc({ outcome: 'sent' });
    const at = occurrenceOf(job);
    if (at !== undefined) metrics.lateness.observe(Math.max(0, Date.now() - at) / 1000);
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const outcome = classify(job, err);
    metrics.deliveries.inc({ outcome });
    if (outcome === 'given_up') {
      logger.error(
        { reminder: job.data.r, at: occurrenceOf(job), attempts: job.attemptsMade, err: err.message },
        'reminder delivery given up',
      );
    }
    if (err instanceof TransientDeliveryError && err.retryAfterMs !== undefined) {
      void ownerOf(job.data.r)
        .catch(() => undefined)
        .then((owner) => metrics.rateLimited.inc({ platform: (owner && platformOf(owner)) ?? 'unknown' }));
    }
  });
}

function classify(job: Job<ReminderJobData>, err: Error): 'retried' | 'given_up' | 'dms_closed' {
  if (err.name === 'UnrecoverableError') {
    return err.message.startsWith('member cannot be messaged') ? 'dms_closed' : 'given_up';
  }
  return job.attemptsMade >= (job.opts.attempts ?? 1) ? 'given_up' : 'retried';
}
