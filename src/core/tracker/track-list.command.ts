import { defineCommand } from '../commands/command.ts';
import { type Reply, reply } from '../reply.ts';
import { entryRecord } from './describe-entry.ts';
import { chainsByEntry } from './tracker-entries.ts';

/** `/track list`: the member's applications with status, dates, next reminders and last note. */
export const trackListCommand = defineCommand({
  name: 'track list',
  description: 'List the applications you track, with their status and next reminders',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/track list'],
  async handler(_input, ctx): Promise<Reply> {
    const entries = await ctx.deps.tracker.list(ctx.actor.userId);
    if (entries.length === 0) {
      return reply({
        title: 'Your applications',
        text: 'You are not tracking any applications yet. Start with /track add program:"Mercy Hospital IM externship" status:applied.',
        ephemeral: true,
      });
    }
    const chains = await chainsByEntry(ctx.deps, ctx.actor.userId);
    return reply({
      title: 'Your applications',
      text: `${entries.length} tracked. Times in ${ctx.zone}.`,
      records: entries.map((e) => entryRecord(e, chains.get(e.id) ?? [], ctx.zone)),
      ids: entries.map((e) => e.id),
      ephemeral: true,
    });
  },
});
