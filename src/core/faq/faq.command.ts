import { type CommandContext, defineCommand } from '../commands/command.ts';
import { AUTOCOMPLETE_LIMITS, type AutocompleteChoice, stringOption } from '../commands/options.ts';
import { errorReply } from '../reply.ts';
import { answerQuestion, showTopic } from './answer-question.ts';

/** Name of the autocomplete source for FAQ questions. */
export const FAQ_QUESTION_SOURCE = 'faq-question';

const { choices: MAX_CHOICES, name: MAX_CHOICE_NAME } = AUTOCOMPLETE_LIMITS;

/**
 * `/faq question:<text>` answers a question from the FAQ; `/faq id:<id>`
 * shows one topic. Plain text typed in the shell comes here as `question`.
 */
export const faqCommand = defineCommand({
  name: 'faq',
  description:
    'Ask about clinical experience, applications and the Match; rate answers Helpful or Not helpful',
  group: 'faq',
  permission: 'member',
  options: {
    question: stringOption({
      description: 'Your question in your own words, e.g. how long is an externship',
      example: 'how long is an externship',
      autocomplete: FAQ_QUESTION_SOURCE,
    }),
    id: stringOption({
      description: 'A topic id from /faq-list, e.g. visa-constraints',
      example: 'visa-constraints',
      maxLength: 60,
    }),
  },
  examples: [
    '/faq how long is an externship',
    '/faq question:"do I need ECFMG certification"',
    '/faq id:visa-constraints',
  ],
  bareWords: { kind: 'rest', option: 'question' },
  async handler(input, ctx) {
    const examples = 'Examples: /faq how long is an externship · /faq id:visa-constraints';
    if (input.question !== undefined && input.id !== undefined) {
      return errorReply('FAQ.ONE_OF', `Give either a question or a topic id, not both. ${examples}`);
    }
    if (input.id !== undefined) return showTopic(input.id, ctx);
    if (input.question === undefined) {
      return errorReply('FAQ.ONE_OF', `Ask a question or give a topic id (see /faq-list). ${examples}`);
    }
    return answerQuestion(input.question, ctx);
  },
});

/**
 * Autocomplete for `/faq question:`: topic titles that match what was typed
 * so far (prefix and typo tolerant), best first. The value is the topic id,
 * which the command shows directly, so picking a title always opens it.
 */
export async function completeFaqQuestion(query: string, ctx: CommandContext): Promise<AutocompleteChoice[]> {
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  return base.index
    .complete(query, MAX_CHOICES)
    .map((e) => ({ name: e.title.slice(0, MAX_CHOICE_NAME), value: e.id }));
}
