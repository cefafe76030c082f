/**
 * Default REST behaviour of the fake: the handful of Discord routes imgbot uses, backed by
 * `FakeState`. Anything not listed here is answered 404 by the REST layer (and flagged).
 */
import { type APIApplicationCommand, ApplicationCommandType } from 'discord.js';
import { interactionRoutes } from './interaction-routes.ts';
import { commandsProblem, messageProblem } from './limits.ts';
import { snowflake } from './objects.ts';
import { DiscordErrorCode, discordError, json } from './responses.ts';
import {
  bodyObject,
  emptyMessage,
  invalidForm,
  isEmptyMessage,
  type Route,
  type RouteContext,
  unknownChannel,
  uploads,
} from './route-helpers.ts';
import type { MessageBody } from './state.ts';
import type { FakeRequest, FakeResponse } from './types.ts';

export type { Route, RouteContext } from './route-helpers.ts';

function storeCommands(req: FakeRequest, ctx: RouteContext, guildId?: string): FakeResponse {
  if (req.params.appId !== ctx.state.applicationId) {
    return discordError(403, DiscordErrorCode.MissingAccess, 'Missing Access');
  }
  if (!Array.isArray(req.body)) return invalidForm('expected an array of commands');
  const problem = commandsProblem(req.body as Record<string, unknown>[]);
  if (problem) return invalidForm(problem);
  const list = guildId ? (ctx.state.guildCommands.get(guildId) ?? []) : ctx.state.globalCommands;
  const stored = (req.body as Partial<APIApplicationCommand>[]).map((command) => {
    const type = command.type ?? ApplicationCommandType.ChatInput;
    const previous = list.find((c) => c.name === command.name && c.type === type);
    return {
      ...command,
      id: previous?.id ?? snowflake(),
      application_id: ctx.state.applicationId,
      version: snowflake(),
      type,
      name: command.name ?? '',
      description: command.description ?? '',
      default_member_permissions: command.default_member_permissions ?? null,
      nsfw: command.nsfw ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  });
  list.splice(0, list.length, ...stored);
  if (guildId) ctx.state.guildCommands.set(guildId, list);
  return json(200, stored);
}

export const defaultRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/gateway',
    auth: false,
    handle: (_req, ctx) => json(200, { url: ctx.gatewayUrl }),
  },
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: true,
    handle: (_req, ctx) =>
      json(200, {
        url: ctx.gatewayUrl,
        // discord.js with `shards: 'auto'` runs this many shards.
        shards: ctx.shards,
        // max_concurrency feeds discord.js' identify throttler (shards in one bucket identify
        // 5 s apart); reset_after (ms) is also the cache lifetime of this answer inside @discordjs/ws.
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: ctx.maxConcurrency,
        },
      }),
  },
  { method: 'GET', pattern: '/users/@me', auth: true, handle: (_req, ctx) => json(200, ctx.state.botUser) },
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    auth: true,
    handle: (req, ctx) => {
      const recipient = bodyObject(req).recipient_id;
      if (typeof recipient !== 'string') return invalidForm('recipient_id is required');
      return json(200, ctx.state.dmChannelFor(recipient));
    },
  },
  {
    method: 'GET',
    pattern: '/users/:userId',
    auth: true,
    handle: (req, ctx) => json(200, ctx.state.user(req.params.userId ?? '')),
  },
  {
    method: 'GET',
    pattern: '/channels/:channelId',
    auth: true,
    handle: (req, ctx) => {
      const channel = ctx.state.channels.get(req.params.channelId ?? '');
      return channel ? json(200, channel) : unknownChannel();
    },
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/messages',
    auth: true,
    handle: (req, ctx) => {
      const channelId = req.params.channelId ?? '';
      const channel = ctx.state.channels.get(channelId);
      if (!channel) return unknownChannel();
      const body = bodyObject(req) as MessageBody;
      if (isEmptyMessage(body, uploads(req))) return emptyMessage();
      const problem = messageProblem(bodyObject(req));
      if (problem) return invalidForm(problem);
      if (body.enforce_nonce && body.nonce !== undefined) {
        const earlier = ctx.state.messages.find((m) => m.channel_id === channelId && m.nonce === body.nonce);
        if (earlier) return json(200, earlier);
      }
      // REST message objects carry no guild_id (only gateway MESSAGE_CREATE adds it).
      const extra = body.nonce !== undefined ? { nonce: body.nonce } : {};
      return json(200, ctx.state.createMessage(channelId, body, uploads(req), extra));
    },
  },
  {
    method: 'GET',
    pattern: '/applications/:appId/commands',
    auth: true,
    handle: (_req, ctx) => json(200, ctx.state.globalCommands),
  },
  {
    method: 'PUT',
    pattern: '/applications/:appId/commands',
    auth: true,
    handle: (req, ctx) => storeCommands(req, ctx),
  },
  {
    method: 'GET',
    pattern: '/applications/:appId/guilds/:guildId/commands',
    auth: true,
    handle: (req, ctx) => json(200, ctx.state.guildCommands.get(req.params.guildId ?? '') ?? []),
  },
  {
    method: 'PUT',
    pattern: '/applications/:appId/guilds/:guildId/commands',
    auth: true,
    handle: (req, ctx) => storeCommands(req, ctx, req.params.guildId),
  },
  ...interactionRoutes,
];
