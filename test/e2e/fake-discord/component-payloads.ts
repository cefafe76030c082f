/**
 * Builders for component-driven interactions: button clicks, string selects (both carry the
 * `message` the component sits on) and modal submits.
 */
import {
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  ButtonStyle,
  ComponentType,
  InteractionType,
} from 'discord.js';
import { FAKE_IDS, makeBotUser, makeMessage } from './objects.ts';
import { type InteractionContextOptions, interactionBase } from './payloads.ts';

/** A message the bot posted earlier in the interaction's channel (author = bot). */
export function botMessage(
  o: { channelId?: string; content?: string } & Partial<APIMessage> = {},
): APIMessage {
  const { channelId, ...rest } = o;
  return makeMessage({
    channel_id: channelId ?? FAKE_IDS.textChannel,
    author: makeBotUser(),
    content: 'Pick one',
    ...rest,
  });
}

export interface ComponentOptions extends InteractionContextOptions {
  customId: string;
  /** The message carrying the component; default: a bot message containing that component. */
  message?: APIMessage;
}

export function buttonClick(o: ComponentOptions): APIMessageComponentButtonInteraction {
  const ctx = interactionBase(o);
  const message =
    o.message ??
    botMessage({
      channelId: ctx.channel_id,
      components: [
        {
          type: ComponentType.ActionRow,
          id: 1,
          components: [
            {
              type: ComponentType.Button,
              id: 2,
              custom_id: o.customId,
              style: ButtonStyle.Primary,
              label: 'Go',
            },
          ],
        },
      ],
    });
  return {
    ...ctx,
    type: InteractionType.MessageComponent,
    message,
    data: { component_type: ComponentType.Button, custom_id: o.customId },
  } as APIMessageComponentButtonInteraction;
}

export function stringSelect(
  o: ComponentOptions & { values: string[] },
): APIMessageComponentSelectMenuInteraction {
  const ctx = interactionBase(o);
  const options = o.values.map((value) => ({ label: value, value }));
  const message =
    o.message ??
    botMessage({
      channelId: ctx.channel_id,
      components: [
        {
          type: ComponentType.ActionRow,
          id: 1,
          components: [{ type: ComponentType.StringSelect, id: 2, custom_id: o.customId, options }],
        },
      ],
    });
  return {
    ...ctx,
    type: InteractionType.MessageComponent,
    message,
    data: { component_type: ComponentType.StringSelect, custom_id: o.customId, values: o.values },
  } as APIMessageComponentSelectMenuInteraction;
}

export interface ModalOptions extends InteractionContextOptions {
  customId: string;
  /** Text input custom_id -> submitted value. */
  fields: Record<string, string>;
  /**
   * Discord echoes the layout the bot sent: `actionRow` (classic ActionRow > TextInput) or
   * `label` (newer Label > TextInput). discord.js 14.28 understands both.
   */
  layout?: 'actionRow' | 'label';
  /** Present when the modal was opened from a component on a message. */
  message?: APIMessage;
}

export function modalSubmit(o: ModalOptions): APIModalSubmitInteraction {
  let nextId = 1;
  const components: APIModalSubmissionComponent[] = Object.entries(o.fields).map(([customId, value]) => {
    const input = { type: ComponentType.TextInput as const, id: nextId + 1, custom_id: customId, value };
    const id = nextId;
    nextId += 2;
    return o.layout === 'label'
      ? { type: ComponentType.Label, id, component: input }
      : { type: ComponentType.ActionRow, id, components: [input] };
  });
  return {
    ...interactionBase(o),
    type: InteractionType.ModalSubmit,
    data: { custom_id: o.customId, components },
    ...(o.message ? { message: o.message } : {}),
  } as APIModalSubmitInteraction;
}
