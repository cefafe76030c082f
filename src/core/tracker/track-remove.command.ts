import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import { type Reply, reply } from '../reply.ts';
import { removeEntry } from './tracker-entries.ts';

/** `/track remove id:<id>`: removes the entry and cancels its reminders. */
export const trackRemoveCommand = defineCommand({
  name: 'track remove',
  description: 'Remove a tracked application and its reminders',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {
    id: idOption({
      description: 'The entry id from /track list',
      example: 't4k2m9qx',
      required: true as const,
    }),
  },
  examples: ['/track remove id:t4k2m9qx'],
  async handler(input, ctx): Promise<Reply> {
    const res = await removeEntry(ctx.deps, { by: ctx.actor, id: input.id });
    if (!res.ok) return failureReply(res);
    return reply({
      title: 'Removed from your tracker',
      text: `${res.value.program} and its reminders are removed.`,
      ids: [res.value.id],
      ephemeral: true,
    });
  },
});
