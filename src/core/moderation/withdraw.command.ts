import { decisionOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption, stringOption } from '../commands/options.ts';
import { reply } from '../reply.ts';
import { withdrawListing } from './withdraw-listing.ts';

/**
 * `/withdraw id:<id> reason:<text>`: takes a listing down (dead, filled,
 * scam) through {@link withdrawListing} and says how many reports it closed.
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
    const done = await withdrawListing(ctx.deps, { ...decisionOf(ctx), id: input.id, reason: input.reason });
    if (!done.ok) return failureReply(done);
    const { listing: l, closedReports: closed } = done.value;
    return reply({
      title: `Withdrawn: ${l.title}`,
      text: `Listing ${l.id} no longer appears in searches.${closed > 0 ? ` ${closed} open report${closed === 1 ? ' was' : 's were'} closed.` : ''}`,
      ids: [l.id],
      ephemeral: true,
    });
  },
});
