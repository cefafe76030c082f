import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import type { TrackerEntry } from '../tracker/tracker.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { type MemberTiming, placeReminder } from './place-reminder.ts';
import { isOccurrence, nextInSeries, nextOccurrence } from './recurrence.ts';
import { isCurrentOccurrence, type Reminder } from './reminder.ts';

/** What a message is about besides the reminder itself. */
export interface Sources {
  readonly listing?: ListingDeadlineInfo;
  readonly entry?: TrackerEntry;
}

/** Reads what the message is about; undefined when it is gone (listing withdrawn, entry removed). */
export async function loadSources(deps: DeliveryDeps, r: Reminder): Promise<Sources | undefined> {
  if (r.kind === 'deadline' && r.listingId) {
    const listing = await deps.listingLookup.getDeadlineInfo(r.listingId);
    const live =
      listing &&
      listing.deadlineAt !== null &&
      listing.status !== 'withdrawn' &&
      listing.status !== 'expired';
    return live ? { listing } : undefined;
  }
  if (r.trackerId) {
    const entry = await deps.tracker.get(r.userId, r.trackerId);
    return entry ? { entry } : undefined;
  }
  return {};
}

/**
 * A series job for a later occurrence than the record expects (an earlier
 * occurrence's job was lost, e.g. failed after repeated crashes): the record
 * catches up to it, so a repeat can never get stuck behind its series. Jobs
 * that are not an occurrence of the current series (an old zone) are refused.
 */
export async function adoptOccurrence(
  deps: DeliveryDeps,
  r: Reminder,
  at: number,
  zone: string,
): Promise<Reminder | undefined> {
  if (r.status !== 'pending' || !r.repeat || !r.wall || at <= r.dueAt || at <= r.fireAt) return undefined;
  if (!isOccurrence(r.wall, r.repeat, zone, at)) return undefined;
  const { n } = nextInSeries(r.wall, r.repeat, zone, at - 1);
  const adopted: Reminder = { ...r, occurrence: n, dueAt: at, fireAt: at, zone };
  await deps.reminders.store.save(adopted);
  deps.logger.warn({ reminder: r.id, from: r.dueAt, to: at }, 'repeat caught up with its series');
  return adopted;
}

/**
 * After an occurrence is settled (sent, or given up): a repeat moves to its next
 * occurrence (the series already queued its job); a notice is deleted; anything
 * else is kept as delivered for its buttons. Re-reads the record so two racing
 * attempts cannot both advance it.
 */
export async function finishOccurrence(
  deps: DeliveryDeps,
  reminderId: string,
  at: number,
  timing: MemberTiming,
): Promise<void> {
  const r = await deps.reminders.store.get(reminderId);
  if (!r || !isCurrentOccurrence(r, at)) return;
  const now = deps.clock.now();
  if (r.kind === 'notice') {
    await deps.reminders.store.remove(r.id);
  } else if (r.repeat && r.wall) {
    const next = nextOccurrence(r.wall, r.repeat, r.occurrence ?? 0, timing.zone, Math.max(now, r.dueAt));
    await placeReminder(deps, { ...r, occurrence: next.n, dueAt: next.at }, { timing, seriesRunning: true });
  } else {
    await deps.reminders.store.save({ ...r, status: 'delivered', deliveredAt: now });
  }
}
