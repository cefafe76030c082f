import { DateTime } from 'luxon';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { stringOption } from '../commands/options.ts';
import { followZoneChange } from '../reminders/deadline-reminders.ts';
import { type Reply, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { resolveTimeZone } from '../time/resolve-timezone.ts';

/** `/timezone [zone:<IANA name or city>]`: shows or sets the member's zone; reminders follow it. */
export const timezoneCommand = defineCommand({
  name: 'timezone',
  description: 'Show or set your time zone (an IANA name or a city, e.g. Asia/Karachi or Lagos)',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {
    zone: stringOption({
      description: 'IANA zone or city, e.g. Asia/Karachi, Lagos, America/Chicago',
      example: 'Asia/Karachi',
      maxLength: 60,
    }),
  },
  bareWords: { kind: 'rest', option: 'zone' },
  examples: ['/timezone zone:Asia/Karachi', '/timezone zone:Lagos', '/timezone'],
  async handler(input, ctx): Promise<Reply> {
    const userId = ctx.actor.userId;
    if (input.zone === undefined) {
      const own = (await ctx.deps.userSettings.getUser(userId)).zone;
      const source = own ? 'you set it' : 'the community default; set yours with /timezone zone:<zone>';
      return reply({
        title: 'Your time zone',
        text: `${ctx.zone} (${source}). It is now ${formatLocal(ctx.now, ctx.zone)}.`,
        ephemeral: true,
      });
    }
    const resolved = resolveTimeZone(input.zone);
    if (!resolved.ok) return failureReply(resolved);
    const { zone, note } = resolved.value;
    const saved = await ctx.deps.userSettings.updateUser(userId, { zone });
    const moved = await followZoneChange(ctx.deps, userId);
    // A digest keeps its local time in the new zone.
    if (saved.alertDigest) await ctx.deps.alerts.digests.schedule(userId, saved.alertDigest, zone);
    const offset = DateTime.fromMillis(ctx.now, { zone }).toFormat('ZZ');
    const movedText =
      moved > 0 ? ` ${moved} reminder${moved === 1 ? '' : 's'} moved to keep their local time.` : '';
    return reply({
      title: 'Time zone saved',
      text: `Your time zone is now ${zone} (UTC${offset}); it is ${formatLocal(ctx.now, zone)} there.${note ? ` ${note}` : ''}${movedText}`,
      ephemeral: true,
    });
  },
});
