import { applyQuietHours } from '../time/quiet-hours.ts';
import type { DeliveryDeps, DeliveryRequest } from './delivery-deps.ts';
import { memberTiming } from './place-reminder.ts';
import { isCurrentOccurrence, type Reminder } from './reminder.ts';
import { reminderMessage } from './reminder-message.ts';
import { adoptOccurrence, finishOccurrence, loadSources } from './settle-occurrence.ts';
import { markUndeliverable } from './undeliverable.ts';

export type { DeliveryDeps, DeliveryRequest } from './delivery-deps.ts';

/** How an attempt ended; the job layer maps `retry` to a retried job and `undeliverable` to a stopped one. */
export type DeliveryResult =
  | { readonly kind: 'sent'; readonly lateMs: number }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'deferred'; readonly until: number }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'undeliverable'; readonly reason: string };

/** why: delivered reminders stay a week so their snooze/done buttons keep working. */
export const DELIVERED_KEEP_MS = 7 * 86_400_000;

/** The key a platform that dedupes sees on every attempt at one occurrence. */
export function occurrenceKey(r: Pick<Reminder, 'id' | 'dueAt'>): string {
  return `${r.id}-${r.dueAt}`;
}

const skipped = (reason: string): DeliveryResult => ({ kind: 'skipped', reason });

/**
 * Delivers one occurrence at most once. An occurrence is the reminder's due
 * instant (`dueAt`): the ledger records it, so the series' job, a quiet-hours
 * deferral and every retry share one record. The claim happens before the
 * message is prepared; the `sending` mark immediately before the notifier call.
 *
 * A retry after a crash resends when the crash came before `sending` (nothing
 * left the process: no loss). When it came after, the platform may have shown
 * the message: a notifier that drops repeats of the occurrence's key gets it
 * again with the same key (no loss, no duplicate); any other is not asked
 * again (no duplicate, at the price of a possible loss in that sub-second
 * window, logged as `uncertain`), because a duplicate DM cannot be taken back
 * while a member who misses one still sees the reminder in /reminders.
 */
export async function deliverReminder(deps: DeliveryDeps, req: DeliveryRequest): Promise<DeliveryResult> {
  const { store, ledger } = deps.reminders;
  const found = await store.get(req.reminderId);
  if (found?.status !== 'pending') return skipped('stale occurrence');
  const timing = await memberTiming(deps, found.userId);
  const r = isCurrentOccurrence(found, req.at)
    ? found
    : await adoptOccurrence(deps, found, req.at, timing.zone);
  if (!r) return skipped('stale occurrence');
  const now = deps.clock.now();
  if (timing.user.undeliverable) {
    await ledger.settle(r.id, r.dueAt, 'failed');
    await finishOccurrence(deps, r.id, req.at, timing);
    return skipped('member is marked undeliverable');
  }
  // Quiet hours may have been set after this was scheduled, or a late delivery may land in them.
  const quiet = applyQuietHours(now, timing.zone, timing.user.quietHours);
  if (quiet.deferred) {
    await store.save({ ...r, fireAt: quiet.at });
    await deps.reminders.scheduler.schedule(r.id, quiet.at);
    return { kind: 'deferred', until: quiet.at };
  }
  const dedupes = deps.notifier.dedupes?.(r.userId) ?? false;
  const claim = await ledger.claim(r.id, r.dueAt, req.token, { takeOverSending: dedupes });
  if (claim !== 'claimed') {
    if (claim === 'sending') {
      await ledger.settle(r.id, r.dueAt, 'uncertain');
      deps.logger.warn(
        { reminder: r.id, at: r.dueAt },
        'a worker died while sending; not resending (at-most-once)',
      );
    }
    await finishOccurrence(deps, r.id, req.at, timing);
    return skipped(`occurrence already ${claim}`);
  }
  const sources = await loadSources(deps, r);
  if (!sources) {
    await store.remove(r.id);
    if (r.repeat) await deps.reminders.scheduler.unscheduleSeries(r.id);
    return skipped('what it was about is gone');
  }
  const lateMs = Math.max(0, now - req.at);
  const message = reminderMessage(r, { zone: timing.zone, lateMs, lateAfterMs: req.lateAfterMs, ...sources });
  if (!(await ledger.markSending(r.id, r.dueAt, req.token))) {
    return skipped('another worker took the occurrence over');
  }
  const outcome = await deps.notifier.sendDirect(r.userId, message, { idempotencyKey: occurrenceKey(r) });
  if (outcome.ok) {
    await ledger.markSent(r.id, r.dueAt, req.token);
    await finishOccurrence(deps, r.id, req.at, timing);
    return { kind: 'sent', lateMs };
  }
  if (!outcome.permanent) {
    await ledger.release(r.id, r.dueAt, req.token);
    return { kind: 'retry', reason: outcome.reason, retryAfterMs: outcome.retryAfterMs };
  }
  await ledger.settle(r.id, r.dueAt, 'failed');
  await markUndeliverable(deps, r, outcome.reason, timing);
  await finishOccurrence(deps, r.id, req.at, timing);
  return { kind: 'undeliverable', reason: outcome.reason };
}

/**
 * Gives an occurrence up after its last attempt failed for a transient reason:
 * records it as failed and moves the reminder on (next repeat, or delivered),
 * so it neither stays pending forever nor loops.
 */
export async function abandonOccurrence(deps: DeliveryDeps, reminderId: string, at: number): Promise<void> {
  const r = await deps.reminders.store.get(reminderId);
  if (!r || !isCurrentOccurrence(r, at)) return;
  await deps.reminders.ledger.settle(reminderId, r.dueAt, 'failed');
  await finishOccurrence(deps, reminderId, at, await memberTiming(deps, r.userId));
}
