import type { CoreDeps } from '../deps.ts';
import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import { reply } from '../reply.ts';
import { applyQuietHours } from '../time/quiet-hours.ts';
import type { TrackerEntry } from '../tracker/tracker.ts';
import { type MemberTiming, memberTiming, placeReminder } from './place-reminder.ts';
import { nextOccurrence } from './recurrence.ts';
import type { Reminder } from './reminder.ts';
import { reminderMessage } from './reminder-message.ts';

/** What delivering one occurrence needs from the core's dependencies. */
export type DeliveryDeps = Pick<
  CoreDeps,
  | 'reminders'
  | 'userSettings'
  | 'settings'
  | 'clock'
  | 'logger'
  | 'notifier'
  | 'listingLookup'
  | 'tracker'
  | 'rateLimiter'
>;

/** One delivery attempt of one occurrence (`at`) of a reminder. */
export interface DeliveryRequest {
  readonly reminderId: string;
  readonly at: number;
  /** Unique per attempt: who holds the claim. */
  readonly token: string;
  /** From this lateness on, the DM says it is late. */
  readonly lateAfterMs: number;
}

/** How an attempt ended; the job layer maps `retry` to a retried job and `undeliverable` to a stopped one. */
export type DeliveryResult =
  | { readonly kind: 'sent'; readonly lateMs: number }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'deferred'; readonly until: number }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'undeliverable'; readonly reason: string };

/** why: one notice per member per day at most, even if several reminders fail at once. */
const UNDELIVERABLE_NOTICE_WINDOW_MS = 86_400_000;
/** why: delivered reminders stay a week so their snooze/done buttons keep working. */
export const DELIVERED_KEEP_MS = 7 * 86_400_000;

interface Sources {
  readonly listing?: ListingDeadlineInfo;
  readonly entry?: TrackerEntry;
}

/** Reads what the message is about; undefined when it is gone (listing withdrawn, entry removed). */
async function loadSources(deps: DeliveryDeps, r: Reminder): Promise<Sources | undefined> {
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
 * After an occurrence is settled (sent, or given up): a repeat moves to its next
 * occurrence; a notice is deleted; anything else is kept as delivered for its buttons.
 * Re-reads the record so two racing attempts cannot both advance it.
 */
async function finish(deps: DeliveryDeps, req: DeliveryRequest, timing: MemberTiming): Promise<void> {
  const r = await deps.reminders.store.get(req.reminderId);
  if (r?.status !== 'pending' || r.fireAt !== req.at) return;
  const now = deps.clock.now();
  if (r.kind === 'notice') {
    await deps.reminders.store.remove(r.id);
  } else if (r.repeat && r.wall) {
    const next = nextOccurrence(r.wall, r.repeat, r.occurrence ?? 0, timing.zone, Math.max(now, r.dueAt));
    await placeReminder(deps, { ...r, occurrence: next.n, dueAt: next.at }, { timing });
  } else {
    await deps.reminders.store.save({ ...r, status: 'delivered', deliveredAt: now });
  }
}

async function markUndeliverable(
  deps: DeliveryDeps,
  r: Reminder,
  reason: string,
  timing: MemberTiming,
): Promise<void> {
  const now = deps.clock.now();
  await deps.userSettings.updateUser(r.userId, { undeliverable: { since: now, reason } });
  const channel = timing.user.lastChannel;
  if (timing.user.undeliverable || !channel) return;
  const community = await deps.userSettings.getCommunity(r.communityId);
  if (!community.notifyUndeliverableInChannel) return;
  // The limiter makes "tell once" atomic when several reminders fail at the same moment.
  const first = await deps.rateLimiter.consume(
    `undeliverable:${r.userId}`,
    1,
    UNDELIVERABLE_NOTICE_WINDOW_MS,
  );
  if (!first.allowed) return;
  const outcome = await deps.notifier.sendToChannel(
    channel,
    reply({
      title: 'I could not send you a direct message',
      text:
        `${r.userId}: your reminders cannot reach you by direct message (${reason}). Allow direct messages ` +
        'from this community, then run any reminder command (e.g. /reminders) and I will deliver again.',
    }),
  );
  if (!outcome.ok) deps.logger.warn({ reason: outcome.reason }, 'undeliverable notice failed');
}

/**
 * Delivers one occurrence at most once. The ledger claim happens before the
 * message is prepared; the `sending` mark immediately before the notifier call.
 * A retry after a crash therefore resends when the crash came before `sending`
 * (nothing left the process: no loss), and does not resend when it came after
 * (the platform may have shown it: no duplicate, at the price of a possible
 * loss in that sub-second window; we log it as `uncertain`). We chose
 * at-most-once there because a duplicate DM cannot be taken back, while a
 * member who misses one occurrence still sees the reminder in /reminders.
 */
export async function deliverReminder(deps: DeliveryDeps, req: DeliveryRequest): Promise<DeliveryResult> {
  const { store } = deps.reminders;
  const r = await store.get(req.reminderId);
  if (r?.status !== 'pending' || r.fireAt !== req.at) return { kind: 'skipped', reason: 'stale occurrence' };
  const timing = await memberTiming(deps, r.userId);
  const now = deps.clock.now();
  if (timing.user.undeliverable) {
    await deps.reminders.ledger.settle(r.id, req.at, 'failed');
    await finish(deps, req, timing);
    return { kind: 'skipped', reason: 'member is marked undeliverable' };
  }
  // Quiet hours may have been set after this was scheduled, or a late delivery may land in them.
  const quiet = applyQuietHours(now, timing.zone, timing.user.quietHours);
  if (quiet.deferred) {
    await store.save({ ...r, fireAt: quiet.at });
    await deps.reminders.scheduler.schedule(r.id, quiet.at);
    return { kind: 'deferred', until: quiet.at };
  }
  const claim = await deps.reminders.ledger.claim(r.id, req.at, req.token);
  if (claim !== 'claimed') {
    if (claim === 'sending') {
      await deps.reminders.ledger.settle(r.id, req.at, 'uncertain');
      deps.logger.warn(
        { reminder: r.id, at: req.at },
        'a worker died while sending; not resending (at-most-once)',
      );
    }
    await finish(deps, req, timing);
    return { kind: 'skipped', reason: `occurrence already ${claim}` };
  }
  const sources = await loadSources(deps, r);
  if (!sources) {
    await store.remove(r.id);
    return { kind: 'skipped', reason: 'what it was about is gone' };
  }
  const lateMs = Math.max(0, now - req.at);
  const message = reminderMessage(r, { zone: timing.zone, lateMs, lateAfterMs: req.lateAfterMs, ...sources });
  if (!(await deps.reminders.ledger.markSending(r.id, req.at, req.token))) {
    return { kind: 'skipped', reason: 'another worker took the occurrence over' };
  }
  const outcome = await deps.notifier.sendDirect(r.userId, message);
  if (outcome.ok) {
    await deps.reminders.ledger.markSent(r.id, req.at, req.token);
    await finish(deps, req, timing);
    return { kind: 'sent', lateMs };
  }
  if (!outcome.permanent) {
    await deps.reminders.ledger.release(r.id, req.at, req.token);
    return { kind: 'retry', reason: outcome.reason, retryAfterMs: outcome.retryAfterMs };
  }
  await deps.reminders.ledger.settle(r.id, req.at, 'failed');
  await markUndeliverable(deps, r, outcome.reason, timing);
  await finish(deps, req, timing);
  return { kind: 'undeliverable', reason: outcome.reason };
}

/**
 * Gives an occurrence up after its last attempt failed for a transient reason:
 * records it as failed and moves the reminder on (next repeat, or delivered),
 * so it neither stays pending forever nor loops.
 */
export async function abandonOccurrence(deps: DeliveryDeps, reminderId: string, at: number): Promise<void> {
  const r = await deps.reminders.store.get(reminderId);
  if (!r) return;
  await deps.reminders.ledger.settle(reminderId, at, 'failed');
  await finish(
    deps,
    { reminderId, at, token: 'abandon', lateAfterMs: 0 },
    await memberTiming(deps, r.userId),
  );
}
