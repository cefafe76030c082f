import { defineCommand } from '../commands/command.ts';
import { booleanOption, channelOption, roleOption } from '../commands/options.ts';
import { platformOf } from '../identity.ts';
import type { CommunitySettings } from '../ports/settings.port.ts';
import { type Reply, type ReplyField, reply } from '../reply.ts';

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

function describe(settings: CommunitySettings): ReplyField[] {
  return [
    { name: 'Moderator role', value: settings.modRoleId ?? 'not set (only server admins moderate)' },
    {
      name: 'Announcement channel',
      value: settings.announceChannel ?? 'not set (new listings are not announced)',
    },
    {
      name: 'Public listings board',
      value: settings.publicBoard ? 'on (anyone can read the listings on the web)' : 'off (members only)',
    },
  ];
}

/**
 * `/setup`: moderators choose the role whose holders moderate, and the
 * channel where new listings are announced. Without options it shows the
 * current settings. Every change is audited.
 */
export const setupCommand = defineCommand({
  name: 'setup',
  description: 'Set the moderator role, the announcement channel and the public board of this community',
  group: 'moderation',
  permission: 'moderator',
  options: {
    mod_role: roleOption({
      description: 'Members with this role can moderate (post, review, edit listings)',
      example: '<@&123456789012345678>',
    }),
    announce_channel: channelOption({
      description: 'Channel where new listings are announced',
      example: '<#123456789012345678>',
    }),
    public_board: booleanOption({
      description: 'on: anyone can read the listings board on the web; off: members only',
      example: 'on',
    }),
  },
  examples: [
    '/setup mod_role:@Moderators announce_channel:#opportunities',
    '/setup public_board:on',
    '/setup',
  ],
  async handler(input, ctx): Promise<Reply> {
    const { communityId } = ctx.actor;
    const before = await ctx.deps.userSettings.getCommunity(communityId);
    if (
      input.mod_role === undefined &&
      input.announce_channel === undefined &&
      input.public_board === undefined
    ) {
      return reply({
        title: 'Community setup',
        text: 'Current settings. Change them with /setup mod_role:<role> announce_channel:<channel>.',
        fields: describe(before),
        ephemeral: true,
      });
    }
    const patch: Partial<Record<keyof CommunitySettings, unknown>> = {};
    if (input.mod_role !== undefined) patch.modRoleId = input.mod_role;
    if (input.announce_channel !== undefined)
      patch.announceChannel = channelAddress(communityId, input.announce_channel);
    if (input.public_board !== undefined) patch.publicBoard = input.public_board;
    const after = await ctx.deps.userSettings.updateCommunity(communityId, patch);
    await ctx.deps.audit.record({
      at: ctx.now,
      communityId,
      actorId: ctx.actor.userId,
      action: 'community.setup',
      target: communityId,
      before: {
        modRoleId: before.modRoleId,
        announceChannel: before.announceChannel,
        publicBoard: before.publicBoard,
      },
      after: {
        modRoleId: after.modRoleId,
        announceChannel: after.announceChannel,
        publicBoard: after.publicBoard,
      },
    });
    return reply({
      title: 'Community setup saved',
      text: 'Moderator commands now follow these settings.',
      fields: describe(after),
      ephemeral: true,
    });
  },
});
