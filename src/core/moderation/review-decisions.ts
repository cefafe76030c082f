import { listingsPublished } from '../alerts/listing-published.ts';
import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlineInfo } from '../opportunities/listing-record.ts';
import { deadlinePassed } from '../opportunities/listing-time.ts';
import { loadListing, saveListingRevision } from '../opportunities/save-listing.ts';
import { type Failure, fail, ok, type Result } from '../result.ts';
import { auditListing, tellSuggester } from './listing-audit.ts';

/** What a review decision needs: the listings, the audit log, the suggester's DM and the announcements. */
export type ReviewDeps = Pick<CoreDeps, 'listings' | 'audit' | 'notifier' | 'logger' | 'alerts'>;

/** A moderator's decision on one pending listing. */
export interface ReviewRequest extends Decision {
  readonly id: string;
}

function notPending(l: Listing): Failure {
  return fail(
    'REVIEW.NOT_PENDING',
    `Listing ${l.id} is ${l.status}, not waiting for review. Nothing was changed. /review shows the queue.`,
  );
}

function conflict(id: string): string {
  return `Listing ${id} changed while you were deciding (another moderator?). Nothing was changed; look again with /opportunity id:${id}.`;
}

/** The pending listing a decision is about, or why there is none. */
async function pendingListing(deps: Pick<CoreDeps, 'listings'>, id: string): Promise<Result<Listing>> {
  const found = await loadListing(deps, id);
  if (!found.ok) return found;
  return found.value.status === 'pending' ? found : notPending(found.value);
}

/**
 * Approves a pending listing (a suggestion, or a flagged post or import): it
 * is published, or marked expired if its deadline passed while it waited. The
 * rules that fired are recorded as accepted, so they do not hold it again.
 * A published listing is announced; a suggester is told. Fails with
 * `LISTING.NOT_FOUND`, `REVIEW.NOT_PENDING` or `LISTING.CONFLICT`.
 */
export async function approveListing(deps: ReviewDeps, req: ReviewRequest): Promise<Result<Listing>> {
  const found = await pendingListing(deps, req.id);
  if (!found.ok) return found;
  const l = found.value;
  const status = deadlinePassed(l, req.at) ? 'expired' : 'published';
  const saved = await saveListingRevision(
    deps,
    l,
    {
      ...l,
      status,
      approvedFlags: [...new Set([...l.approvedFlags, ...l.flags])],
      review: { by: req.by.userId, at: req.at },
      updatedAt: req.at,
    },
    conflict(l.id),
  );
  if (!saved.ok) return saved;
  const next = saved.value;
  if (status === 'published') await listingsPublished(deps, [l.id]);
  await auditListing(deps, req, 'listing.approve', l.id, {
    before: { status: l.status, flags: l.flags },
    after: { status, approvedFlags: next.approvedFlags },
  });
  await tellSuggester(
    deps,
    req.by.userId,
    next,
    `“${l.title}” was approved and is now listed: /opportunity id:${l.id}. Thank you!`,
  );
  return ok(next);
}

/**
 * Rejects a pending listing with a reason; it is kept as withdrawn (audited,
 * never shown) and a suggester is told why. Fails like {@link approveListing}.
 */
export async function rejectListing(
  deps: ReviewDeps & Pick<CoreDeps, 'listingHooks'>,
  req: ReviewRequest & { readonly reason: string },
): Promise<Result<Listing>> {
  const found = await pendingListing(deps, req.id);
  if (!found.ok) return found;
  const l = found.value;
  const decision = { by: req.by.userId, at: req.at, reason: req.reason };
  const saved = await saveListingRevision(
    deps,
    l,
    { ...l, status: 'withdrawn', review: decision, withdrawn: decision, updatedAt: req.at },
    conflict(l.id),
  );
  if (!saved.ok) return saved;
  const next = saved.value;
  await auditListing(deps, req, 'listing.reject', l.id, {
    before: { status: l.status },
    after: { status: 'withdrawn' },
    reason: req.reason,
  });
  // A listing held after an edit may have had subscribers while it was published.
  await deps.listingHooks.listingWithdrawn(deadlineInfo(next), req.reason);
  await tellSuggester(
    deps,
    req.by.userId,
    next,
    `“${l.title}” was not added. The moderator's reason: ${req.reason}`,
  );
  return ok(next);
}
