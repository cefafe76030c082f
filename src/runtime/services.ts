import type { Redis } from 'ioredis';
import type { App } from '../app.ts';
import { startAnnouncementWorker } from '../jobs/announcement.worker.ts';
import { awaitDueReminders } from '../jobs/await-pending.ts';
import { startDigestWorker } from '../jobs/digest.worker.ts';
import { startExpirySweep } from '../jobs/expiry.worker.ts';
import { reconcileReminders } from '../jobs/reconcile-reminders.ts';
import { type ReminderWorkerOptions, startReminderWorker } from '../jobs/reminder.worker.ts';
import { instrumentReminderWorker } from '../ops/delivery-metrics.ts';
import type { ImgbotMetrics } from '../ops/metrics.ts';
import { type ConnectionRole, openRedis, watchConnection } from '../store/redis-connection.ts';
import type { BootConfig } from './boot.ts';
import { throttledLogger } from './throttled-logger.ts';

/** Background parts started beside the adapters: job workers, schedulers. */
export interface Services {
  /** Waits (bounded) until deliveries due soon to this user are done. */
  awaitPendingDeliveries(userId: string): Promise<void>;
  /** True while every worker of this process is running (readiness). */
  running(): boolean;
  close(): Promise<void>;
}

/** What `startServices` may be given beyond the worker tuning. */
export type ServiceOverrides = Partial<ReminderWorkerOptions> & {
  readonly expiryEveryMs?: number;
  /** Counts deliveries, lateness, 429s and queue sizes when this process exports metrics. */
  readonly metrics?: ImgbotMetrics;
};

/** why: a piped shell session waits at most this long for DMs due after its last command. */
const SHELL_GRACE_MS = 15_000;
/** why: later than this after its time, a DM says it is late (the bot was down or far behind). */
const LATE_AFTER_MS = 60_000;

/**
 * Starts the job workers for this process (`imgbot worker` runs only this):
 * the reminder worker on its own blocking connection, sized by settings.json
 * `delivery`, after re-adding any job a crash may have lost. Reminders that
 * came due while everything was down are then delivered at once, marked late.
 * Also the listing-expiry sweep (a BullMQ job scheduler, every five minutes)
 * the announcement worker (new listings to the channel and to alerts) and the
 * digest worker (members' daily or weekly alert digests).
 */
export async function startServices(
  app: App,
  _boot: BootConfig,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const { deps, options } = app;
  const { expiryEveryMs, metrics, ...workerOverrides } = overrides;
  // Each worker gets its own blocking connection (BullMQ's advice); all are closed together.
  const connections: Redis[] = [];
  // why: while Redis is away every connection and worker reports every retry; one line per 10 s is enough
  const quiet = throttledLogger(deps.logger);
  const open = (role: ConnectionRole, what: string): Redis => {
    const c = openRedis(
      options.redisUrl,
      role,
      role === 'command' ? { commandTimeoutMs: options.commandTimeoutMs } : {},
    );
    watchConnection(c, quiet, what);
    connections.push(c);
    return c;
  };
  const reindexed = await app.listingsStore.reindexIfStale();
  if (reindexed > 0) deps.logger.info({ listings: reindexed }, 'listing index rebuilt for the current rules');
  const connection = open('worker', 'worker');
  const sweep = await startExpirySweep(
    deps,
    open('command', 'maintenance'),
    open('worker', 'maintenance'),
    options.prefix,
    expiryEveryMs,
  );
  const restored = await reconcileReminders(
    deps.reminders.store,
    app.reminderScheduler,
    deps.settings.defaultTimezone,
  );
  const worker = startReminderWorker(
    deps,
    connection,
    {
      appPrefix: options.prefix,
      ...options.settings.delivery,
      lateAfterMs: LATE_AFTER_MS,
      pauseQueue: (ms) => app.reminderScheduler.queue.rateLimit(ms),
      ...workerOverrides,
    },
    quiet,
  );
  const announcer = startAnnouncementWorker(
    deps,
    open('worker', 'announcement'),
    {
      appPrefix: options.prefix,
      lockDurationMs: workerOverrides.lockDurationMs,
      stalledIntervalMs: workerOverrides.stalledIntervalMs,
    },
    quiet,
  );
  const digester = startDigestWorker(deps, open('worker', 'digest'), options.prefix, quiet);
  if (metrics) {
    instrumentReminderWorker(
      worker,
      metrics,
      deps.logger,
      async (id) => (await deps.reminders.store.get(id))?.userId,
    );
    metrics.watchQueue(app.reminderScheduler.queue);
    metrics.watchQueue(app.announcementScheduler.queue);
    metrics.watchQueue(sweep.queue);
  }
  deps.logger.debug({ pending: restored }, 'reminder worker started');
  return {
    awaitPendingDeliveries: (userId) => awaitDueReminders(deps.reminders.store, userId, SHELL_GRACE_MS),
    running: () => worker.isRunning() && announcer.isRunning(),
    async close() {
      await worker.close();
      await announcer.close();
      await digester.close();
      await sweep.close();
      for (const c of connections) await c.quit().catch(() => c.disconnect());
    },
  };
}
