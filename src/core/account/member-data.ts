import type { Alert } from '../alerts/alert.ts';
import type { CoreDeps } from '../deps.ts';
import type { UserSettings } from '../ports/settings.port.ts';
import type { Reminder } from '../reminders/reminder.ts';
import type { TrackerEntry } from '../tracker/tracker.ts';

/** Everything the bot stores about one member, as `/mydata export` hands it over. */
export interface MemberDataExport {
  readonly userId: string;
  readonly exportedAt: string;
  readonly settings: UserSettings;
  readonly reminders: readonly Reminder[];
  /** Listing id -> the community the subscription was made in. */
  readonly deadlineSubscriptions: Readonly<Record<string, string>>;
  readonly tracker: readonly TrackerEntry[];
  /** Alerts for new listings (`/alerts`). */
  readonly alerts: readonly Alert[];
  /** Listings waiting for the member's next alert digest. */
  readonly digestPending: readonly string[];
}

type MemberDataDeps = Pick<
  CoreDeps,
  'userSettings' | 'reminders' | 'tracker' | 'clock' | 'rateLimiter' | 'alerts'
>;

/** Collects the member's settings, reminders (pending and recently delivered), subscriptions, tracker and alerts. */
export async function exportMemberData(deps: MemberDataDeps, userId: string): Promise<MemberDataExport> {
  const [settings, reminders, deadlineSubscriptions, tracker, alerts, digestPending] = await Promise.all([
    deps.userSettings.getUser(userId),
    deps.reminders.store.listForUser(userId),
    deps.reminders.store.subscriptionsOf(userId),
    deps.tracker.list(userId),
    deps.alerts.store.listForUser(userId),
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
    digestPending,
  };
}

/**
 * Forgets a member: their reminders with every queued job (waiting, delayed,
 * failed, a repeat's series), delivery records, deadline subscriptions,
 * tracker, alerts (and the record of which new listings they were told about),
 * settings and rate-limit counters. Jobs go first, so nothing is
 * delivered from a half-deleted account; a job already running finds its
 * reminder gone and sends nothing.
 */
export async function deleteMemberData(
  deps: MemberDataDeps,
  userId: string,
): Promise<{ reminders: number; trackerEntries: number; alerts: number }> {
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
  await deps.rateLimiter.forgetSubject(userId);
  return { reminders: reminders.length, trackerEntries: entries.length, alerts };
}
