import type { CoreDeps } from '../deps.ts';
import type { ListingChangeHooks, ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import { deadlineRemindersOf, syncDeadlineReminders } from './deadline-reminders.ts';
import { dropReminder, placeReminder } from './place-reminder.ts';

/**
 * The reminders side of listing changes (the listings use cases call these):
 * a moved deadline moves every subscriber's reminders; a withdrawn or expired
 * listing removes them and tells each subscriber once, through the same
 * queued, rate-limited delivery as reminders (quiet hours respected).
 * `deps` is read lazily because the hooks are themselves part of the deps.
 */
export function createListingHooks(getDeps: () => CoreDeps): ListingChangeHooks {
  return {
    async deadlineChanged(listing: ListingDeadlineInfo): Promise<void> {
      const deps = getDeps();
      for (const userId of await deps.reminders.store.deadlineSubscribers(listing.id)) {
        const communityId = (await deps.reminders.store.subscriptionsOf(userId))[listing.id];
        if (communityId) await syncDeadlineReminders(deps, userId, communityId, listing);
      }
    },

    async listingWithdrawn(listing: ListingDeadlineInfo, reason: string): Promise<void> {
      const deps = getDeps();
      const { store } = deps.reminders;
      for (const userId of await store.deadlineSubscribers(listing.id)) {
        const communityId = (await store.subscriptionsOf(userId))[listing.id];
        // Only the call that removes the subscription tells the member, so a repeated hook stays silent.
        if (!(await store.unsubscribeDeadline(listing.id, userId))) continue;
        for (const r of await deadlineRemindersOf(deps, userId, listing.id)) await dropReminder(deps, r);
        const now = deps.clock.now();
        const why = reason.trim() ? ` (${reason.trim()})` : '';
        await placeReminder(deps, {
          id: store.newId(),
          userId,
          communityId: communityId ?? '',
          kind: 'notice',
          text: `The listing "${listing.title}" is no longer open${why}, so I cancelled its deadline reminders.`,
          status: 'pending',
          dueAt: now,
          fireAt: now,
          listingId: listing.id,
          createdAt: now,
        });
      }
    },
  };
}
