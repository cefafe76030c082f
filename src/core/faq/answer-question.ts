import type { CommandContext } from '../commands/command.ts';
import { closest } from '../commands/suggest.ts';
import type { Reply } from '../reply.ts';
import { recordGap } from './faq-gaps.ts';
import { choiceReply, entryReply, noAnswerReply, unknownTopicReply } from './faq-replies.ts';
import { classifySmallTalk } from './faq-small-talk.ts';
import { smallTalkReply } from './faq-small-talk-replies.ts';

/** Below this coverage an answer is kept in the gap log as "unsure" (it is still given). */
const UNSURE_COVERAGE = 0.5; // why: answers under half the question's weight are the ones the paraphrase sets get wrong

/**
 * Answers a member's question from the community's FAQ: a greeting, thanks or
 * a request for work the bot does not do gets its own short reply; otherwise
 * the entry when the match is confident, both topics when two fit about
 * equally, or an honest "no answer" that says what the bot covers, with the
 * three closest topics. A question that is exactly a topic id (what Discord's
 * autocomplete hands back) shows that topic. Refused and unsure questions are
 * kept (text, time, community) for moderators' /faq-gaps.
 */
export async function answerQuestion(question: string, ctx: CommandContext): Promise<Reply> {
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const asId = base.index.get(question.trim().toLowerCase());
  if (asId) return entryReply(asId, base.index);
  const talk = classifySmallTalk(question);
  if (talk) return smallTalkReply(talk, base.index);
  const answer = base.index.answer(question);
  const scope = { communityId: ctx.actor.communityId, at: ctx.now };
  ctx.deps.logger.debug(
    { faq: answer.kind === 'answer' ? answer.entry.id : null, ...answer.confidence },
    'faq question matched',
  );
  if (answer.kind === 'answer') {
    if (answer.confidence.reason !== 'exact' && answer.confidence.coverage < UNSURE_COVERAGE) {
      await recordGap(ctx.deps, scope, question, 'unsure', [answer.entry.id]);
    }
    return entryReply(answer.entry, base.index);
  }
  if (answer.kind === 'choice') {
    await recordGap(
      ctx.deps,
      scope,
      question,
      'unsure',
      answer.entries.map((e) => e.id),
    );
    return choiceReply(answer.entries);
  }
  await recordGap(
    ctx.deps,
    scope,
    question,
    'refused',
    answer.closest.map((e) => e.id),
  );
  return noAnswerReply(answer.closest, base.index);
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
