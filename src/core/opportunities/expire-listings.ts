import type { CoreDeps } from '../deps.ts';
import { deadlineInfo } from './listing-record.ts';
import { deadlinePassed } from './listing-time.ts';
import { saveListingRevision } from './save-listing.ts';

/** Reason handed to the reminders side when a listing expires. */
export const EXPIRED_REASON = 'The application deadline has passed.';

// why: a sweep runs before each search; 50 keeps its worst case short, the next search does the rest
const DEFAULT_BATCH = 50;

/**
 * Marks published listings whose deadline instant has passed as `expired`
 * (leaving the search indexes) and tells the reminders side. Searches already
 * hide them at the deadline instant; this sweep makes the status match. Safe
 * to run concurrently: a revision check lets only one sweeper expire a listing.
 * Returns how many listings it expired. A scheduler may call it too.
 */
export async function expireDueListings(deps: CoreDeps, now: number, limit = DEFAULT_BATCH): Promise<number> {
  const ids = await deps.listings.dueForExpiry(now, limit);
  if (ids.length === 0) return 0;
  let expired = 0;
  for (const listing of await deps.listings.getMany(ids)) {
    if (listing?.status !== 'published' || !deadlinePassed(listing, now)) continue;
    const saved = await saveListingRevision(
      deps,
      listing,
      { ...listing, status: 'expired', updatedAt: now },
      'expired by another sweep',
    );
    // Another sweeper (or a moderator) changed it first; the next sweep looks again.
    if (!saved.ok) continue;
    const next = saved.value;
    expired++;
    try {
      await deps.listingHooks.listingWithdrawn(deadlineInfo(next), EXPIRED_REASON);
    } catch (err) {
      deps.logger.warn({ err, listing: listing.id }, 'listing expiry hook failed');
    }
  }
  return expired;
}
