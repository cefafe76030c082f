import type { ModalSubmitInteraction } from 'discord.js';
import { runCommand } from '../../../core/commands/dispatch.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import { envFor, type RouterContext } from './context.ts';
import { MESSAGE_ACTION_MODAL_PREFIX, submitMessageAction } from './context-menu.ts';
import { inputValue } from './forms.ts';
import { answerInTime, replyError } from './respond.ts';

/**
 * A form came back: its options given inline (from the custom id or the
 * pending store) plus the typed inputs run the command, as if all had been
 * typed inline. Empty inputs count as not given.
 */
export async function handleModal(interaction: ModalSubmitInteraction, ctx: RouterContext): Promise<void> {
  const parts = ctx.codec.decode(interaction.customId);
  if (!parts.ok || parts.value.kind !== 'm') {
    await replyError(interaction, parts.ok ? 'This form does not belong to me.' : parts.message);
    return;
  }
  const { id, payload } = parts.value;
  if (id.startsWith(MESSAGE_ACTION_MODAL_PREFIX)) {
    await submitMessageAction(interaction, id.slice(MESSAGE_ACTION_MODAL_PREFIX.length), payload, ctx);
    return;
  }
  const command = ctx.registry.find(id);
  const kept = ctx.pendingForms.load(payload);
  if (!command?.form || !kept.ok) {
    await replyError(interaction, kept.ok ? `The form for /${id} is not available any more.` : kept.message);
    return;
  }
  const raw: RawOptions = { ...kept.value };
  for (const key of command.form.inputs) {
    const value = inputValue(interaction, key);
    if (value !== undefined) raw[key] = value;
  }
  const work = runCommand(command.name, raw, envFor(interaction, ctx));
  await answerInTime(interaction, work, 'reply', command.personal, ctx);
}
