import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type DigestSchedule, digestCron } from '../core/alerts/digest.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { queuePrefix } from './queue-prefix.ts';

/** The queue whose job schedulers send members' alert digests. */
export const DIGEST_QUEUE = 'digests';

/** What a digest job carries: the member id only. */
export interface DigestJobData {
  readonly u: string;
}

/**
 * Deterministic scheduler id of a member's digest (no `:`, never all digits):
 * a hash, so the id itself names nobody.
 */
export function digestSchedulerId(userId: string): string {
  return `digest-${createHash('sha256').update(userId).digest('hex').slice(0, 24)}`;
}

/**
 * Members' digests as BullMQ job schedulers: a cron pattern read in the
 * member's zone (so 08:00 stays 08:00 across DST), upserted when the member
 * changes mode, time or zone, removed when they go back to instant alerts or
 * delete their data.
 */
export class DigestScheduler {
  readonly queue: Queue<DigestJobData>;

  constructor(connection: Redis, appPrefix: string, logger: CoreLogger) {
    this.queue = new Queue<DigestJobData>(DIGEST_QUEUE, { connection, prefix: queuePrefix(appPrefix) });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'digest queue error'));
  }

  async schedule(userId: string, s: DigestSchedule, zone: string): Promise<void> {
    if (s.mode === 'instant') {
      await this.unschedule(userId);
      return;
    }
    await this.queue.upsertJobScheduler(
      digestSchedulerId(userId),
      { pattern: digestCron(s), tz: zone },
      { name: 'digest', data: { u: userId }, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async unschedule(userId: string): Promise<void> {
    await this.queue.removeJobScheduler(digestSchedulerId(userId));
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
