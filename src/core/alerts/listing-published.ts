import type { CoreDeps } from '../deps.ts';

/**
 * Called by the listing use cases right after a listing became `published`
 * (a clean /post, an /approve, a clean new import row): queues its
 * announcement (channel post and member alerts). The job id is the listing's,
 * and the announcement ledger remembers what was sent, so calling this twice,
 * or for a listing published again later, announces it once. A queue that is
 * down does not undo the publication: the failure is logged.
 */
export async function listingsPublished(
  deps: Pick<CoreDeps, 'alerts' | 'logger'>,
  listingIds: readonly string[],
): Promise<void> {
  if (listingIds.length === 0) return;
  try {
    await deps.alerts.queue.enqueue(listingIds);
  } catch (err) {
    deps.logger.warn({ err, listings: listingIds.length }, 'could not queue listing announcements');
  }
}
