import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { runAction } from '../../../core/commands/dispatch.ts';
import { clip, LIMITS } from '../render/clip.ts';
import { SHARE_ACTION } from '../render/components.ts';
import { NO_MENTIONS } from '../render/message.ts';
import { envFor, type RouterContext } from './context.ts';
import { answerInTime, replyError, sendPrivate } from './respond.ts';

/** "Share in channel": re-posts the private answer (its text and embeds, no buttons) publicly. */
async function share(interaction: ButtonInteraction): Promise<void> {
  const { content, embeds } = interaction.message;
  const by = `Shared by <@${interaction.user.id}>`; // a mention that shows the name; NO_MENTIONS keeps it silent
  await interaction.reply({
    content: content ? `${by}\n${clip(content, LIMITS.content - by.length - 1)}` : by,
    embeds: embeds.map((e) => e.toJSON()),
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * Buttons and select menus. The custom id is verified first (a forged or
 * stale one gets a friendly private error). Paging actions
 * (`replacesMessage`) update the message they sit on; others answer privately;
 * both in the initial response when the core is quick (`answerInTime`).
 * A select menu hands its chosen value to the action as the payload.
 */
export async function handleComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  ctx: RouterContext,
): Promise<void> {
  const parts = ctx.codec.decode(interaction.customId);
  if (!parts.ok || parts.value.kind !== 'a') {
    await replyError(
      interaction,
      parts.ok ? 'This button does not belong to a message of mine.' : parts.message,
    );
    return;
  }
  const { id, payload: encoded } = parts.value;
  if (id === SHARE_ACTION && interaction.isButton()) {
    await share(interaction);
    return;
  }
  const env = envFor(interaction, ctx);
  const payload = interaction.isStringSelectMenu() ? (interaction.values[0] ?? encoded) : encoded;
  const action = ctx.registry.action(id);
  if (!action) {
    await sendPrivate(interaction, await runAction(id, payload, env), ctx); // the core's "no longer supported"
    return;
  }
  const mode = action.replacesMessage ? 'update' : 'reply';
  await answerInTime(interaction, runAction(id, payload, env), mode, action.personal, ctx);
}
