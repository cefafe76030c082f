import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { choiceOption, stringOption } from '../commands/options.ts';
import { type Reply, reply } from '../reply.ts';
import { parseClock } from '../time/quiet-hours.ts';
import { DIGEST_MODES, type DigestSchedule, describeDigest, WEEKDAYS } from './digest.ts';
import { sendDigest } from './send-digest.ts';

const DEFAULT_AT = { hour: 8, minute: 0 }; // why: a morning digest, read before the day's applications

/**
 * `/alert-digest mode:<instant|daily|weekly> [at:08:00] [day:monday]`: how
 * alert matches reach the member. A digest is one DM at the member's local
 * time listing every new match since the last one, and none when nothing is
 * new. Alone it shows the current mode.
 */
export const alertDigestCommand = defineCommand({
  name: 'alert-digest',
  description: 'Get alert matches one by one (instant) or as a daily or weekly digest DM',
  group: 'opportunities',
  permission: 'member',
  personal: true,
  options: {
    mode: choiceOption({ description: 'instant, daily or weekly', example: 'daily', choices: DIGEST_MODES }),
    at: stringOption({
      description: 'Local time of the digest, HH:mm or 8am (default 08:00)',
      example: '08:00',
      maxLength: 10,
    }),
    day: choiceOption({
      description: 'Day of a weekly digest (default monday)',
      example: 'monday',
      choices: WEEKDAYS,
    }),
  },
  bareWords: { kind: 'rest', option: 'mode' },
  examples: [
    '/alert-digest mode:daily at:08:00',
    '/alert-digest mode:weekly day:friday at:18:00',
    '/alert-digest mode:instant',
  ],
  async handler(input, ctx): Promise<Reply> {
    const userId = ctx.actor.userId;
    const current = (await ctx.deps.userSettings.getUser(userId)).alertDigest;
    if (input.mode === undefined) {
      if (input.at !== undefined || input.day !== undefined) {
        return failureReply({
          ok: false,
          code: 'DIGEST.NO_MODE',
          message: 'Say which digest: mode:daily or mode:weekly. Example: /alert-digest mode:daily at:08:00',
        });
      }
      return reply({
        title: 'Alert delivery',
        text: `Your alerts arrive ${describeDigest(current)}. Change it with /alert-digest mode:daily at:08:00, mode:weekly day:friday, or mode:instant.`,
        ephemeral: true,
      });
    }
    let at =
      current && current.mode !== 'instant' ? { hour: current.hour, minute: current.minute } : DEFAULT_AT;
    if (input.at !== undefined) {
      const parsed = parseClock(input.at);
      if (!parsed.ok) return failureReply(parsed);
      at = parsed.value;
    }
    const schedule: DigestSchedule = {
      mode: input.mode,
      ...at,
      ...(input.mode === 'weekly' ? { weekday: input.day ?? current?.weekday ?? 'monday' } : {}),
    };
    await ctx.deps.userSettings.updateUser(userId, {
      alertDigest: input.mode === 'instant' ? undefined : schedule,
    });
    await ctx.deps.alerts.digests.schedule(userId, schedule, ctx.zone);
    // Back to instant: what was waiting for the next digest goes out now rather than never.
    const flushed = input.mode === 'instant' ? await sendDigest(ctx.deps, userId) : 0;
    const text =
      input.mode === 'instant'
        ? `Each new listing that matches your alerts comes as its own DM again.${flushed > 0 ? ` The ${flushed} waiting for your digest come in one DM now.` : ''}`
        : `New listings that match your alerts now come together, ${describeDigest(schedule)} your time (${ctx.zone}); no DM when nothing is new.`;
    return reply({ title: 'Alert delivery saved', text, ephemeral: true });
  },
});
