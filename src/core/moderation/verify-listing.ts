import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { loadListing, saveListingRevision } from '../opportunities/save-listing.ts';
import { fail, ok, type Result } from '../result.ts';
import { auditListing } from './listing-audit.ts';

/** A moderator confirms a listing is accurate (called the program, checked the page). */
export interface VerifyRequest extends Decision {
  readonly id: string;
}

/** The verified listing and how many open reports on it were closed. */
export interface Verified {
  readonly listing: Listing;
  readonly closedReports: number;
}

/**
 * Stamps a listing "last verified" at the decision's instant, audits it and
 * closes the open reports on it. Fails with `LISTING.NOT_FOUND`,
 * `LISTING.WITHDRAWN` or `LISTING.CONFLICT`.
 */
export async function verifyListing(
  deps: Pick<CoreDeps, 'listings' | 'audit'>,
  req: VerifyRequest,
): Promise<Result<Verified>> {
  const found = await loadListing(deps, req.id);
  if (!found.ok) return found;
  const l = found.value;
  if (l.status === 'withdrawn') {
    return fail('LISTING.WITHDRAWN', `Listing ${l.id} is withdrawn; there is nothing to verify.`);
  }
  const saved = await saveListingRevision(
    deps,
    l,
    { ...l, verifiedAt: req.at },
    `Listing ${l.id} changed meanwhile. Nothing was changed; try again.`,
  );
  if (!saved.ok) return saved;
  await auditListing(deps, req, 'listing.verify', l.id, {
    before: { verifiedAt: l.verifiedAt },
    after: { verifiedAt: req.at },
  });
  const closedReports = await deps.listings.resolveReports(
    { listingId: l.id },
    { by: req.by.userId, at: req.at, how: 'listing verified' },
  );
  return ok({ listing: saved.value, closedReports });
}
