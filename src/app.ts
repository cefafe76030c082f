import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SlackStores } from './bots/slack/slack-app.ts';
import type { SettingsFile } from './config/settings-file.ts';
import { createRegistry } from './core/command-list.ts';
import type { Registry } from './core/commands/registry.ts';
import type { CoreDeps } from './core/deps.ts';
import { FaqCatalog } from './core/faq/faq-catalog.ts';
import type { FaqEntry } from './core/faq/faq-entry.ts';
import { NotifierRouter } from './core/notifier-router.ts';
import { type Clock, systemClock } from './core/ports/clock.port.ts';
import type { CommandObserver } from './core/ports/command-observer.port.ts';
import { createListingHooks } from './core/reminders/listing-hooks.ts';
import type { WiredCore } from './core/wired-core.ts';
import { AnnouncementScheduler } from './jobs/announcement-queue.ts';
import { DigestScheduler } from './jobs/digest-queue.ts';
import { ReminderScheduler } from './jobs/reminder-scheduler.ts';
import { createCommandObserver } from './ops/command-observer.ts';
import { throttledLogger } from './runtime/throttled-logger.ts';
import { RedisAlertStore, RedisAnnouncementLedger } from './store/alerts.redis-store.ts';
import { RedisAuditLog } from './store/audit.redis-store.ts';
import { RedisDeliveryDedupe } from './store/delivery-dedupe.redis-store.ts';
import { RedisDeliveryLedger } from './store/delivery-ledger.redis-store.ts';
import { RedisDigestStore } from './store/digests.redis-store.ts';
import { RedisFaqFeedbackStore } from './store/faq-feedback.redis-store.ts';
import { RedisFaqOverrideStore } from './store/faq-overrides.redis-store.ts';
import { Keys } from './store/keys.ts';
import { RedisListingsStore } from './store/listings/listings.redis-store.ts';
import { RedisMemberTraces } from './store/member-traces.redis-store.ts';
import { RedisRateLimiter } from './store/rate-limiter.redis-store.ts';
import { openRedis, watchConnection } from './store/redis-connection.ts';
import { RedisReminderStore } from './store/reminders.redis-store.ts';
import { RedisSettingsStore } from './store/settings.redis-store.ts';
import { RedisInstallationStore } from './store/slack-installations.redis-store.ts';
import { RedisTrackerStore } from './store/tracker.redis-store.ts';

export interface AppOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly settings: SettingsFile;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** The shipped FAQ entries, loaded and checked at boot (`loadFaqFiles`). */
  readonly faqEntries: readonly FaqEntry[];
  /** A command to Redis with no answer in this time fails (members hear "temporarily unavailable"). */
  readonly commandTimeoutMs?: number;
  /** Counts and times every dispatch (metrics); default: only recognises Redis outages. */
  readonly observer?: CommandObserver;
}

/** The wired core: dependencies, registry and the resources to release on shutdown. */
export interface App extends WiredCore {
  readonly deps: CoreDeps;
  readonly registry: Registry;
  readonly notifier: NotifierRouter;
  /** Handed to the Slack adapter by the runtime. */
  readonly slackStores: SlackStores;
  readonly redis: Redis;
  readonly keys: Keys;
  readonly options: AppOptions;
  /** The BullMQ producer behind `deps.reminders.scheduler` (workers pause its queue on a 429). */
  readonly reminderScheduler: ReminderScheduler;
  /** The BullMQ producer behind `deps.alerts.queue` (listing announcements). */
  readonly announcementScheduler: AnnouncementScheduler;
  /** The BullMQ job schedulers of members' alert digests. */
  readonly digestScheduler: DigestScheduler;
  /** The Redis listings store behind `deps.listings` (start-up re-indexes it when its rules changed). */
  readonly listingsStore: RedisListingsStore;
  close(): Promise<void>;
}

/**
 * The composition root of the core: Redis stores behind the core's ports,
 * the notifier router the adapters register with, and the command registry.
 * Adapters and workers are started by the CLI on top of this.
 */
export function createApp(options: AppOptions): App {
  const connectionLog = throttledLogger(options.logger);
  const timeouts = options.commandTimeoutMs ? { commandTimeoutMs: options.commandTimeoutMs } : {};
  const redis = openRedis(options.redisUrl, 'command', timeouts);
  watchConnection(redis, connectionLog, 'commands');
  const keys = new Keys(options.prefix);
  const clock = options.clock ?? systemClock;
  const notifier = new NotifierRouter();
  // The queue gets its own producer connection (commands fail fast; BullMQ loads its scripts on it).
  const queueRedis = openRedis(options.redisUrl, 'command', timeouts);
  watchConnection(queueRedis, connectionLog, 'queue producer');
  const reminderStore = new RedisReminderStore(redis, keys);
  const reminderScheduler = new ReminderScheduler(
    queueRedis,
    options.prefix,
    options.settings.delivery,
    connectionLog,
  );
  const listings = new RedisListingsStore(redis, keys);
  const announcementScheduler = new AnnouncementScheduler(
    queueRedis,
    options.prefix,
    options.settings.delivery.attempts,
    connectionLog,
  );
  const digestScheduler = new DigestScheduler(queueRedis, options.prefix, options.logger);
  const digestStore = new RedisDigestStore(redis, keys);
  const deps: CoreDeps = {
    settings: options.settings,
    clock,
    logger: options.logger,
    userSettings: new RedisSettingsStore(redis, keys),
    audit: new RedisAuditLog(redis, keys),
    rateLimiter: new RedisRateLimiter(redis, keys, () => clock.now()),
    notifier,
    listings,
    listingLookup: listings,
    listingHooks: createListingHooks(() => deps),
    faq: new FaqCatalog(options.faqEntries, new RedisFaqOverrideStore(redis, keys), options.logger),
    faqFeedback: new RedisFaqFeedbackStore(redis, keys),
    reminders: {
      store: reminderStore,
      ledger: new RedisDeliveryLedger(
        redis,
        (id) => reminderStore.ledgerKey(id),
        () => clock.now(),
      ),
      scheduler: reminderScheduler,
    },
    tracker: new RedisTrackerStore(redis, keys),
    alerts: {
      store: new RedisAlertStore(redis, keys),
      ledger: new RedisAnnouncementLedger(redis, keys),
      queue: announcementScheduler,
      digests: {
        add: (u, l, at) => digestStore.add(u, l, at),
        take: (u) => digestStore.take(u),
        peek: (u) => digestStore.peek(u),
        schedule: (u, s, zone) => digestScheduler.schedule(u, s, zone),
        async forget(u) {
          await digestScheduler.unschedule(u);
          await digestStore.forget(u);
        },
      },
    },
    observer: options.observer ?? createCommandObserver(options.logger),
    memberTraces: new RedisMemberTraces(redis, keys, listings.base),
  };
  return {
    deps,
    registry: createRegistry(),
    notifier,
    slackStores: {
      installations: new RedisInstallationStore(redis, keys),
      dedupe: new RedisDeliveryDedupe(redis, keys, options.logger),
    },
    redis,
    keys,
    options,
    reminderScheduler,
    announcementScheduler,
    digestScheduler,
    listingsStore: listings,
    async close() {
      await reminderScheduler.close();
      await announcementScheduler.close();
      await digestScheduler.close();
      await queueRedis.quit().catch(() => queueRedis.disconnect());
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
