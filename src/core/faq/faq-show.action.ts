import type { ActionDef } from '../commands/command.ts';
import { showTopic } from './answer-question.ts';
import { FAQ_SHOW_ACTION } from './faq-replies.ts';

/** The button under answers and "no answer" replies: shows the topic named by the payload (its id). */
export const faqShowAction: ActionDef = {
  id: FAQ_SHOW_ACTION,
  permission: 'member',
  handler: (payload, ctx) => showTopic(payload, ctx),
};
