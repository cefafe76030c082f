import type {
  APIModalInteractionResponseCallbackData,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { checkPermission } from '../../../core/commands/dispatch.ts';
import { runMessageAction } from '../../../core/commands/entry-points.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import { STALE_COMPONENT_TEXT } from '../custom-id.ts';
import { clip, LIMITS } from '../render/clip.ts';
import { envFor, type RouterContext } from './context.ts';
import { inputValue, textInput } from './forms.ts';
import { answerInTime, replyError, sendPrivate } from './respond.ts';

/** Modal ids of message actions are `msg.<action id>`; the payload is `<channel>/<message>`. */
export const MESSAGE_ACTION_MODAL_PREFIX = 'msg.';

/** `https://discord.com/channels/<guild>/<channel>/<message>` (`@me` in DMs). */
export function messageLink(guildId: string | null, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}

/**
 * A core message action picked on a message (its label is the menu entry):
 * a member who may not run its command gets the core's refusal; otherwise a
 * modal asks the action's options. Member commands touch no Redis here, so
 * no defer is needed before the modal.
 */
export async function handleContextMenu(
  interaction: MessageContextMenuCommandInteraction,
  ctx: RouterContext,
): Promise<void> {
  const action = ctx.registry.messageActions().find((a) => a.label === interaction.commandName);
  const command = action ? ctx.registry.find(action.command) : undefined;
  if (!action || !command) {
    await replyError(interaction, `"${interaction.commandName}" is not available any more.`);
    return;
  }
  const refusal = await checkPermission(command, envFor(interaction, ctx));
  if (refusal) {
    await sendPrivate(interaction, refusal, ctx);
    return;
  }
  const customId = ctx.codec.encode({
    kind: 'm',
    id: `${MESSAGE_ACTION_MODAL_PREFIX}${action.id}`,
    payload: `${interaction.channelId}/${interaction.targetId}`,
  });
  if (!customId.ok) throw new Error(customId.message);
  const modal: APIModalInteractionResponseCallbackData = {
    custom_id: customId.value,
    title: clip(action.label, LIMITS.modalTitle),
    components: action.ask.flatMap((name) => {
      const def = command.options[name];
      return def ? [textInput(name, def)] : [];
    }),
  };
  await interaction.showModal(modal);
}

/** A message action's form came back: run its command with the answers and the link to the message. */
export async function submitMessageAction(
  interaction: ModalSubmitInteraction,
  actionId: string,
  payload: string,
  ctx: RouterContext,
): Promise<void> {
  const action = ctx.registry.messageAction(actionId);
  const [channelId, messageId] = payload.split('/');
  if (!action || !channelId || !messageId || !/^\d+$/.test(channelId) || !/^\d+$/.test(messageId)) {
    await replyError(interaction, STALE_COMPONENT_TEXT);
    return;
  }
  const answers: RawOptions = {};
  for (const name of action.ask) {
    const value = inputValue(interaction, name);
    if (value !== undefined) answers[name] = value;
  }
  const link = messageLink(interaction.guildId, channelId, messageId);
  const work = runMessageAction(action, answers, link, envFor(interaction, ctx));
  // why: the answer is about a member's own message action (a reminder): kept private
  await answerInTime(interaction, work, 'reply', true, ctx);
}
