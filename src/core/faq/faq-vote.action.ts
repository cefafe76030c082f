import { createHash } from 'node:crypto';
import type { ActionDef, CommandContext } from '../commands/command.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import type { FaqVote } from './faq-feedback.port.ts';
import { FAQ_VOTE_ACTION } from './faq-replies.ts';

/**
 * The voter key kept beside a vote: a one-way hash of the member id, so the
 * store can keep one vote per member per entry without holding who voted
 * (nothing in it names a member; a deleted member's vote stays as a count).
 */
export function voterKey(userId: string): string {
  return createHash('sha256').update(`faq-vote\n${userId}`).digest('hex').slice(0, 32); // why: 128 bits never collide in practice
}

/** Records a helpful / not helpful vote on an answer (one per member per entry; a second press changes it). */
export async function voteOnAnswer(payload: string, ctx: CommandContext): Promise<Reply> {
  const m = /^([a-z0-9-]{1,60})\.(up|down)$/.exec(payload);
  if (!m?.[1] || !m[2])
    return errorReply('FAQ.BAD_VOTE', 'This button is not valid any more. Ask your question again.');
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const entry = base.index.get(m[1]);
  if (!entry) {
    return errorReply(
      'FAQ.NOT_FOUND',
      `The topic ${m[1]} was removed since this answer; /faq-list shows the current ones.`,
    );
  }
  const vote = m[2] as FaqVote;
  const done = await ctx.deps.faqFeedback.vote(
    ctx.actor.communityId,
    entry.id,
    voterKey(ctx.actor.userId),
    vote,
  );
  const again = done.changed ? '' : ' (you had already said so; one vote per member per answer)';
  return reply({
    title: 'Thanks for the feedback',
    text:
      vote === 'up'
        ? `Noted: "${entry.title}" helped${again}.`
        : `Noted: "${entry.title}" did not help${again}. Moderators see which answers need work; ` +
          'you can also rephrase your question or ask in the community.',
    ephemeral: true,
  });
}

/** The helpful / not helpful buttons under every answer. */
export const faqVoteAction: ActionDef = {
  id: FAQ_VOTE_ACTION,
  permission: 'member',
  handler: voteOnAnswer,
};
