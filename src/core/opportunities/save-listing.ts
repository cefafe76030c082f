import type { CoreDeps } from '../deps.ts';
import { type Failure, fail, ok, type Result } from '../result.ts';
import type { Listing } from './listing.ts';

/** The failure of a lookup by an id no listing has. */
export function listingNotFound(id: string): Failure {
  return fail(
    'LISTING.NOT_FOUND',
    `No listing has the id "${id}". Find ids with /opportunities (or type a title in id: to autocomplete). Example: /opportunity id:obs-cardio-ny-01`,
  );
}

/** The stored listing, or `LISTING.NOT_FOUND`. */
export async function loadListing(deps: Pick<CoreDeps, 'listings'>, id: string): Promise<Result<Listing>> {
  const listing = await deps.listings.get(id);
  return listing ? ok(listing) : listingNotFound(id);
}

/**
 * Saves the next version of a listing only while the stored one is still
 * `before`: the revision check that keeps two moderators (or a moderator and
 * the expiry sweep) from overwriting each other's change. `next` gets the
 * revision after `before`'s. Fails with `LISTING.CONFLICT` and `conflict` as
 * its message (each caller says what the member was doing) when someone else
 * saved first; nothing is changed then.
 */
export async function saveListingRevision(
  deps: Pick<CoreDeps, 'listings'>,
  before: Pick<Listing, 'rev'>,
  next: Listing,
  conflict: string,
): Promise<Result<Listing>> {
  const saved: Listing = { ...next, rev: before.rev + 1 };
  if (!(await deps.listings.save(saved, before.rev))) return fail('LISTING.CONFLICT', conflict);
  return ok(saved);
}
