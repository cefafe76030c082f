import { decisionOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { errorReply, reply } from '../reply.ts';
import { showButton, topicIdOption } from './faq-replies.ts';
import { resetEntry } from './reset-entry.ts';

/** `/faq-reset`: moderators bring a shipped topic back to its shipped text. */
export const faqResetCommand = defineCommand({
  name: 'faq-reset',
  description: 'Bring an FAQ topic back to the shipped text (moderators)',
  group: 'faq',
  permission: 'moderator',
  options: { id: topicIdOption('The topic id to restore') },
  examples: ['/faq-reset id:visa-constraints'],
  bareWords: { kind: 'rest', option: 'id' },
  async handler(input, ctx) {
    const done = await resetEntry(ctx.deps, { ...decisionOf(ctx), id: input.id });
    if (!done.ok) return errorReply(done.code, done.message);
    const { after } = done.value;
    return reply({
      title: `FAQ topic ${after.id} reset`,
      text: `"${after.title}" shows the shipped text again.`,
      ids: [after.id],
      actions: [showButton(after)],
      ephemeral: true,
    });
  },
});
