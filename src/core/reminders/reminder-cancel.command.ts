import type { CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { type Reply, reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { cancelDeadlineStep } from './deadline-reminders.ts';
import { dropReminder } from './place-reminder.ts';
import type { Reminder } from './reminder.ts';
import { reminderIdOption } from './reminder-autocomplete.ts';

/** The member's own reminder by id; `REMINDER.NOT_FOUND` for anyone else's or a gone one. */
export async function ownReminder(ctx: CommandContext, id: string): Promise<Result<Reminder>> {
  const r = await ctx.deps.reminders.store.get(id);
  if (r && r.userId === ctx.actor.userId) return ok(r);
  return fail(
    'REMINDER.NOT_FOUND',
    `You have no reminder with id ${id} (it may have been cancelled, or cleared a week after delivery). /reminders lists yours.`,
  );
}

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
    const found = await ownReminder(ctx, input.id);
    if (!found.ok) return failureReply(found);
    const r = found.value;
    // A deadline step stays cancelled when the listing changes later.
    if (r.kind === 'deadline') await cancelDeadlineStep(ctx.deps, r);
    else await dropReminder(ctx.deps, r);
    return reply({
      title: 'Reminder cancelled',
      text: `Cancelled "${r.text}"${r.repeat ? ' and its repeats' : ''}.`,
      ids: [r.id],
      ephemeral: true,
    });
  },
});
