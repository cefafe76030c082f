import { defineCommand } from '../commands/command.ts';
import { channelOption, roleOption } from '../commands/options.ts';
import { platformOf } from '../identity.ts';
import type { CommunitySettings } from '../ports/settings.port.ts';
import { errorReply, type Reply, type ReplyField, reply } from '../reply.ts';
import { resolveCommunityRef } from './community-refs.ts';

/**
 * The platform address of a channel in a community, as reminders and
 * announcements store it: `discord:<channel>`, `slack:<team>:<channel>`,
 * `shell:<name>` (architecture: one neutral address per place we may write).
 */
export function channelAddress(communityId: string, channelId: string): string {
  return platformOf(communityId) === 'slack'
    ? `${communityId}:${channelId}`
    : `${platformOf(communityId) ?? 'shell'}:${channelId}`;
}

function describe(settings: CommunitySettings, communityId: string): ReplyField[] {
  // The shell's roles and channels are names: show them as typed (@Moderators, #opportunities).
  const shell = platformOf(communityId) === 'shell';
  const role = settings.modRoleId && shell ? `@${settings.modRoleId}` : settings.modRoleId;
  const channel =
    settings.announceChannel && shell
      ? settings.announceChannel.replace(/^shell:/, '#')
      : settings.announceChannel;
  return [
    { name: 'Moderator role', value: role ?? 'not set (only server admins moderate)' },
    { name: 'Announcement channel', value: channel ?? 'not set (new listings are not announced)' },
  ];
}

/**
 * `/setup`: moderators choose the role whose holders moderate, and the
 * channel where new listings are announced. Without options it shows the
 * current settings. Every change is audited.
 */
export const setupCommand = defineCommand({
  name: 'setup',
  description: 'Set the moderator role and the announcement channel of this community',
  group: 'moderation',
  permission: 'moderator',
  options: {
    mod_role: roleOption({
      description: 'Members with this role moderate: pick it from the list, or @Moderators in the shell',
      example: '@Moderators',
    }),
    announce_channel: channelOption({
      description: 'Where new listings are announced: pick it from the list, or #opportunities in the shell',
      example: '#opportunities',
    }),
  },
  examples: ['/setup mod_role:@Moderators announce_channel:#opportunities', '/setup'],
  async handler(input, ctx): Promise<Reply> {
    const { communityId } = ctx.actor;
    const before = await ctx.deps.userSettings.getCommunity(communityId);
    if (input.mod_role === undefined && input.announce_channel === undefined) {
      return reply({
        title: 'Community setup',
        text: 'Current settings. Change them with /setup mod_role:<role> announce_channel:<channel>.',
        fields: describe(before, communityId),
        ephemeral: true,
      });
    }
    const role =
      input.mod_role === undefined
        ? undefined
        : resolveCommunityRef('mod_role', 'role', input.mod_role, communityId);
    if (role && !role.ok) return errorReply(role.code, role.message);
    const channel =
      input.announce_channel === undefined
        ? undefined
        : resolveCommunityRef('announce_channel', 'channel', input.announce_channel, communityId);
    if (channel && !channel.ok) return errorReply(channel.code, channel.message);
    const patch: Partial<Record<keyof CommunitySettings, unknown>> = {};
    if (role) patch.modRoleId = role.value;
    if (channel) patch.announceChannel = channelAddress(communityId, channel.value);
    const after = await ctx.deps.userSettings.updateCommunity(communityId, patch);
    await ctx.deps.audit.record({
      at: ctx.now,
      communityId,
      actorId: ctx.actor.userId,
      action: 'community.setup',
      target: communityId,
      before: { modRoleId: before.modRoleId, announceChannel: before.announceChannel },
      after: { modRoleId: after.modRoleId, announceChannel: after.announceChannel },
    });
    return reply({
      title: 'Community setup saved',
      text: 'Moderator commands now follow these settings.',
      fields: describe(after, communityId),
      ephemeral: true,
    });
  },
});
