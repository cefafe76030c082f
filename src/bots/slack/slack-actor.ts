import { IANAZone } from 'luxon';
import type { Actor } from '../../core/identity.ts';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { SettingsStore } from '../../core/ports/settings.port.ts';
import { type SlackApi, slackErrorCode } from './slack-api.ts';
import { TtlCache } from './ttl-cache.ts';

/** `slack:<team>:<user>`: the platform-scoped id of a Slack member. */
export function slackUserId(teamId: string, userId: string): string {
  return `slack:${teamId}:${userId}`;
}

/** `slack:<team>`: a workspace as a community. */
export function slackCommunityId(teamId: string): string {
  return `slack:${teamId}`;
}

/** Reads `slack:<team>:<id>` (a member or a channel address) back into its parts. */
export function parseSlackAddress(address: string): { teamId: string; id: string } | undefined {
  const m = /^slack:([A-Z0-9]{2,30}):([A-Z0-9]{2,30})$/.exec(address);
  return m?.[1] && m[2] ? { teamId: m[1], id: m[2] } : undefined;
}

/** Who sent a Slack request, as the payload says. */
export interface SlackWho {
  readonly teamId: string;
  readonly userId: string;
  readonly channelId?: string;
  /** `user_name` from the payload, used until users.info answers. */
  readonly userName?: string;
}

interface MemberInfo {
  readonly admin: boolean;
  readonly name: string;
  readonly tz?: string;
}

const CACHE_TTL_MS = 60_000; // why: admin rights change rarely; a minute bounds users.info to 1/min/member
const CACHE_MAX = 5_000; // why: a few hundred KB at most

/**
 * Moderators the operator names for every workspace (`SLACK_MODERATORS`):
 * Slack user ids (`U…`/`W…`) and user-group ids (`S…`). They moderate like
 * workspace admins, on top of each workspace's own `/setup mod_role:`.
 */
export interface ConfiguredModerators {
  readonly users: readonly string[];
  readonly groups: readonly string[];
}

/** Splits `SLACK_MODERATORS` (`U123,S456`) into users and user groups. */
export function parseModeratorList(list: string | undefined): ConfiguredModerators {
  const ids = (list ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return { users: ids.filter((id) => !id.startsWith('S')), groups: ids.filter((id) => id.startsWith('S')) };
}

export interface SlackActorOptions {
  readonly moderators?: ConfiguredModerators;
  readonly now?: () => number;
}

/**
 * Builds the core's Actor for a Slack member. Workspace admins and owners are
 * platform admins (users.info, cached a minute), and so are the operator's
 * configured moderators (`SLACK_MODERATORS`: users, or members of user
 * groups); a member of the workspace's moderator user group (`/setup
 * mod_role:@mods`, usergroups.users.list, cached a minute) holds that group's
 * id in `roleIds`; the core policy also honours `modUserIds`. Lookups that
 * fail (missing scope, Slack down) count as "no extra rights", never as an
 * error: the core then refuses politely.
 */
export class SlackActorResolver {
  private readonly members: TtlCache<MemberInfo>;
  private readonly groups: TtlCache<readonly string[]>;
  private readonly moderators: ConfiguredModerators;

  constructor(
    private readonly settings: SettingsStore,
    private readonly logger: CoreLogger,
    opts: SlackActorOptions = {},
  ) {
    const now = opts.now ?? Date.now;
    this.members = new TtlCache(CACHE_TTL_MS, CACHE_MAX, now);
    this.groups = new TtlCache(CACHE_TTL_MS, CACHE_MAX, now);
    this.moderators = opts.moderators ?? { users: [], groups: [] };
  }

  async resolve(api: SlackApi, who: SlackWho): Promise<Actor> {
    const communityId = slackCommunityId(who.teamId);
    const [info, community, configured] = await Promise.all([
      this.member(api, who),
      this.settings.getCommunity(communityId),
      this.isConfiguredModerator(api, who),
    ]);
    const modGroup = community.modRoleId;
    const inGroup = modGroup
      ? (await this.groupMembers(api, who.teamId, modGroup)).includes(who.userId)
      : false;
    const actor: Actor = {
      userId: slackUserId(who.teamId, who.userId),
      communityId,
      displayName: info.name,
      platformAdmin: info.admin || configured,
      roleIds: inGroup && modGroup ? [modGroup] : [],
      ...(who.channelId ? { channel: `${communityId}:${who.channelId}` } : {}),
    };
    await this.rememberContact(actor, who, info.tz);
    return actor;
  }

  private async isConfiguredModerator(api: SlackApi, who: SlackWho): Promise<boolean> {
    if (this.moderators.users.includes(who.userId)) return true;
    for (const group of this.moderators.groups) {
      if ((await this.groupMembers(api, who.teamId, group)).includes(who.userId)) return true;
    }
    return false;
  }

  private member(api: SlackApi, who: SlackWho): Promise<MemberInfo> {
    return this.members.getOrLoad(`${who.teamId}:${who.userId}`, async () => {
      try {
        const { user } = await api.users.info({ user: who.userId });
        return {
          admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
          name: user?.profile?.display_name || user?.real_name || user?.name || who.userName || who.userId,
          ...(user?.tz ? { tz: user.tz } : {}),
        };
      } catch (err) {
        this.logger.warn(
          { err: slackErrorCode(err) ?? String(err), user: who.userId },
          'slack users.info failed',
        );
        return { admin: false, name: who.userName ?? who.userId };
      }
    });
  }

  private groupMembers(api: SlackApi, teamId: string, group: string): Promise<readonly string[]> {
    return this.groups.getOrLoad(`${teamId}:${group}`, async () => {
      try {
        return (await api.usergroups.users.list({ usergroup: group })).users ?? [];
      } catch (err) {
        this.logger.warn(
          { err: slackErrorCode(err) ?? String(err), group },
          'slack usergroups.users.list failed',
        );
        return [];
      }
    });
  }

  /**
   * First contact: remember the member's DM address, and Slack's time zone as
   * their zone until they choose one; track where they last ran a command.
   * Written only when something changed (one hash read otherwise).
   */
  private async rememberContact(actor: Actor, who: SlackWho, tz: string | undefined): Promise<void> {
    const stored = await this.settings.getUser(actor.userId);
    const patch: Record<string, unknown> = {};
    if (!stored.dmAddress) patch.dmAddress = actor.userId;
    if (!stored.zone && tz && IANAZone.isValidZone(tz)) patch.zone = tz;
    // why: C/G are channels; D (the bot's DM) cannot tell a member that their DMs failed
    if (actor.channel && /^[CG]/.test(who.channelId ?? '') && stored.lastChannel !== actor.channel) {
      patch.lastChannel = actor.channel;
    }
    if (Object.keys(patch).length > 0) await this.settings.updateUser(actor.userId, patch);
  }
}
