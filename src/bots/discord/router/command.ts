import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { runCommand } from '../../../core/commands/dispatch.ts';
import { commandPath, envFor, type RouterContext, rawOptions } from './context.ts';
import { needsForm, openForm } from './forms.ts';
import { editWith, shareable } from './respond.ts';

/**
 * A slash command: open its form when one is needed, else defer (every
 * command touches Redis) privately and fill the answer in. Answers are shown
 * to the member alone; shareable ones carry a "Share in channel" button.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  ctx: RouterContext,
): Promise<void> {
  const { name, options } = commandPath(interaction);
  const raw = rawOptions(options);
  const command = ctx.registry.find(name);
  if (command && needsForm(command, raw)) {
    await openForm(interaction, command, raw, ctx);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await runCommand(name, raw, envFor(interaction, ctx));
  await editWith(interaction, reply, shareable(reply, command?.personal), ctx);
}
