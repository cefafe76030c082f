import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AnnouncementQueue } from '../core/alerts/alert.port.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { queuePrefix } from './queue-prefix.ts';
import { KEEP_FAILED } from './reminder-scheduler.ts';

/** The queue of listing announcements (channel post + member alerts). */
export const ANNOUNCEMENT_QUEUE = 'announcements';

/** What an announcement job carries: the listing id only (job data sits in Redis in clear text). */
export interface AnnouncementJobData {
  readonly l: string;
}

/** Deterministic job id of a listing's announcement; listing ids have no `:`, and the prefix keeps it from being all digits. */
export function announcementJobId(listingId: string): string {
  return `announce-${listingId}`;
}

/**
 * The announcement queue on BullMQ. One job per listing (`announce-<id>`), so
 * a listing published twice while its job waits, or by two processes, keeps
 * one job; once done the job is removed, and the announcement ledger (not the
 * job) is what keeps a later re-publication from announcing again.
 */
export class AnnouncementScheduler implements AnnouncementQueue {
  readonly queue: Queue<AnnouncementJobData>;

  constructor(
    connection: Redis,
    appPrefix: string,
    private readonly attempts: number,
    logger: CoreLogger,
  ) {
    this.queue = new Queue<AnnouncementJobData>(ANNOUNCEMENT_QUEUE, {
      connection,
      prefix: queuePrefix(appPrefix),
    });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'announcement queue error'));
  }

  async enqueue(listingIds: readonly string[]): Promise<void> {
    if (listingIds.length === 0) return;
    await this.queue.addBulk(
      listingIds.map((id) => ({
        name: 'announce',
        data: { l: id },
        opts: {
          jobId: announcementJobId(id),
          attempts: this.attempts,
          backoff: { type: 'platform' },
          removeOnComplete: true,
          removeOnFail: KEEP_FAILED,
        },
      })),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
