import { decisionOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { errorReply, reply } from '../reply.ts';
import { topicIdOption } from './faq-replies.ts';
import { removeEntry } from './remove-entry.ts';

/** `/faq-remove`: moderators hide a topic for their community. */
export const faqRemoveCommand = defineCommand({
  name: 'faq-remove',
  description: 'Hide an FAQ topic in this community (moderators; /faq-reset brings it back)',
  group: 'faq',
  permission: 'moderator',
  options: { id: topicIdOption('The topic id to hide, from /faq-list') },
  examples: ['/faq-remove id:visa-constraints'],
  bareWords: { kind: 'rest', option: 'id' },
  async handler(input, ctx) {
    const done = await removeEntry(ctx.deps, { ...decisionOf(ctx), id: input.id });
    if (!done.ok) return errorReply(done.code, done.message);
    const { removed, shipped, linkedFrom } = done.value;
    const links =
      linkedFrom.length > 0 ? ` Links to it from ${linkedFrom.join(', ')} are no longer shown.` : '';
    const undo = shipped
      ? ` /faq-reset id:${removed.id} brings it back.`
      : ' It was added here, so it is gone.';
    return reply({
      title: `FAQ topic ${removed.id} removed`,
      text: `Members no longer get "${removed.title}".${links}${undo}`,
      ids: [],
      ephemeral: true,
    });
  },
});
