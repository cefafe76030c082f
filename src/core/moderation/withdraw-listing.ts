import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlineInfo } from '../opportunities/listing-record.ts';
import { loadListing, saveListingRevision } from '../opportunities/save-listing.ts';
import { fail, ok, type Result } from '../result.ts';
import { auditListing } from './listing-audit.ts';

/** A moderator takes a listing down, saying why (members with reminders see the reason). */
export interface WithdrawRequest extends Decision {
  readonly id: string;
  readonly reason: string;
}

/** The withdrawn listing and how many open reports on it were closed. */
export interface Withdrawn {
  readonly listing: Listing;
  readonly closedReports: number;
}

/**
 * Withdraws a listing (dead, filled, scam): it leaves every search at once,
 * the decision is audited, members with reminders are told (through the
 * listing hooks) and open reports on it are closed. Fails with
 * `LISTING.NOT_FOUND`, `LISTING.ALREADY_WITHDRAWN` or `LISTING.CONFLICT`.
 */
export async function withdrawListing(
  deps: Pick<CoreDeps, 'listings' | 'audit' | 'listingHooks'>,
  req: WithdrawRequest,
): Promise<Result<Withdrawn>> {
  const found = await loadListing(deps, req.id);
  if (!found.ok) return found;
  const l = found.value;
  if (l.status === 'withdrawn') {
    return fail('LISTING.ALREADY_WITHDRAWN', `Listing ${l.id} is already withdrawn. Nothing was changed.`);
  }
  const decision = { by: req.by.userId, at: req.at, reason: req.reason };
  const saved = await saveListingRevision(
    deps,
    l,
    { ...l, status: 'withdrawn', withdrawn: decision, updatedAt: req.at },
    `Listing ${l.id} changed meanwhile. Nothing was changed; try again.`,
  );
  if (!saved.ok) return saved;
  await auditListing(deps, req, 'listing.withdraw', l.id, {
    before: { status: l.status },
    after: { status: 'withdrawn' },
    reason: req.reason,
  });
  await deps.listingHooks.listingWithdrawn(deadlineInfo(saved.value), req.reason);
  const closedReports = await deps.listings.resolveReports(
    { listingId: l.id },
    { by: req.by.userId, at: req.at, how: 'listing withdrawn' },
  );
  return ok({ listing: saved.value, closedReports });
}
