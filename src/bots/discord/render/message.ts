import type { APIEmbed } from 'discord.js';
import type { Reply } from '../../../core/reply.ts';
import type { CustomIdCodec } from '../custom-id.ts';
import { snowflakeOf } from '../discord-actor.ts';
import { LIMITS } from './clip.ts';
import { type ButtonRow, renderButtons } from './components.ts';
import { isPlainText, plainContent, renderEmbed } from './embed.ts';

/** Nothing a member wrote may ping anyone: sent with every message, edit, follow-up and DM. */
export const NO_MENTIONS = { parse: [] as [] };

export interface RenderedFile {
  readonly name: string;
  readonly data: Buffer;
  readonly contentType: string;
}

/** A reply in Discord's terms, ready for an interaction response or a REST message. */
export interface RenderedMessage {
  /** Always set (empty when the reply is an embed), so an edit clears what was there before. */
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly file?: RenderedFile;
  readonly dropped: readonly string[];
  /** The one user this message mentions (the reply's addressee); nobody else can be pinged. */
  readonly mentionUser?: string;
}

/** Allowed mentions: none, or only the addressee. */
function allowedMentions(message: RenderedMessage) {
  return message.mentionUser ? { parse: [] as [], users: [message.mentionUser] } : NO_MENTIONS;
}

export interface RenderOptions {
  readonly codec: CustomIdCodec;
  /** Add the "Share in channel" button (shareable answers shown privately). */
  readonly share: boolean;
}

/** Renders the neutral reply: plain text as content, anything structured as one embed, actions as buttons. */
export function renderReply(reply: Reply, opts: RenderOptions): RenderedMessage {
  const plain = isPlainText(reply);
  const { rows, dropped } = renderButtons(reply.actions, opts.codec, opts.share && !reply.error);
  const mentionUser = reply.addressee ? snowflakeOf(reply.addressee) : undefined;
  const text = plain ? plainContent(reply) : '';
  return {
    content: mentionUser ? `<@${mentionUser}> ${text}`.trimEnd().slice(0, LIMITS.content) : text,
    ...(mentionUser ? { mentionUser } : {}),
    embeds: plain ? [] : [renderEmbed(reply)],
    components: rows,
    ...(reply.attachment
      ? {
          file: {
            name: reply.attachment.name,
            data: Buffer.from(reply.attachment.content, 'utf8'),
            contentType: reply.attachment.mime,
          },
        }
      : {}),
    dropped,
  };
}

/** The payload for discord.js interaction methods (`editReply`, `followUp`, `reply`, `update`). */
export function interactionPayload(message: RenderedMessage) {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: allowedMentions(message),
    ...(message.file ? { files: [{ attachment: message.file.data, name: message.file.name }] } : {}),
  };
}

/** The JSON body and files for a raw REST `POST /channels/:id/messages` (DMs, channel posts). */
export function restMessage(message: RenderedMessage) {
  const body = {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: allowedMentions(message),
  };
  const files = message.file
    ? [{ name: message.file.name, data: message.file.data, contentType: message.file.contentType }]
    : undefined;
  return { body, files };
}
