import { defineCommand } from '../commands/command.ts';
import { idOption } from '../commands/options.ts';
import type { Listing } from '../opportunities/listing.ts';
import { formatInstant } from '../opportunities/listing-time.ts';
import { notFoundReply } from '../opportunities/show-listing.command.ts';
import { errorReply, reply } from '../reply.ts';
import { auditListing } from './listing-audit.ts';

/**
 * `/verify id:<id>`: a moderator confirmed the listing is accurate (called
 * the program, checked the page). Stamps "last verified" and closes open
 * reports on it.
 */
export const verifyCommand = defineCommand({
  name: 'verify',
  description: 'Mark a listing as checked and accurate today (moderators)',
  group: 'moderation',
  permission: 'moderator',
  options: {
    id: idOption({
      description: 'The listing you checked',
      example: 'obs-cardio-ny-01',
      required: true,
      autocomplete: 'listing-id',
    }),
  },
  examples: ['/verify id:obs-cardio-ny-01'],
  async handler(input, ctx) {
    const l = await ctx.deps.listings.get(input.id);
    if (!l) return notFoundReply(input.id);
    if (l.status === 'withdrawn') {
      return errorReply('LISTING.WITHDRAWN', `Listing ${l.id} is withdrawn; there is nothing to verify.`);
    }
    const next: Listing = { ...l, verifiedAt: ctx.now, rev: l.rev + 1 };
    if (!(await ctx.deps.listings.save(next, l.rev))) {
      return errorReply(
        'LISTING.CONFLICT',
        `Listing ${l.id} changed meanwhile. Nothing was changed; try again.`,
      );
    }
    await auditListing(ctx, 'listing.verify', l.id, {
      before: { verifiedAt: l.verifiedAt },
      after: { verifiedAt: ctx.now },
    });
    const closed = await ctx.deps.listings.resolveReports(
      { listingId: l.id },
      { by: ctx.actor.userId, at: ctx.now, how: 'listing verified' },
    );
    return reply({
      title: `Verified: ${l.title}`,
      text: `Last verified ${formatInstant(ctx.now, ctx.zone)}.${closed > 0 ? ` ${closed} open report${closed === 1 ? ' was' : 's were'} closed.` : ''}`,
      ids: [l.id],
      ephemeral: true,
    });
  },
});
