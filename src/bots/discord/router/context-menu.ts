import type {
  APIModalInteractionResponseCallbackData,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { runCommand } from '../../../core/commands/dispatch.ts';
import { REMIND_MESSAGE_COMMAND } from '../commands-json.ts';
import { STALE_COMPONENT_TEXT } from '../custom-id.ts';
import { envFor, type RouterContext } from './context.ts';
import { textInput } from './forms.ts';
import { answerInTime, replyError } from './respond.ts';

/** Modal id of "Remind me about this"; its payload is `<channel>/<message>`. */
export const REMIND_MESSAGE_MODAL = 'discord.remind-message';

/** `https://discord.com/channels/<guild>/<channel>/<message>` (`@me` in DMs). */
export function messageLink(guildId: string | null, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}

/** "Remind me about this" on a message: ask when, in a modal (no Redis yet, so no defer). */
export async function handleContextMenu(
  interaction: MessageContextMenuCommandInteraction,
  ctx: RouterContext,
): Promise<void> {
  if (interaction.commandName !== REMIND_MESSAGE_COMMAND || !ctx.registry.find('remind')) {
    await replyError(interaction, `"${interaction.commandName}" is not available any more.`);
    return;
  }
  const customId = ctx.codec.encode({
    kind: 'm',
    id: REMIND_MESSAGE_MODAL,
    payload: `${interaction.channelId}/${interaction.targetId}`,
  });
  if (!customId.ok) throw new Error(customId.message);
  const when = ctx.registry.find('remind')?.options.when;
  const modal: APIModalInteractionResponseCallbackData = {
    custom_id: customId.value,
    title: 'Remind me about this message',
    components: [
      textInput('when', {
        description: 'When should I DM you a link to this message?',
        required: true,
        maxLength: when?.maxLength ?? 100, // why: a "when" phrase is short
        example: when?.example ?? 'tomorrow 9am',
      }),
    ],
  };
  await interaction.showModal(modal);
}

/** The "when" came back: run the core `/remind` with the message link as what to remind. */
export async function submitRemindMessage(
  interaction: ModalSubmitInteraction,
  payload: string,
  ctx: RouterContext,
): Promise<void> {
  const [channelId, messageId] = payload.split('/');
  if (!channelId || !messageId || !/^\d+$/.test(channelId) || !/^\d+$/.test(messageId)) {
    await replyError(interaction, STALE_COMPONENT_TEXT);
    return;
  }
  const when = interaction.fields.getTextInputValue('when');
  const what = messageLink(interaction.guildId, channelId, messageId);
  const work = runCommand('remind', { when, what }, envFor(interaction, ctx));
  await answerInTime(interaction, work, 'reply', true, ctx);
}
