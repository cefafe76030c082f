import type { CommandContext } from '../commands/command.ts';
import { closest } from '../commands/suggest.ts';
import type { Reply } from '../reply.ts';
import { entryReply, noAnswerReply, unknownTopicReply } from './faq-replies.ts';

/**
 * Answers a member's question from the community's FAQ: the entry when the
 * match is confident, otherwise an honest "no answer" with the three closest
 * topics. A question that is exactly a topic id (what Discord's autocomplete
 * hands back) shows that topic.
 */
export async function answerQuestion(question: string, ctx: CommandContext): Promise<Reply> {
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const asId = base.index.get(question.trim().toLowerCase());
  if (asId) return entryReply(asId, base.index);
  const answer = base.index.answer(question);
  ctx.deps.logger.debug(
    { faq: answer.kind === 'answer' ? answer.entry.id : null, ...answer.confidence },
    'faq question matched',
  );
  return answer.kind === 'answer'
    ? entryReply(answer.entry, base.index)
    : noAnswerReply(answer.closest, base.index);
}

/** Shows one topic by id (`/faq id:` and the `faq.show` button). */
export async function showTopic(id: string, ctx: CommandContext): Promise<Reply> {
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const wanted = id.trim().toLowerCase();
  const entry = base.index.get(wanted);
  if (entry) return entryReply(entry, base.index);
  const ids = base.index.entries.map((e) => e.id);
  return unknownTopicReply(wanted, base.index, closest(wanted, ids));
}
