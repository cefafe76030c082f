import { defineCommand } from '../commands/command.ts';
import { idOption, stringOption } from '../commands/options.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlineInfo } from '../opportunities/listing-record.ts';
import { notFoundReply } from '../opportunities/show-listing.command.ts';
import { errorReply, reply } from '../reply.ts';
import { auditListing } from './listing-audit.ts';

/**
 * `/withdraw id:<id> reason:<text>`: takes a listing down (dead, filled,
 * scam). It leaves every search at once, members with reminders are told
 * (through the reminders hook), and open reports on it are closed.
 */
export const withdrawCommand = defineCommand({
  name: 'withdraw',
  description: 'Take a listing down with a reason (moderators)',
  group: 'moderation',
  permission: 'moderator',
  options: {
    id: idOption({
      description: 'The listing to withdraw',
      example: 'obs-cardio-ny-01',
      required: true,
      autocomplete: 'listing-id',
    }),
    reason: stringOption({
      description: 'Why (members with reminders see it)',
      example: 'program closed for 2027',
      required: true,
      maxLength: 300,
    }),
  },
  examples: ['/withdraw id:obs-cardio-ny-01 reason:"program closed for 2027"'],
  async handler(input, ctx) {
    const l = await ctx.deps.listings.get(input.id);
    if (!l) return notFoundReply(input.id);
    if (l.status === 'withdrawn') {
      return errorReply(
        'LISTING.ALREADY_WITHDRAWN',
        `Listing ${l.id} is already withdrawn. Nothing was changed.`,
      );
    }
    const decision = { by: ctx.actor.userId, at: ctx.now, reason: input.reason };
    const next: Listing = {
      ...l,
      status: 'withdrawn',
      withdrawn: decision,
      updatedAt: ctx.now,
      rev: l.rev + 1,
    };
    if (!(await ctx.deps.listings.save(next, l.rev))) {
      return errorReply(
        'LISTING.CONFLICT',
        `Listing ${l.id} changed meanwhile. Nothing was changed; try again.`,
      );
    }
    await auditListing(ctx, 'listing.withdraw', l.id, {
      before: { status: l.status },
      after: { status: 'withdrawn' },
      reason: input.reason,
    });
    await ctx.deps.listingHooks.listingWithdrawn(deadlineInfo(next), input.reason);
    const closed = await ctx.deps.listings.resolveReports(
      { listingId: l.id },
      { by: ctx.actor.userId, at: ctx.now, how: 'listing withdrawn' },
    );
    return reply({
      title: `Withdrawn: ${l.title}`,
      text: `Listing ${l.id} no longer appears in searches.${closed > 0 ? ` ${closed} open report${closed === 1 ? ' was' : 's were'} closed.` : ''}`,
      ids: [l.id],
      ephemeral: true,
    });
  },
});
