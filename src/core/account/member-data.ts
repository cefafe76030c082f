import type { Alert } from '../alerts/alert.ts';
import type { CoreDeps } from '../deps.ts';
import { DELETED_MEMBER } from '../identity.ts';
import type { ListingReport } from '../opportunities/listing.port.ts';
import type { AuditEntry } from '../ports/audit.port.ts';
import type { UserSettings } from '../ports/settings.port.ts';
import type { Reminder } from '../reminders/reminder.ts';
import type { TrackerEntry } from '../tracker/tracker.ts';
import { anonymiseListings, type MemberListing, memberListings } from './member-listings.ts';

/** Everything the bot stores about one member, as `/mydata export` hands it over. */
export interface MemberDataExport {
  readonly userId: string;
  readonly exportedAt: string;
  /** Time zone, quiet hours, where they last wrote, whether DMs reach them. */
  readonly settings: UserSettings;
  readonly reminders: readonly Reminder[];
  /** Listing id -> the community the subscription was made in. */
  readonly deadlineSubscriptions: Readonly<Record<string, string>>;
  readonly tracker: readonly TrackerEntry[];
  /** Alerts for new listings (`/alerts`). */
  readonly alerts: readonly Alert[];
  /** Listings they suggested or posted, or reviewed or withdrew as a moderator. */
  readonly listings: readonly MemberListing[];
  /** Reports they filed (or closed as a moderator). */
  readonly reports: readonly ListingReport[];
  /** Audit-log entries that name them (their moderator actions). */
  readonly audit: readonly AuditEntry[];
  /** Listings waiting for the member's next alert digest. */
  readonly digestPending: readonly string[];
}

type MemberDataDeps = Pick<
  CoreDeps,
  'userSettings' | 'reminders' | 'tracker' | 'clock' | 'alerts' | 'listings' | 'memberTraces'
>;

/** What `/mydata delete` removed or anonymised, for its reply. */
export interface DeletedCounts {
  readonly reminders: number;
  readonly trackerEntries: number;
  readonly alerts: number;
  /** Listings, reports, audit entries and FAQ changes that no longer name the member. */
  readonly anonymised: number;
}

/** Collects everything stored about the member: their own data and what moderation records say of them. */
export async function exportMemberData(deps: MemberDataDeps, userId: string): Promise<MemberDataExport> {
  const [settings, reminders, deadlineSubscriptions, tracker, alerts, listings, traces, digestPending] =
    await Promise.all([
      deps.userSettings.getUser(userId),
      deps.reminders.store.listForUser(userId),
      deps.reminders.store.subscriptionsOf(userId),
      deps.tracker.list(userId),
      deps.alerts.store.listForUser(userId),
      memberListings(deps, userId),
      deps.memberTraces.find(userId),
      deps.alerts.digests.peek(userId),
    ]);
  return {
    userId,
    exportedAt: new Date(deps.clock.now()).toISOString(),
    settings,
    reminders,
    deadlineSubscriptions,
    tracker,
    alerts,
    listings,
    reports: traces.reports,
    audit: traces.audit,
    digestPending,
  };
}

/**
 * Forgets a member: their reminders with every queued job (waiting, delayed,
 * failed, a repeat's series) and the queue events that named those jobs,
 * delivery records, deadline subscriptions, tracker, alerts (and the record
 * of which new listings they were told about) and settings. Listings,
 * reports, audit entries and FAQ changes keep their content for moderators
 * but lose the member's id. Daily limits are not reset: their counters never
 * named the member (see the rate-limit port). Jobs go first, so nothing is
 * delivered from a half-deleted account; a job already running finds its
 * reminder gone and sends nothing.
 */
export async function deleteMemberData(deps: MemberDataDeps, userId: string): Promise<DeletedCounts> {
  const [reminders, entries] = await Promise.all([
    deps.reminders.store.listForUser(userId),
    deps.tracker.list(userId),
  ]);
  // Alerts first, so an announcement running meanwhile finds none to tell the member about.
  const alerts = await deps.alerts.store.forgetUser(userId);
  await deps.alerts.digests.forget(userId);
  for (const r of reminders) {
    if (r.status === 'pending') await deps.reminders.scheduler.unschedule(r.id, r.fireAt);
    if (r.repeat) await deps.reminders.scheduler.unscheduleSeries(r.id);
  }
  const ids = await deps.reminders.store.forgetUser(userId);
  await deps.reminders.scheduler.purge([...new Set([...ids, ...reminders.map((r) => r.id)])]);
  await deps.tracker.removeAll(userId);
  await deps.userSettings.deleteUser(userId);
  const listings = await anonymiseListings(deps, userId, DELETED_MEMBER);
  const traces = await deps.memberTraces.anonymise(userId, DELETED_MEMBER);
  return {
    reminders: reminders.length,
    trackerEntries: entries.length,
    alerts,
    anonymised: listings + traces.reports + traces.audit + traces.faq,
  };
}
