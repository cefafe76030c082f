import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { booleanOption, stringOption } from '../commands/options.ts';
import type { QuietHours } from '../ports/settings.port.ts';
import { replaceMemberReminders } from '../reminders/place-reminder.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { parseClock } from '../time/quiet-hours.ts';

const hhmm = (c: { hour: number; minute: number }): string =>
  `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/** Describes a quiet window, e.g. "22:00-07:00 (your time)". */
export function describeQuietHours(q: QuietHours | undefined, zone: string): string {
  return q ? `${hhmm(q.from)}-${hhmm(q.to)} (${zone})` : 'none';
}

/**
 * `/quiet-hours from:<HH:mm> to:<HH:mm>` (or `off`, `off:yes`): reminders that would
 * arrive inside the window, deadline alerts included, come when it ends.
 */
export const quietHoursCommand = defineCommand({
  name: 'quiet-hours',
  description: 'Hold reminders during a daily window, e.g. from:22:00 to:07:00 (your time)',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {
    from: stringOption({
      description: 'Start of the quiet window, HH:mm or 10pm',
      example: '22:00',
      maxLength: 10,
    }),
    to: stringOption({
      description: 'End of the quiet window, HH:mm or 7am',
      example: '07:00',
      maxLength: 10,
    }),
    off: booleanOption({ description: 'Turn quiet hours off', example: 'yes' }),
  },
  // Text adapters: `/quiet-hours off` (or `no`) turns them off; `on` shows how to set them.
  toggle: { option: 'off', onIs: false },
  examples: ['/quiet-hours from:22:00 to:07:00', '/quiet-hours off', '/quiet-hours'],
  async handler(input, ctx): Promise<Reply> {
    const userId = ctx.actor.userId;
    if (input.off) {
      await ctx.deps.userSettings.updateUser(userId, { quietHours: undefined });
      await replaceMemberReminders(ctx.deps, userId);
      return reply({
        title: 'Quiet hours off',
        text: 'Reminders arrive at their own time again.',
        ephemeral: true,
      });
    }
    if (input.from === undefined && input.to === undefined) {
      const current = (await ctx.deps.userSettings.getUser(userId)).quietHours;
      return reply({
        title: 'Quiet hours',
        text: `Your quiet hours: ${describeQuietHours(current, ctx.zone)}. Set them with /quiet-hours from:22:00 to:07:00.`,
        ephemeral: true,
      });
    }
    if (input.from === undefined || input.to === undefined) {
      return errorReply(
        'QUIET.INCOMPLETE',
        'Give both ends of the window, e.g. /quiet-hours from:22:00 to:07:00.',
      );
    }
    const from = parseClock(input.from);
    if (!from.ok) return failureReply(from);
    const to = parseClock(input.to);
    if (!to.ok) return failureReply(to);
    if (from.value.hour === to.value.hour && from.value.minute === to.value.minute) {
      return errorReply(
        'QUIET.EMPTY',
        'from and to are the same time, so the window would be empty. Example: from:22:00 to:07:00.',
      );
    }
    const quietHours: QuietHours = { from: from.value, to: to.value };
    await ctx.deps.userSettings.updateUser(userId, { quietHours });
    const moved = await replaceMemberReminders(ctx.deps, userId);
    const movedText =
      moved > 0 ? ` ${moved} pending reminder${moved === 1 ? '' : 's'} moved out of the window.` : '';
    return reply({
      title: 'Quiet hours saved',
      text: `Between ${describeQuietHours(quietHours, ctx.zone)} I hold reminders and deliver them when the window ends.${movedText}`,
      ephemeral: true,
    });
  },
});
