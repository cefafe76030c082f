import { defineCommand } from '../commands/command.ts';
import { type Reply, reply } from '../reply.ts';
import { reminderRecord } from './describe-reminder.ts';
import { welcomeBack } from './welcome-back.ts';

/** `/reminders`: the member's pending reminders, soonest first, in their local time. */
export const remindersCommand = defineCommand({
  name: 'reminders',
  description: 'List your pending reminders (deadline and tracker reminders included)',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/reminders'],
  async handler(_input, ctx): Promise<Reply> {
    const back = await welcomeBack(ctx.deps, ctx.actor.userId);
    const pending = (await ctx.deps.reminders.store.listForUser(ctx.actor.userId)).filter(
      (r) => r.status === 'pending',
    );
    if (pending.length === 0) {
      return reply({
        title: 'Your reminders',
        text: `You have no pending reminders. Set one with /remind when:"tomorrow 18:00" what:"email Dr. Rivera".${back ? ` ${back}` : ''}`,
        ephemeral: true,
      });
    }
    return reply({
      title: 'Your reminders',
      text: `${pending.length} pending, times in ${ctx.zone}. Move or change one with /reminder-edit id:<id> when:"friday 9am", cancel one with /reminder-cancel id:<id>.${back ? ` ${back}` : ''}`,
      records: pending.map((r) => reminderRecord(r, ctx.zone)),
      ids: pending.map((r) => r.id),
      ephemeral: true,
    });
  },
});
