import type { ActionDef, CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { subscribeToDeadline } from './deadline-reminders.ts';
import { welcomeBack } from './welcome-back.ts';

async function subscribe(listingId: string, ctx: CommandContext): Promise<Reply> {
  const res = await subscribeToDeadline(ctx.deps, ctx.actor, listingId);
  if (!res.ok) return failureReply(res);
  const { listing, reminders, already } = res.value;
  const deadline = listing.deadlineAt === null ? 'rolling' : formatLocal(listing.deadlineAt, ctx.zone);
  const back = await welcomeBack(ctx);
  const lead = already
    ? 'You were already subscribed; your reminders are up to date.'
    : 'Deadline reminders are on.';
  const plan =
    reminders.length > 0
      ? `I will DM you before the deadline of "${listing.title}" (${deadline}).`
      : `The deadline of "${listing.title}" (${deadline}) is too close for the usual reminders; if it moves, I will schedule them.`;
  return reply({
    title: 'Deadline reminders',
    text: [lead, plan, back].filter(Boolean).join(' '),
    fields: reminders.map((r) => ({
      name: `${r.offsetDays} day${r.offsetDays === 1 ? '' : 's'} before`,
      value: `${formatLocal(r.fireAt, ctx.zone)} (id ${r.id})`,
    })),
    ids: [listing.id],
    ephemeral: true,
  });
}

/** `/deadline-reminders id:<listing>`: DMs before a listing's deadline (14, 7 and 1 days by default). */
export const deadlineRemindersCommand = defineCommand({
  name: 'deadline-reminders',
  description: 'Get DMs before a listing’s application deadline (14, 7 and 1 days before)',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {
    id: idOption({ description: 'The listing id', example: 'mercy-im-2027', required: true as const }),
  },
  examples: ['/deadline-reminders id:mercy-im-2027'],
  handler: (input, ctx) => subscribe(input.id, ctx),
});

/** The "Remind me of the deadline" button on a listing (payload: the listing id). */
export const deadlineSubscribeAction: ActionDef = {
  id: 'deadline.subscribe',
  permission: 'member',
  personal: true,
  async handler(payload, ctx): Promise<Reply> {
    const id = payload.trim();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      return errorReply(
        'ACTION.PAYLOAD',
        'This button is out of date. Run /deadline-reminders id:<listing> instead.',
      );
    }
    return subscribe(id, ctx);
  },
};
