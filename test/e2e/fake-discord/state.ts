/**
 * In-memory "Discord" the default REST routes read and write: known users and channels,
 * interactions the gateway delivered (by token), registered commands, created messages.
 */
import {
  type APIApplicationCommand,
  type APIChannel,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  ApplicationCommandType,
  type GatewayGuildCreateDispatchData,
  InteractionType,
  MessageType,
} from 'discord.js';
import { makeDMChannel, makeMessage, makeUser, snowflake } from './objects.ts';

export interface InteractionRecord {
  id: string;
  token: string;
  applicationId: string;
  type: InteractionType;
  commandType: ApplicationCommandType | null;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  /** The message a component interaction was triggered from (edited by UpdateMessage). */
  componentMessage: APIMessage | null;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The "@original" response message, once the interaction was answered with a message. */
  original: APIMessage | null;
  followups: Map<string, APIMessage>;
}

/** Request body fields that end up on a message (create, edit, interaction callback data). */
export interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  tts?: boolean;
  attachments?: { id: string | number; filename?: string; description?: string }[];
  /** With `enforce_nonce`, Discord returns the earlier message of the same nonce instead of posting again. */
  nonce?: string | number;
  enforce_nonce?: boolean;
}

export interface UploadedFile {
  filename: string;
  contentType: string;
  size: number;
}

export class FakeState {
  readonly users = new Map<string, APIUser>();
  readonly channels = new Map<string, APIChannel>();
  readonly dmChannelByRecipient = new Map<string, string>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  /** Every message the bot created or edited through REST, in order of creation. */
  readonly messages: APIMessage[] = [];

  constructor(
    readonly botUser: APIUser,
    readonly applicationId: string,
    readonly guilds: GatewayGuildCreateDispatchData[],
  ) {
    this.users.set(botUser.id, botUser);
    for (const guild of guilds) {
      for (const member of guild.members) this.users.set(member.user.id, member.user);
      for (const channel of guild.channels) this.channels.set(channel.id, { ...channel, guild_id: guild.id });
    }
  }

  /** Unknown ids get a generated user, as if Discord had it. */
  user(id: string): APIUser {
    let user = this.users.get(id);
    if (!user) {
      user = makeUser({ id });
      this.users.set(id, user);
    }
    return user;
  }

  /** `POST /users/@me/channels` is idempotent per recipient in Discord too. */
  dmChannelFor(recipientId: string): APIChannel {
    const existing = this.dmChannelByRecipient.get(recipientId);
    if (existing) return this.channels.get(existing)!;
    const channel = makeDMChannel(this.user(recipientId));
    this.channels.set(channel.id, channel);
    this.dmChannelByRecipient.set(recipientId, channel.id);
    return channel;
  }

  registerInteraction(payload: APIInteraction, dispatchedAt: number): InteractionRecord {
    const user = payload.member?.user ?? payload.user;
    if (!user) throw new Error('interaction payload needs member.user or user');
    this.users.set(user.id, user);
    const channel = payload.channel;
    if (channel && !this.channels.has(channel.id) && channel.type !== undefined) {
      this.channels.set(channel.id, channel as APIChannel);
    }
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      applicationId: payload.application_id,
      type: payload.type,
      commandType: payload.type === InteractionType.ApplicationCommand ? payload.data.type : null,
      channelId: channel?.id ?? payload.channel_id ?? '',
      guildId: payload.guild_id ?? null,
      user,
      componentMessage: 'message' in payload && payload.message ? payload.message : null,
      dispatchedAt,
      acknowledged: false,
      original: null,
      followups: new Map(),
    };
    this.interactions.set(record.token, record);
    return record;
  }

  /** Builds (and stores) a bot message from a create/edit request body. */
  createMessage(
    channelId: string,
    body: MessageBody,
    files: UploadedFile[],
    extra: Partial<APIMessage> = {},
  ) {
    const message = makeMessage({ channel_id: channelId, author: this.botUser, ...extra });
    this.applyBody(message, body, files);
    this.messages.push(message);
    return message;
  }

  /** Replies/follow-ups are authored by the bot but sent through the app's webhook. */
  createInteractionMessage(record: InteractionRecord, body: MessageBody, files: UploadedFile[]) {
    const type =
      record.commandType === ApplicationCommandType.ChatInput
        ? MessageType.ChatInputCommand
        : record.commandType === null
          ? MessageType.Default
          : MessageType.ContextMenuCommand;
    return this.createMessage(record.channelId, body, files, {
      type,
      webhook_id: record.applicationId,
      application_id: record.applicationId,
      ...(record.guildId ? { guild_id: record.guildId } : {}),
      interaction_metadata: {
        id: record.id,
        type: record.type,
        user: record.user,
        authorizing_integration_owners: record.guildId ? { 0: record.guildId } : { 0: '0' },
      },
    } as Partial<APIMessage>);
  }

  applyBody(message: APIMessage, body: MessageBody, files: UploadedFile[]): APIMessage {
    if (body.content !== undefined) message.content = body.content;
    if (body.embeds !== undefined) message.embeds = body.embeds;
    if (body.components !== undefined) message.components = body.components;
    if (body.flags !== undefined) message.flags = body.flags;
    if (body.tts !== undefined) message.tts = body.tts;
    if (files.length > 0 || body.attachments !== undefined) {
      message.attachments = files.map((file, index) => {
        const id = snowflake();
        const url = `https://cdn.discordapp.com/attachments/${message.channel_id}/${id}/${file.filename}`;
        return {
          id,
          filename: file.filename,
          size: file.size,
          url,
          proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
          content_type: file.contentType,
          ...(body.attachments?.[index]?.description
            ? { description: body.attachments[index].description }
            : {}),
        };
      });
    }
    return message;
  }
}
