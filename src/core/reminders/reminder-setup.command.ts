import { defineCommand } from '../commands/command.ts';
import { booleanOption, integerOption, stringOption } from '../commands/options.ts';
import type { CommunitySettings } from '../ports/settings.port.ts';
import { errorReply, type Reply, type ReplyField, reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import type { CoreSettings } from '../settings.ts';

/** why: the settings schema's bounds: up to 6 reminders, none more than 90 days ahead. */
const MAX_OFFSETS = 6;
const MAX_OFFSET_DAYS = 90;
const EXAMPLE = '/reminder-setup deadline_days:14,7,1 follow_up_days:21 dm_failure_notice:yes';

/** Reads "14, 7, 1" as distinct whole days, largest first; `DEADLINE_DAYS.INVALID` otherwise. */
export function parseDeadlineDays(text: string): Result<number[]> {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const bad = parts.find((p) => !/^\d{1,2}$/.test(p) || Number(p) > MAX_OFFSET_DAYS);
  if (parts.length === 0 || bad !== undefined) {
    return fail(
      'DEADLINE_DAYS.INVALID',
      `deadline_days must be whole days from 0 to ${MAX_OFFSET_DAYS}, separated by commas${bad ? ` ("${bad}" is not)` : ''}. Example: deadline_days:14,7,1`,
    );
  }
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > MAX_OFFSETS) {
    return fail(
      'DEADLINE_DAYS.INVALID',
      `deadline_days allows at most ${MAX_OFFSETS} reminders; you gave ${days.length}. Example: deadline_days:14,7,1`,
    );
  }
  return ok(days);
}

function describe(c: CommunitySettings, defaults: CoreSettings): ReplyField[] {
  const days = c.deadlineOffsetsDays ?? defaults.deadlineOffsetsDays;
  return [
    {
      name: 'Deadline reminders',
      value: `${days.join(', ')} day(s) before, at ${String(defaults.deadlineReminderHour).padStart(2, '0')}:00 member time${c.deadlineOffsetsDays ? '' : ' (default)'}`,
    },
    {
      name: 'Follow-up after applying',
      value: `${c.followUpDays ?? defaults.followUpDays} days without a reply${c.followUpDays ? '' : ' (default)'}`,
    },
    {
      name: 'Say in the channel when DMs fail',
      value: c.notifyUndeliverableInChannel ? 'yes' : 'no',
    },
  ];
}

/**
 * `/reminder-setup`: moderators set this community's deadline reminder days,
 * the tracker's follow-up delay (14-21 days) and whether a member whose DMs
 * fail is told in the channel. New subscriptions and tracker changes use them;
 * without options it shows the current values. Every change is audited.
 */
export const reminderSetupCommand = defineCommand({
  name: 'reminder-setup',
  description: 'Set deadline reminder days, the follow-up delay and DM-failure notices here',
  group: 'moderation',
  permission: 'moderator',
  options: {
    deadline_days: stringOption({
      description: 'Days before a deadline to remind members, e.g. 14,7,1',
      example: '14,7,1',
      maxLength: 40,
    }),
    follow_up_days: integerOption({
      description: 'Days without a reply before a follow-up reminder (14-21)',
      example: '21',
      min: 14,
      max: 21,
    }),
    dm_failure_notice: booleanOption({
      description: 'Tell a member in the channel when their DMs cannot be delivered',
      example: 'yes',
    }),
  },
  examples: [EXAMPLE, '/reminder-setup'],
  async handler(input, ctx): Promise<Reply> {
    const { communityId } = ctx.actor;
    const defaults = ctx.deps.settings;
    const before = await ctx.deps.userSettings.getCommunity(communityId);
    const patch: Partial<Record<keyof CommunitySettings, unknown>> = {};
    if (input.deadline_days !== undefined) {
      const days = parseDeadlineDays(input.deadline_days);
      if (!days.ok) return errorReply(days.code, days.message);
      patch.deadlineOffsetsDays = days.value;
    }
    if (input.follow_up_days !== undefined) patch.followUpDays = input.follow_up_days;
    if (input.dm_failure_notice !== undefined) patch.notifyUndeliverableInChannel = input.dm_failure_notice;
    if (Object.keys(patch).length === 0) {
      return reply({
        title: 'Reminder settings',
        text: `Current settings for this community. Change them with ${EXAMPLE}.`,
        fields: describe(before, defaults),
        ephemeral: true,
      });
    }
    const after = await ctx.deps.userSettings.updateCommunity(communityId, patch);
    await ctx.deps.audit.record({
      at: ctx.now,
      communityId,
      actorId: ctx.actor.userId,
      action: 'community.reminder-setup',
      target: communityId,
      before: pick(before),
      after: pick(after),
    });
    return reply({
      title: 'Reminder settings saved',
      text: 'New deadline subscriptions and tracker changes use these; existing reminders keep their times.',
      fields: describe(after, defaults),
      ephemeral: true,
    });
  },
});

function pick(c: CommunitySettings) {
  return {
    deadlineOffsetsDays: c.deadlineOffsetsDays,
    followUpDays: c.followUpDays,
    notifyUndeliverableInChannel: c.notifyUndeliverableInChannel,
  };
}
