import { decisionOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import { formatInstant } from '../opportunities/listing-time.ts';
import { reply } from '../reply.ts';
import { verifyListing } from './verify-listing.ts';

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
    const done = await verifyListing(ctx.deps, { ...decisionOf(ctx), id: input.id });
    if (!done.ok) return failureReply(done);
    const { listing: l, closedReports: closed } = done.value;
    return reply({
      title: `Verified: ${l.title}`,
      text: `Last verified ${formatInstant(ctx.now, ctx.zone)}.${closed > 0 ? ` ${closed} open report${closed === 1 ? ' was' : 's were'} closed.` : ''}`,
      ids: [l.id],
      ephemeral: true,
    });
  },
});
