import { listingsPublished } from '../alerts/listing-published.ts';
import type { CommandContext } from '../commands/command.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlineInfo } from '../opportunities/listing-record.ts';
import { deadlinePassed } from '../opportunities/listing-time.ts';
import { notFoundReply } from '../opportunities/show-listing.command.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { auditListing, tellSuggester } from './listing-audit.ts';

function notPending(l: Listing): Reply {
  return errorReply(
    'REVIEW.NOT_PENDING',
    `Listing ${l.id} is ${l.status}, not waiting for review. Nothing was changed. /review shows the queue.`,
  );
}

function conflict(id: string): Reply {
  return errorReply(
    'LISTING.CONFLICT',
    `Listing ${id} changed while you were deciding (another moderator?). Nothing was changed; look again with /opportunity id:${id}.`,
  );
}

/**
 * Approves a pending listing (a suggestion, or a flagged post or import): it
 * is published, or marked expired if its deadline passed while it waited. The
 * rules that fired are recorded as accepted, so they do not hold it again.
 */
export async function approveListing(id: string, ctx: CommandContext): Promise<Reply> {
  const l = await ctx.deps.listings.get(id);
  if (!l) return notFoundReply(id);
  if (l.status !== 'pending') return notPending(l);
  const status = deadlinePassed(l, ctx.now) ? 'expired' : 'published';
  const next: Listing = {
    ...l,
    status,
    approvedFlags: [...new Set([...l.approvedFlags, ...l.flags])],
    review: { by: ctx.actor.userId, at: ctx.now },
    updatedAt: ctx.now,
    rev: l.rev + 1,
  };
  if (!(await ctx.deps.listings.save(next, l.rev))) return conflict(id);
  if (status === 'published') await listingsPublished(ctx.deps, [id]);
  await auditListing(ctx, 'listing.approve', id, {
    before: { status: l.status, flags: l.flags },
    after: { status, approvedFlags: next.approvedFlags },
  });
  await tellSuggester(
    ctx,
    next,
    `“${l.title}” was approved and is now listed: /opportunity id:${id}. Thank you!`,
  );
  const text =
    status === 'published'
      ? `“${l.title}” (${id}) is published.`
      : `“${l.title}” (${id}) was approved, but its deadline has passed, so it is marked expired and not shown in searches.`;
  return reply({ title: 'Approved', text, ids: [id], ephemeral: true });
}

/** Rejects a pending listing with a reason; it is kept as withdrawn (audited, never shown). */
export async function rejectListing(id: string, reason: string, ctx: CommandContext): Promise<Reply> {
  const l = await ctx.deps.listings.get(id);
  if (!l) return notFoundReply(id);
  if (l.status !== 'pending') return notPending(l);
  const decision = { by: ctx.actor.userId, at: ctx.now, reason };
  const next: Listing = {
    ...l,
    status: 'withdrawn',
    review: decision,
    withdrawn: decision,
    updatedAt: ctx.now,
    rev: l.rev + 1,
  };
  if (!(await ctx.deps.listings.save(next, l.rev))) return conflict(id);
  await auditListing(ctx, 'listing.reject', id, {
    before: { status: l.status },
    after: { status: 'withdrawn' },
    reason,
  });
  // A listing held after an edit may have had subscribers while it was published.
  await ctx.deps.listingHooks.listingWithdrawn(deadlineInfo(next), reason);
  await tellSuggester(ctx, next, `“${l.title}” was not added. The moderator's reason: ${reason}`);
  return reply({
    title: 'Rejected',
    text: `“${l.title}” (${id}) was rejected: ${reason}`,
    ids: [id],
    ephemeral: true,
  });
}
