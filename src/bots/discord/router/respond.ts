import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Reply } from '../../../core/reply.ts';
import { LIMITS, safeText } from '../render/clip.ts';
import { interactionPayload, NO_MENTIONS, renderReply } from '../render/message.ts';
import type { RouterContext } from './context.ts';

type Answerable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

/**
 * Answers shown to one member are shareable unless they are errors, personal
 * (reminders, tracker, /mydata) or the core marked them private.
 */
export function shareable(reply: Reply, personal: boolean | undefined): boolean {
  return !reply.error && !reply.ephemeral && !personal;
}

/** Fills the deferred answer (`editReply`): the ephemeral reply, or the message a paging button sits on. */
export async function editWith(interaction: Answerable, reply: Reply, share: boolean, ctx: RouterContext) {
  const rendered = renderReply(reply, { codec: ctx.codec, share });
  if (rendered.dropped.length > 0)
    ctx.logger.warn({ dropped: rendered.dropped }, 'buttons left out of a reply');
  await interaction.editReply(interactionPayload(rendered));
}

/** A new private message: the first answer, or a follow-up once the interaction is answered. */
export async function sendPrivate(interaction: Answerable, reply: Reply, ctx: RouterContext) {
  const rendered = renderReply(reply, { codec: ctx.codec, share: false });
  const payload = { ...interactionPayload(rendered), flags: MessageFlags.Ephemeral as const };
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/**
 * The router's one way of telling a member something failed: ephemeral, as a
 * follow-up when the interaction was already answered or deferred.
 */
export async function replyError(interaction: Interaction, text: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const payload = {
    content: safeText(`⚠️ ${text}`, LIMITS.content),
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}
