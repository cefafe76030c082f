import { GuildMember, type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Actor } from '../../core/identity.ts';

/** The community of interactions in the bot's DMs (no guild). */
export const DISCORD_DM_COMMUNITY = 'discord:dm';

/** `discord:<user>` for a Discord user id. */
export function discordUserId(id: string): string {
  return `discord:${id}`;
}

/** The bare Discord snowflake of `discord:<id>`, or undefined for another platform's id. */
export function snowflakeOf(platformId: string): string | undefined {
  const m = /^discord:(\d{5,25})$/.exec(platformId);
  return m?.[1];
}

function roleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  // Uncached guilds hand the raw API member (roles: string[]); cached ones a GuildMember, whose
  // roles resolve through the guild's role cache (kept current by the Guilds intent).
  const ids = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return ids.filter((id) => id !== interaction.guildId); // @everyone's id is the guild's
}

/**
 * Who is acting, for the core: `discord:<user>` in `discord:<guild>`; a
 * platform admin holds Manage Server (Administrator implies it) in this
 * channel; role ids let the core match the community's moderator role.
 */
export function actorFromInteraction(interaction: Interaction): Actor {
  const member = interaction.member;
  return {
    userId: discordUserId(interaction.user.id),
    communityId: interaction.guildId ? `discord:${interaction.guildId}` : DISCORD_DM_COMMUNITY,
    displayName: member instanceof GuildMember ? member.displayName : interaction.user.displayName,
    platformAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds: roleIds(interaction),
    ...(interaction.channelId ? { channel: `discord:${interaction.channelId}` } : {}),
  };
}
