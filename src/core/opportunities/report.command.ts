import { customAlphabet } from 'nanoid';
import { defineCommand } from '../commands/command.ts';
import { idOption, stringOption } from '../commands/options.ts';
import { errorReply, reply } from '../reply.ts';
import { canSee, notFoundReply } from './show-listing.command.ts';

const DAY_MS = 24 * 60 * 60 * 1000; // why: reports are limited per rolling day
// why: ten reports a day is more than any honest member needs and stops a flood of the queue
const REPORTS_PER_DAY = 10;
const reportId = customAlphabet('23456789abcdefghijkmnpqrstuvwxyz', 8);

/** `/report id:<id> reason:<text>`: a member flags a dead or wrong listing for the moderators. */
export const reportCommand = defineCommand({
  name: 'report',
  description: 'Tell moderators a listing is dead, wrong or suspicious',
  group: 'opportunities',
  permission: 'member',
  options: {
    id: idOption({
      description: 'The listing',
      example: 'obs-cardio-ny-01',
      required: true,
      autocomplete: 'listing-id',
    }),
    reason: stringOption({
      description: 'What is wrong (dead link, closed, wrong fee, scam...)',
      example: 'the application page is gone',
      required: true,
      minLength: 3,
      maxLength: 500,
    }),
  },
  examples: ['/report id:obs-cardio-ny-01 reason:"the application page is gone"'],
  async handler(input, ctx) {
    const l = await ctx.deps.listings.get(input.id);
    if (!l || !canSee(l, ctx)) return notFoundReply(input.id);
    const quota = await ctx.deps.rateLimiter.consume(`report:${ctx.actor.userId}`, REPORTS_PER_DAY, DAY_MS);
    if (!quota.allowed) {
      return errorReply(
        'REPORT.RATE_LIMITED',
        `You have sent ${REPORTS_PER_DAY} reports today; please wait until tomorrow.`,
      );
    }
    const id = `r-${reportId()}`;
    await ctx.deps.listings.addReport({
      id,
      listingId: l.id,
      reporterId: ctx.actor.userId,
      communityId: ctx.actor.communityId,
      reason: input.reason,
      at: ctx.now,
    });
    return reply({
      title: 'Thank you: report sent',
      text: `Moderators will check “${l.title}” (${l.id}). Report ${id}.`,
      ids: [id],
      ephemeral: true,
    });
  },
});
