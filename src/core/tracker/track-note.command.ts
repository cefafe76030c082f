import { callerOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption, stringOption } from '../commands/options.ts';
import { type Reply, reply } from '../reply.ts';
import { addNote } from './tracker-entries.ts';

/** `/track note id:<id> text:<...>`. */
export const trackNoteCommand = defineCommand({
  name: 'track note',
  description: 'Add a note to a tracked application (who you spoke to, what they asked for)',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {
    id: idOption({
      description: 'The entry id from /track list',
      example: 't4k2m9qx',
      required: true as const,
    }),
    text: stringOption({
      description: 'The note',
      example: 'Coordinator asked for Step 2 CK score',
      required: true as const,
      maxLength: 500,
    }),
  },
  examples: ['/track note id:t4k2m9qx text:"Coordinator asked for my Step 2 CK score"'],
  async handler(input, ctx): Promise<Reply> {
    const res = await addNote(ctx.deps, { ...callerOf(ctx), id: input.id, text: input.text });
    if (!res.ok) return failureReply(res);
    return reply({
      title: 'Note added',
      text: `${res.value.program} now has ${res.value.notes.length} note${res.value.notes.length === 1 ? '' : 's'}.`,
      ids: [res.value.id],
      ephemeral: true,
    });
  },
});
