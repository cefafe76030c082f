import type { ActionDef, CommandContext } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { type Reply, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { type SnoozeChoice, snoozeUntil } from '../time/snooze.ts';
import { dropReminder, placeReminder } from './place-reminder.ts';
import { ownReminder } from './reminder-cancel.command.ts';
import { REMINDER_ACTIONS } from './reminder-message.ts';

/**
 * Snoozes a delivered reminder. A one-off moves to the new time; a repeating
 * one gets a one-off copy, so its own schedule is untouched.
 */
async function snooze(choice: SnoozeChoice, id: string, ctx: CommandContext): Promise<Reply> {
  const found = await ownReminder(ctx, id);
  if (!found.ok) return failureReply(found);
  const r = found.value;
  const until = snoozeUntil(choice, ctx.now, ctx.zone);
  const { store } = ctx.deps.reminders;
  const moved = r.repeat
    ? { ...r, id: store.newId(), repeat: undefined, occurrence: undefined, createdAt: ctx.now }
    : r;
  const placed = await placeReminder(
    ctx.deps,
    { ...moved, wall: undefined, dueAt: until, fireAt: until },
    { previous: r.repeat ? undefined : r },
  );
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
      const found = await ownReminder(ctx, payload);
      if (!found.ok) return failureReply(found);
      const r = found.value;
      if (r.status === 'pending' && r.repeat) {
        return reply({
          text: `Done. "${r.text}" repeats; the next one is ${formatLocal(r.fireAt, ctx.zone)}. Stop it with /reminder-cancel id:${r.id}.`,
          ids: [r.id],
          ephemeral: true,
        });
      }
      await dropReminder(ctx.deps, r);
      return reply({ text: `Done: "${r.text}" is cleared.`, ids: [r.id], ephemeral: true });
    },
  },
];
