import { defineCommand } from '../commands/command.ts';
import { listReply } from './faq-replies.ts';

/** `/faq-list`: every topic of this community's FAQ, grouped by tag, with ids (and vote counts for moderators). */
export const faqListCommand = defineCommand({
  name: 'faq-list',
  description: 'List every FAQ topic, grouped by theme, with the id to open each (moderators: vote counts)',
  group: 'faq',
  permission: 'member',
  options: {},
  examples: ['/faq-list'],
  async handler(_input, ctx) {
    const base = await ctx.deps.faq.current(ctx.actor.communityId);
    const votes = ctx.isModerator ? await ctx.deps.faqFeedback.votes(ctx.actor.communityId) : undefined;
    return listReply(base.index, votes);
  },
});
