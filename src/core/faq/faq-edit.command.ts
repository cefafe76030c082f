import { callerOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { stringOption } from '../commands/options.ts';
import { errorReply, reply } from '../reply.ts';
import { editEntry } from './edit-entry.ts';
import { MAX_ANSWER_CHARS, MAX_TITLE_CHARS } from './faq-entry.ts';
import { showButton, topicIdOption } from './faq-replies.ts';

/** `/faq-edit`: moderators add a topic or replace one for their community. */
export const faqEditCommand = defineCommand({
  name: 'faq-edit',
  description: 'Add an FAQ topic or replace its text for this community (moderators)',
  group: 'faq',
  permission: 'moderator',
  options: {
    id: topicIdOption('Topic id: an existing one to replace, or a new one (lowercase words joined by -)'),
    title: stringOption({
      description: 'The question the topic answers',
      example: 'How do visa limits affect what I can do?',
      required: true as const,
      maxLength: MAX_TITLE_CHARS,
    }),
    answer: stringOption({
      description: `The answer, at most ${MAX_ANSWER_CHARS} characters (\\n starts a new line)`,
      example: 'Observerships are usually possible on a B1/B2 visa; hands-on work depends on the host.',
      required: true as const,
      maxLength: MAX_ANSWER_CHARS,
    }),
    aliases: stringOption({
      description: 'Other ways members ask it, separated by ; (kept when not given)',
      example: 'tourist visa and observerships; can I do an externship on a B2',
      maxLength: 1500,
    }),
    tags: stringOption({
      description: 'Themes for /faq-list, separated by commas',
      example: 'planning, costs-and-safety',
    }),
    related: stringOption({
      description: 'Ids of related topics, separated by commas',
      example: 'externship-requirements, paid-programs-scams',
    }),
    from_gap: stringOption({
      description: 'A question id from /faq-gaps: it becomes a phrasing of this topic and leaves the list',
      example: 'g1a',
      maxLength: 14,
    }),
  },
  examples: [
    '/faq-edit id:visa-constraints title:"How do visa limits affect what I can do?" answer:"..." related:externship-requirements',
    '/faq-edit id:visa-interview title:"How do I prepare for a visa interview?" answer:"..." from_gap:g1a',
  ],
  form: { title: 'Add or edit an FAQ topic', inputs: ['id', 'title', 'answer', 'aliases', 'related'] },
  async handler(input, ctx) {
    const done = await editEntry(ctx.deps, { ...callerOf(ctx), input });
    if (!done.ok) return errorReply(done.code, done.message);
    const { before, after } = done.value;
    return reply({
      title: before ? `FAQ topic ${after.id} updated` : `FAQ topic ${after.id} added`,
      text: `Everyone in this community now gets this text for "${after.title}". /faq-reset id:${after.id} brings back the shipped text of a shipped topic.`,
      ids: [after.id],
      actions: [showButton(after)],
      ephemeral: true,
    });
  },
});
