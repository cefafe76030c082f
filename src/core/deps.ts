import type { MemberTraces } from './account/member-traces.port.ts';
import type { AlertsPort } from './alerts/alert.port.ts';
import type { FaqPort } from './faq/faq.port.ts';
import type { FaqFeedbackStore } from './faq/faq-feedback.port.ts';
import type { ListingsPort } from './opportunities/listing.port.ts';
import type { AuditLog } from './ports/audit.port.ts';
import type { Clock } from './ports/clock.port.ts';
import type { CommandObserver } from './ports/command-observer.port.ts';
import type { ListingChangeHooks, ListingLookup } from './ports/listing-events.port.ts';
import type { CoreLogger } from './ports/logger.port.ts';
import type { Notifier } from './ports/notifier.port.ts';
import type { RateLimiter } from './ports/rate-limit.port.ts';
import type { SettingsStore } from './ports/settings.port.ts';
import type { RemindersPort } from './reminders/reminder.port.ts';
import type { CoreSettings } from './settings.ts';
import type { TrackerPort } from './tracker/tracker.port.ts';

/**
 * Everything the core needs from the outside, passed to handlers as a plain
 * object (no DI container). The composition root (`src/app.ts`) fills it
 * with Redis stores, the BullMQ scheduler and the adapters' notifiers.
 */
export interface CoreDeps {
  readonly settings: CoreSettings;
  readonly clock: Clock;
  readonly logger: CoreLogger;
  readonly userSettings: SettingsStore;
  readonly audit: AuditLog;
  readonly rateLimiter: RateLimiter;
  readonly notifier: Notifier;
  readonly listings: ListingsPort;
  /** Narrow read of listings for the reminders side. */
  readonly listingLookup: ListingLookup;
  /** Called by listing use cases so reminders follow deadline changes and withdrawals. */
  readonly listingHooks: ListingChangeHooks;
  readonly faq: FaqPort;
  /** Questions the FAQ could not answer well, and members' votes on its answers (no member ids). */
  readonly faqFeedback: FaqFeedbackStore;
  readonly reminders: RemindersPort;
  readonly tracker: TrackerPort;
  /** Member alerts, the announcement ledger and the announcement queue. */
  readonly alerts: AlertsPort;
  /** Optional: counts and times every dispatch, and recognises an unreachable store. */
  readonly observer?: CommandObserver;
  /** Moderation records (reports, audit logs, FAQ changes) that name a member, for `/mydata`. */
  readonly memberTraces: MemberTraces;
}
