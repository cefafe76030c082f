import { callerOf } from '../caller.ts';
import type { ActionDef, CommandContext } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { type Reply, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import type { SnoozeChoice } from '../time/snooze.ts';
import { REMINDER_ACTIONS } from './reminder-message.ts';
import { finishReminder, snoozeReminder } from './snooze-reminder.ts';

/** Runs {@link snoozeReminder} for the member and says when it comes back. */
async function snooze(choice: SnoozeChoice, id: string, ctx: CommandContext): Promise<Reply> {
  const done = await snoozeReminder(ctx.deps, { ...callerOf(ctx), id, choice });
  if (!done.ok) return failureReply(done);
  const { reminder: r, placed } = done.value;
  const quiet = placed.fireAt !== placed.dueAt ? ' (delivered when your quiet hours end)' : '';
  return reply({
    title: 'Snoozed',
    text: `I will remind you again at ${formatLocal(placed.fireAt, ctx.zone)}${quiet}: "${r.text}".`,
    ids: [placed.id],
    ephemeral: true,
  });
}

function snoozeAction(id: string, choice: SnoozeChoice): ActionDef {
  return {
    id,
    permission: 'member',
    personal: true,
    handler: (payload, ctx) => snooze(choice, payload, ctx),
  };
}

/** The buttons on a delivered reminder: snooze 15 min / 1 hour / tomorrow 09:00, and done. */
export const reminderButtonActions: readonly ActionDef[] = [
  snoozeAction(REMINDER_ACTIONS.snooze15, '15m'),
  snoozeAction(REMINDER_ACTIONS.snooze60, '1h'),
  snoozeAction(REMINDER_ACTIONS.snoozeTomorrow, 'tomorrow9'),
  {
    id: REMINDER_ACTIONS.done,
    permission: 'member',
    personal: true,
    async handler(payload, ctx): Promise<Reply> {
      const done = await finishReminder(ctx.deps, { userId: ctx.actor.userId, id: payload });
      if (!done.ok) return failureReply(done);
      const r = done.value.reminder;
      if (!done.value.cleared) {
        return reply({
          text: `Done. "${r.text}" repeats; the next one is ${formatLocal(r.fireAt, ctx.zone)}. Stop it with /reminder-cancel id:${r.id}.`,
          ids: [r.id],
          ephemeral: true,
        });
      }
      return reply({ text: `Done: "${r.text}" is cleared.`, ids: [r.id], ephemeral: true });
    },
  },
];
