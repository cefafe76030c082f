import { reply } from '../reply.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import type { MemberTiming } from './place-reminder.ts';
import type { Reminder } from './reminder.ts';

/** why: one notice per member per day at most, even if several reminders fail at once. */
const UNDELIVERABLE_NOTICE_WINDOW_MS = 86_400_000;

/**
 * Marks a member undeliverable after a permanent failure (DMs closed, gone),
 * so later reminders are skipped instead of retried. When the community has
 * turned it on and the member was last seen in a channel, says so there once.
 */
export async function markUndeliverable(
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
      addressee: r.userId,
      title: 'I could not send you a direct message',
      text:
        `Your reminders cannot reach you by direct message (${reason}). Allow direct messages ` +
        'from this community, then run any reminder command (e.g. /reminders) and I will deliver again.',
    }),
  );
  if (!outcome.ok) deps.logger.warn({ reason: outcome.reason }, 'undeliverable notice failed');
}
