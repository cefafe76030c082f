import { loadFaqFiles } from '../../src/config/faq-files.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { FaqCatalog } from '../../src/core/faq/faq-catalog.ts';
import type { FaqEntry } from '../../src/core/faq/faq-entry.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { createListingHooks } from '../../src/core/reminders/listing-hooks.ts';
import { type CoreSettings, defaultCoreSettings } from '../../src/core/settings.ts';
import { FakeClock } from './fake-clock.ts';
import { memoryAlerts } from './memory-alerts.ts';
import { MemoryAuditLog } from './memory-audit-log.ts';
import { MemoryFaqFeedbackStore, MemoryFaqOverrideStore } from './memory-faq.ts';
import { MemoryListingsStore } from './memory-listings-store.ts';
import { MemoryMemberTraces } from './memory-member-traces.ts';
import { MemoryRateLimiter } from './memory-rate-limiter.ts';
import { MemoryDeliveryLedger, MemoryReminderStore } from './memory-reminder-store.ts';
import { MemorySettingsStore } from './memory-settings-store.ts';
import { MemoryTrackerStore } from './memory-tracker-store.ts';
import { RecordingNotifier } from './recording-notifier.ts';
import { RecordingScheduler } from './recording-scheduler.ts';

const shipped = await loadFaqFiles(new URL('../../config/faq', import.meta.url).pathname);
if (!shipped.ok) throw new Error(shipped.message);
/** The FAQ entries shipped in config/faq. */
export const SHIPPED_FAQ_ENTRIES: readonly FaqEntry[] = shipped.value;

/** why: Monday 2027-03-01 12:00 UTC, a fixed instant far from any DST change */
export const FAKE_NOW = Date.UTC(2027, 2, 1, 12, 0, 0);

/** The core's dependencies in memory, with the concrete fakes typed so tests can look inside. */
export interface FakeDeps extends CoreDeps {
  readonly clock: FakeClock;
  readonly notifier: RecordingNotifier;
  readonly audit: MemoryAuditLog;
  readonly userSettings: MemorySettingsStore;
  readonly listings: MemoryListingsStore;
  readonly listingLookup: MemoryListingsStore;
  readonly tracker: MemoryTrackerStore;
  readonly reminders: {
    readonly store: MemoryReminderStore;
    readonly ledger: MemoryDeliveryLedger;
    readonly scheduler: RecordingScheduler;
  };
  readonly alerts: ReturnType<typeof memoryAlerts>;
}

/**
 * Every port of the core in memory, on a fake clock at {@link FAKE_NOW}:
 * use cases and commands run on it without Redis or BullMQ. `overrides`
 * replaces any part (a notifier that fails, other settings). The listing
 * hooks are the real ones, reading the deps this returns.
 */
export function fakeDeps(
  overrides: Partial<Omit<CoreDeps, 'settings'>> & { settings?: Partial<CoreSettings> } = {},
): FakeDeps {
  const { settings, ...rest } = overrides;
  const clock = (rest.clock as FakeClock | undefined) ?? new FakeClock(FAKE_NOW);
  const now = () => clock.now();
  const store = new MemoryReminderStore(now);
  const ledger = new MemoryDeliveryLedger();
  store.ledger = ledger;
  const listings = new MemoryListingsStore(now);
  const audit = new MemoryAuditLog();
  const deps: FakeDeps = {
    settings: { ...defaultCoreSettings, ...settings },
    clock,
    logger: silentLogger,
    userSettings: new MemorySettingsStore(),
    audit,
    rateLimiter: new MemoryRateLimiter(now),
    notifier: new RecordingNotifier(),
    listings,
    listingLookup: listings,
    listingHooks: createListingHooks(() => deps),
    faq: new FaqCatalog(SHIPPED_FAQ_ENTRIES, new MemoryFaqOverrideStore(), silentLogger),
    faqFeedback: new MemoryFaqFeedbackStore(),
    reminders: { store, ledger, scheduler: new RecordingScheduler(now) },
    tracker: new MemoryTrackerStore(),
    alerts: memoryAlerts(),
    memberTraces: new MemoryMemberTraces(listings, audit),
    ...(rest as Partial<FakeDeps>),
  };
  return deps;
}
