import { defineCommand } from '../commands/command.ts';
import { errorReply, reply } from '../reply.ts';
import { listingFormPrecheck } from './listing-form.ts';
import { newListingOptions } from './listing-options.ts';
import { formatInstant } from './listing-time.ts';
import { submitListing, validateSubmission } from './submit-listing.ts';

const DAY_MS = 24 * 60 * 60 * 1000; // why: "per member per day" is a rolling 24-hour window

/**
 * `/suggest`: a member proposes a listing (same fields as /post). It waits in
 * the review queue as `pending`; at most `suggestionsPerDay` per member a day.
 */
export const suggestCommand = defineCommand({
  name: 'suggest',
  description: 'Propose a listing for moderators to review',
  group: 'opportunities',
  permission: 'member',
  options: newListingOptions(),
  examples: [
    '/suggest title:"IM Observership" type:observership specialties:IM institution:"Pinecrest Valley Hospital" city:Paterson state:NJ contact:https://pinecrest.example.org/observers description:"Rounds with the hospitalists."',
  ],
  form: {
    title: 'Suggest a listing',
    inputs: ['title', 'institution', 'specialties', 'contact', 'description'],
    precheck: listingFormPrecheck('suggest'),
  },
  async handler(input, ctx) {
    // Check the content first, so a typo does not use up one of the day's suggestions.
    const valid = validateSubmission(ctx.deps, input, ctx.now);
    if (!valid.ok) return errorReply(valid.code, valid.message);
    const limit = ctx.deps.settings.suggestionsPerDay;
    const quota = await ctx.deps.rateLimiter.consume(`suggest:${ctx.actor.userId}`, limit, DAY_MS);
    if (!quota.allowed) {
      return errorReply(
        'SUGGEST.RATE_LIMITED',
        `You can suggest at most ${limit} listings a day. You can suggest again after ${formatInstant(quota.resetAt, ctx.zone)}.`,
      );
    }
    const result = await submitListing(ctx.deps, {
      values: input,
      source: 'suggest',
      actorId: ctx.actor.userId,
      communityId: ctx.actor.communityId,
      now: ctx.now,
    });
    if (!result.ok) return errorReply(result.code, result.message);
    const { listing, hits } = result.value;
    return reply({
      title: 'Thank you: suggestion received',
      text:
        `“${listing.title}” (${listing.id}) is waiting for a moderator. You will hear back when it is reviewed.` +
        (hits.length > 0 ? ' The moderator will also check what the bot noticed:' : ''),
      fields: hits.map((h) => ({ name: h.rule, value: h.message })),
      ids: [listing.id],
      ephemeral: true,
    });
  },
});
