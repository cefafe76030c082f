/**
 * Builders for realistic INTERACTION_CREATE payloads (`d` of the dispatch). Defaults describe a
 * guild interaction by `FAKE_IDS.user` in `FAKE_IDS.textChannel` of `FAKE_IDS.guild`, i.e. the
 * guild the fake gateway announces, so `interaction.guild` / `interaction.channel` resolve.
 *
 * Fields discord.js dereferences unconditionally (it throws if they are missing):
 * `entitlements` (array), `authorizing_integration_owners` (object), `member.user` or `user`,
 * and for context menus `data.resolved`.
 */
import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  InteractionType,
  type Locale,
  PermissionFlagsBits,
} from 'discord.js';
import {
  FAKE_IDS,
  MEMBER_PERMISSIONS,
  makeDMChannel,
  makeInteractionMember,
  makeMessage,
  makeTextChannel,
  makeUser,
  permissionString,
  snowflake,
} from './objects.ts';

/** Permissions the bot has in the interaction channel (`interaction.appPermissions`). */
const APP_PERMISSIONS = permissionString(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ManageMessages,
  PermissionFlagsBits.UseApplicationCommands,
);

export type CommonFields = Pick<
  APIBaseInteraction<InteractionType, never>,
  | 'id'
  | 'application_id'
  | 'token'
  | 'version'
  | 'app_permissions'
  | 'locale'
  | 'guild_locale'
  | 'entitlements'
  | 'authorizing_integration_owners'
  | 'context'
  | 'channel'
  | 'channel_id'
  | 'guild'
  | 'guild_id'
  | 'member'
  | 'user'
  | 'attachment_size_limit'
> &
  Required<Pick<APIBaseInteraction<InteractionType, never>, 'channel' | 'channel_id'>>;

export interface InteractionContextOptions {
  id?: string;
  token?: string;
  applicationId?: string;
  /** The invoking user (default `makeUser()`, id `FAKE_IDS.user`). */
  user?: APIUser;
  /** Build a DM interaction (`user` + DM channel, no guild/member). Default: guild interaction. */
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  /** Member's computed permissions in the channel, as Discord's decimal string. */
  permissions?: string;
  roles?: string[];
  nick?: string | null;
  appPermissions?: string;
  locale?: `${Locale}`;
}

/** Interaction tokens are long opaque url-safe strings (`aW50ZXJhY3Rpb246` = "interaction:"). */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(96).toString('base64url')}`;
}

/** Fields every interaction has (id, token, channel, guild/member or DM user, ...). */
export function interactionBase(o: InteractionContextOptions): CommonFields {
  const user = o.user ?? makeUser();
  const base = {
    id: o.id ?? snowflake(),
    application_id: o.applicationId ?? FAKE_IDS.application,
    token: o.token ?? interactionToken(),
    version: 1 as const,
    app_permissions: o.appPermissions ?? APP_PERMISSIONS,
    locale: (o.locale ?? 'en-US') as Locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (o.dm) {
    const channel = makeDMChannel(user, o.channelId);
    // Guild-installed app used in the bot's DM: the GUILD_INSTALL owner is reported as "0".
    return {
      ...base,
      user,
      channel,
      channel_id: channel.id,
      authorizing_integration_owners: { 0: '0' },
      context: InteractionContextType.BotDM,
    };
  }
  const guildId = o.guildId ?? FAKE_IDS.guild;
  const channel = makeTextChannel({ id: o.channelId ?? FAKE_IDS.textChannel, guild_id: guildId });
  return {
    ...base,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US' as Locale, features: [] },
    guild_locale: 'en-US' as Locale,
    member: makeInteractionMember(user, {
      permissions: o.permissions ?? MEMBER_PERMISSIONS,
      roles: o.roles ?? [FAKE_IDS.memberRole],
      nick: o.nick ?? null,
    }),
    channel,
    channel_id: channel.id,
    authorizing_integration_owners: { 0: guildId },
    context: InteractionContextType.Guild,
  };
}

/** Option helpers for `data.options` (chat input and autocomplete). */
export const opt = {
  string: (name: string, value: string, focused?: boolean) =>
    ({ name, type: ApplicationCommandOptionType.String, value, ...(focused ? { focused } : {}) }) as const,
  integer: (name: string, value: number, focused?: boolean) =>
    ({ name, type: ApplicationCommandOptionType.Integer, value, ...(focused ? { focused } : {}) }) as const,
  number: (name: string, value: number) =>
    ({ name, type: ApplicationCommandOptionType.Number, value }) as const,
  boolean: (name: string, value: boolean) =>
    ({ name, type: ApplicationCommandOptionType.Boolean, value }) as const,
  /** Also pass `resolved: resolvedUser(user)` so discord.js can build `options.getUser()`. */
  user: (name: string, id: string) => ({ name, type: ApplicationCommandOptionType.User, value: id }) as const,
  channel: (name: string, id: string) =>
    ({ name, type: ApplicationCommandOptionType.Channel, value: id }) as const,
  role: (name: string, id: string) => ({ name, type: ApplicationCommandOptionType.Role, value: id }) as const,
  subcommand: (name: string, options: APIApplicationCommandInteractionDataOption[] = []) =>
    ({
      name,
      type: ApplicationCommandOptionType.Subcommand,
      options,
    }) as APIApplicationCommandInteractionDataOption,
  group: (name: string, subcommands: APIApplicationCommandInteractionDataOption[]) =>
    ({
      name,
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: subcommands,
    }) as APIApplicationCommandInteractionDataOption,
};

/** `resolved` data for a user option / user select (users + guild member with permissions). */
export function resolvedUser(user: APIUser, inGuild = true): APIInteractionDataResolved {
  const { user: _omit, ...member } = makeInteractionMember(user);
  return { users: { [user.id]: user }, ...(inGuild ? { members: { [user.id]: member } } : {}) };
}

export interface CommandOptions extends InteractionContextOptions {
  name: string;
  commandId?: string;
  options?: APIApplicationCommandInteractionDataOption[];
  resolved?: APIInteractionDataResolved;
  /** Set when the command is registered as a guild command (data.guild_id). */
  commandGuildId?: string;
}

export function chatInputCommand(o: CommandOptions): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(o),
    type: InteractionType.ApplicationCommand,
    data: {
      id: o.commandId ?? snowflake(),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      ...(o.options ? { options: o.options } : {}),
      ...(o.resolved ? { resolved: o.resolved } : {}),
      ...(o.commandGuildId ? { guild_id: o.commandGuildId } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** Autocomplete (type 4): exactly one (possibly nested) option should have `focused: true`. */
export function autocomplete(
  o: CommandOptions & { options: APIApplicationCommandInteractionDataOption[] },
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...interactionBase(o),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: o.commandId ?? snowflake(),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      options: o.options,
      ...(o.commandGuildId ? { guild_id: o.commandGuildId } : {}),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** Message context-menu command: `data.type` 3, `target_id` + `resolved.messages`. */
export function messageContextMenu(
  o: InteractionContextOptions & { name: string; commandId?: string; target?: APIMessage },
): APIMessageApplicationCommandInteraction {
  const ctx = interactionBase(o);
  const target =
    o.target ??
    makeMessage({
      channel_id: ctx.channel_id,
      author: makeUser({ id: snowflake(), username: 'someone' }),
      content: 'Is the Step 2 deadline in March?',
    });
  return {
    ...ctx,
    type: InteractionType.ApplicationCommand,
    data: {
      id: o.commandId ?? snowflake(),
      name: o.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } as APIMessageApplicationCommandInteraction;
}
