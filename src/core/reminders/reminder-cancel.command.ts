import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { type Reply, reply } from '../reply.ts';
import { cancelReminder } from './cancel-reminder.ts';
import { reminderIdOption } from './reminder-autocomplete.ts';

/** `/reminder-cancel id:<id>`. */
export const reminderCancelCommand = defineCommand({
  name: 'reminder-cancel',
  description: 'Cancel one of your reminders (a repeating one stops repeating)',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {
    id: reminderIdOption(),
  },
  examples: ['/reminder-cancel id:r7k2m9qxa1'],
  async handler(input, ctx): Promise<Reply> {
    const cancelled = await cancelReminder(ctx.deps, { userId: ctx.actor.userId, id: input.id });
    if (!cancelled.ok) return failureReply(cancelled);
    const r = cancelled.value;
    return reply({
      title: 'Reminder cancelled',
      text: `Cancelled "${r.text}"${r.repeat ? ' and its repeats' : ''}.`,
      ids: [r.id],
      ephemeral: true,
    });
  },
});
