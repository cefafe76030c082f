import type { CoreDeps } from '../deps.ts';
import type { Listing, ListingStatus } from '../opportunities/listing.ts';
import { effectiveStatus } from '../opportunities/listing-time.ts';

/** One row of the moderators' listings table. */
export interface ListingTableRow {
  readonly listing: Listing;
  /** The status members see now (a published listing past its deadline is expired). */
  readonly status: ListingStatus;
}

/** A page of the table, and whether there are more. */
export interface ListingTablePage {
  readonly rows: readonly ListingTableRow[];
  readonly total: number;
  readonly hasMore: boolean;
}

/**
 * The moderators' view of every listing, in any status, in stored order
 * (oldest first), `count` at a time; optionally only one status. With
 * `staleFirst`, the page is ordered never-verified first, then oldest
 * verification (the listings most in need of a check).
 */
export async function listingTablePage(
  deps: Pick<CoreDeps, 'listings'>,
  request: { offset: number; count: number; status?: ListingStatus; staleFirst?: boolean; now: number },
): Promise<ListingTablePage> {
  const total = await deps.listings.count();
  const page = await deps.listings.list(request.offset, request.count);
  let rows = page.map((listing) => ({ listing, status: effectiveStatus(listing, request.now) }));
  if (request.status) rows = rows.filter((r) => r.status === request.status);
  if (request.staleFirst) {
    rows = [...rows].sort((a, b) => (a.listing.verifiedAt ?? -1) - (b.listing.verifiedAt ?? -1));
  }
  return { rows, total, hasMore: request.offset + page.length < total };
}
