import type { ActionDef, CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { booleanOption, idOption } from '../commands/options.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { subscribeToDeadline, switchOffDeadline } from './deadline-reminders.ts';
import { listingDeadlineText } from './deadline-text.ts';
import { welcomeBack } from './welcome-back.ts';

async function subscribe(listingId: string, ctx: CommandContext): Promise<Reply> {
  const res = await subscribeToDeadline(ctx.deps, ctx.actor, listingId);
  if (!res.ok) return failureReply(res);
  const { listing, reminders, already } = res.value;
  const deadline = listingDeadlineText(listing, ctx.zone);
  const back = await welcomeBack(ctx.deps, ctx.actor.userId);
  const lead = already
    ? 'You were already subscribed; your reminders are up to date.'
    : 'Deadline reminders are on.';
  const plan =
    reminders.length > 0
      ? `I will DM you before the deadline of "${listing.title}" (${deadline}).`
      : `The deadline of "${listing.title}" (${deadline}) is too close for the usual reminders; if it moves, I will schedule them.`;
  const off = `Switch them off with /deadline-reminders listing:${listing.id} off.`;
  return reply({
    title: 'Deadline reminders',
    text: [lead, plan, reminders.length > 0 ? `Times below are yours (${ctx.zone}).` : '', off, back]
      .filter(Boolean)
      .join(' '),
    fields: reminders.map((r) => ({
      name: `${r.offsetDays} day${r.offsetDays === 1 ? '' : 's'} before`,
      value: `${formatLocal(r.fireAt, ctx.zone)} (id ${r.id})`,
    })),
    ids: [listing.id],
    ephemeral: true,
  });
}

async function switchOff(listingId: string, ctx: CommandContext): Promise<Reply> {
  const { removed, wasOn, title } = await switchOffDeadline(ctx.deps, ctx.actor.userId, listingId);
  if (!wasOn && removed === 0) {
    return reply({
      title: 'Deadline reminders',
      text: `Deadline reminders for ${listingId} were already off. Turn them on with /deadline-reminders listing:${listingId}.`,
      ephemeral: true,
    });
  }
  return reply({
    title: 'Deadline reminders off',
    text: `Deadline reminders for "${title}" are off (${removed} pending removed). A change to the listing will not bring them back; /deadline-reminders listing:${listingId} turns them on again.`,
    ids: [listingId],
    ephemeral: true,
  });
}

/**
 * `/deadline-reminders listing:<id> [off]`: DMs before a listing's deadline
 * (14, 7 and 1 days by default), or switches them off for that listing.
 */
export const deadlineRemindersCommand = defineCommand({
  name: 'deadline-reminders',
  description: 'DMs before a listing’s application deadline (14, 7, 1 days before); add off to stop',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {
    listing: idOption({
      description: 'The listing id',
      example: 'mercy-im-2027',
      required: true as const,
      autocomplete: 'listing-id',
    }),
    off: booleanOption({ description: 'yes: switch this listing’s deadline reminders off', example: 'yes' }),
  },
  // why: `id:` was the option's first name; members and older help still use it.
  aliases: { id: 'listing' },
  toggle: { option: 'off', onIs: false },
  examples: ['/deadline-reminders listing:mercy-im-2027', '/deadline-reminders listing:mercy-im-2027 off'],
  handler: (input, ctx) => (input.off ? switchOff(input.listing, ctx) : subscribe(input.listing, ctx)),
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
        'This button is out of date. Run /deadline-reminders listing:<id> instead.',
      );
    }
    return subscribe(id, ctx);
  },
};
