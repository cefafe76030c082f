import { decisionOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { listingFormPrecheck } from '../opportunities/listing-form.ts';
import { idFieldOption, newListingOptions } from '../opportunities/listing-options.ts';
import { draftOf } from '../opportunities/listing-record.ts';
import { submitListing } from '../opportunities/submit-listing.ts';
import { errorReply, reply } from '../reply.ts';
import { auditListing } from './listing-audit.ts';
import { APPROVE_ACTION } from './review-actions.ts';

/**
 * `/post`: a moderator publishes a listing with every field. A listing that
 * trips a scam/quality rule is held in the review queue instead, and the
 * moderator sees which rules fired (and can approve it explicitly).
 */
export const postCommand = defineCommand({
  name: 'post',
  description: 'Publish a new listing (moderators); flagged listings wait in /review',
  group: 'moderation',
  permission: 'moderator',
  options: { ...newListingOptions(), id: idFieldOption() },
  examples: [
    '/post title:"Cardiology Observership" type:observership specialties:cardiology institution:"Bluewater Heights Medical Center" city:"New York" state:NY duration_weeks:4 fee_usd:0 deadline:2027-03-15 contact:observers@bluewater.example.org description:"Rounds with the consult team."',
  ],
  form: {
    title: 'Post a listing',
    inputs: ['title', 'institution', 'specialties', 'contact', 'description'],
    precheck: listingFormPrecheck('post'),
  },
  async handler(input, ctx) {
    const result = await submitListing(ctx.deps, {
      values: input,
      source: 'post',
      actorId: ctx.actor.userId,
      communityId: ctx.actor.communityId,
      now: ctx.now,
    });
    if (!result.ok) return errorReply(result.code, result.message);
    const { listing, hits } = result.value;
    await auditListing(
      ctx.deps,
      decisionOf(ctx),
      hits.length > 0 ? 'listing.post-held' : 'listing.post',
      listing.id,
      {
        after: { ...draftOf(listing), status: listing.status, flags: listing.flags },
      },
    );
    if (hits.length > 0) {
      return reply({
        title: `Held for review: ${listing.title}`,
        text: `Listing ${listing.id} was saved but not published: ${hits.length === 1 ? 'a rule' : `${hits.length} rules`} fired. Check it, then approve it here or in /review, or fix it with /edit id:${listing.id}.`,
        fields: hits.map((h) => ({ name: h.rule, value: h.message })),
        actions: [
          { action: APPROVE_ACTION, label: 'Approve and publish', payload: listing.id, style: 'primary' },
        ],
        ids: [listing.id],
        ephemeral: true,
      });
    }
    return reply({
      title: `Published: ${listing.title}`,
      text: `Listing ${listing.id} is live. Members see it with /opportunity id:${listing.id}.`,
      ids: [listing.id],
      ephemeral: true,
    });
  },
});
