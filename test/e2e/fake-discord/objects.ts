/**
 * Builders for plain Discord API objects (users, members, channels, guilds, messages), shaped
 * like what Discord really sends so that discord.js structures construct without throwing.
 */
import {
  type APIDMChannel,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  Locale,
  type MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';

/** Discord sends `flags: 0` for "no flags"; the bitfield enums have no 0 member, hence the casts. */
const NO_FLAGS = 0;

/** Discord epoch (2015-01-01T00:00:00.000Z); snowflakes are ms since it, shifted left by 22. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A fresh, realistic snowflake (18-19 digits). The length matters: @discordjs/rest only
 * recognises `\d{17,19}` as ids when computing rate-limit buckets.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Stable ids shared by the fake server and the payload builders. */
export const FAKE_IDS = {
  /** For modern bots the application id equals the bot user id. */
  application: '1300000000000000001',
  bot: '1300000000000000001',
  guild: '1300000000000000100',
  guildOwner: '1300000000000000101',
  textChannel: '1300000000000000200',
  user: '1300000000000000300',
  /** A non-@everyone role; the @everyone role id equals the guild id. */
  memberRole: '1300000000000000400',
} as const;

/** Combine permission flags into the decimal string Discord uses on the wire. */
export function permissionString(...flags: bigint[]): string {
  return flags.reduce((acc, flag) => acc | flag, 0n).toString();
}

/** What an ordinary member can do in a channel of the test guild. */
export const MEMBER_PERMISSIONS = permissionString(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
);
export const ADMIN_PERMISSIONS = permissionString(PermissionFlagsBits.Administrator);

export function makeUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? FAKE_IDS.user;
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    public_flags: NO_FLAGS as UserFlags,
    ...overrides,
  };
}

export function makeBotUser(id: string = FAKE_IDS.bot): APIUser {
  // Bot accounts still carry a 4-digit discriminator.
  return makeUser({ id, username: 'imgbot-fake', discriminator: '4242', bot: true, verified: true });
}

export interface MemberOptions {
  roles?: string[];
  nick?: string | null;
  joinedAt?: string;
}

export function makeGuildMember(user: APIUser, options: MemberOptions = {}): APIGuildMember {
  return {
    user,
    nick: options.nick ?? null,
    avatar: null,
    banner: null,
    roles: options.roles ?? [],
    joined_at: options.joinedAt ?? '2024-01-01T00:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/**
 * The member object inside an interaction: like a guild member, plus `permissions` = the
 * member's *computed* permissions in the interaction's channel (incl. overwrites).
 */
export function makeInteractionMember(
  user: APIUser,
  options: MemberOptions & { permissions?: string } = {},
): APIInteractionGuildMember {
  return { ...makeGuildMember(user, options), permissions: options.permissions ?? MEMBER_PERMISSIONS };
}

export function makeRole(overrides: Partial<APIRole> & Pick<APIRole, 'id' | 'name'>): APIRole {
  return {
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: NO_FLAGS as RoleFlags,
    ...overrides,
  };
}

export function makeTextChannel(overrides: Partial<APITextChannel> = {}): APITextChannel {
  return {
    id: FAKE_IDS.textChannel,
    type: ChannelType.GuildText,
    guild_id: FAKE_IDS.guild,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS as ChannelFlags,
    ...overrides,
  };
}

/** DM channels carry the *other* user in `recipients` (never the bot itself). */
export function makeDMChannel(recipient: APIUser, id: string = snowflake()): APIDMChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    last_message_id: null,
    recipients: [recipient],
    flags: NO_FLAGS as ChannelFlags,
  };
}

export interface GuildOptions {
  id?: string;
  name?: string;
  botUser: APIUser;
  channels?: APITextChannel[];
  /** Extra members besides the bot. */
  members?: APIGuildMember[];
  roles?: APIRole[];
}

/**
 * Full GUILD_CREATE payload (a guild object plus the gateway-only extras). The bot's own member
 * is included so that `guild.members.me` works in discord.js.
 */
export function makeGuildCreate(options: GuildOptions): GatewayGuildCreateDispatchData {
  const id = options.id ?? FAKE_IDS.guild;
  const everyone = makeRole({ id, name: '@everyone', permissions: MEMBER_PERMISSIONS });
  const members = [makeGuildMember(options.botUser), ...(options.members ?? [])];
  return {
    id,
    name: options.name ?? 'IMG Test Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: FAKE_IDS.guildOwner,
    region: 'us-east',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: [everyone, ...(options.roles ?? [])],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: NO_FLAGS as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    hub_type: null,
    incidents_data: null,
    // gateway-only fields
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels: options.channels ?? [makeTextChannel({ guild_id: id })],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageOptions extends Partial<APIMessage> {
  channel_id: string;
  author: APIUser;
}

export function makeMessage(options: MessageOptions): APIMessage {
  return {
    id: snowflake(),
    type: MessageType.Default,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: NO_FLAGS as MessageFlags,
    ...options,
  };
}
