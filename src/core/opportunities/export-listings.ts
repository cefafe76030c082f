import type { CoreDeps } from '../deps.ts';
import { type ListingRow, listingRow } from './listing-row.ts';

// why: 1,000 listings (~1 MB of JSON) per read keeps memory flat while exporting 100,000
const PAGE = 1000;

/**
 * `imgbot export` as a use case: every listing in any status, oldest first,
 * as export rows, a page at a time (the caller writes each page out).
 * Importing the rows gives the same listings back.
 */
export async function* exportListingRows(deps: Pick<CoreDeps, 'listings'>): AsyncGenerator<ListingRow[]> {
  const total = await deps.listings.count();
  for (let offset = 0; offset < total; offset += PAGE) {
    const page = await deps.listings.list(offset, PAGE);
    if (page.length > 0) yield page.map(listingRow);
  }
}
