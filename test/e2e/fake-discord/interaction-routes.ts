/**
 * Interaction routes: the initial callback (`POST /interactions/:id/:token/callback`) and the
 * application webhook used afterwards (`@original` edits, follow-ups). Both authenticate with the
 * interaction token in the path, not with the bot token, and only know injected interactions.
 */
import { type APIMessage, InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { choicesProblem, messageProblem, modalProblem } from './limits.ts';
import { DiscordErrorCode, discordError, json, noContent } from './responses.ts';
import {
  bodyObject,
  emptyMessage,
  invalidForm,
  isEmptyMessage,
  type Route,
  type RouteContext,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
  uploads,
} from './route-helpers.ts';
import type { InteractionRecord, MessageBody } from './state.ts';
import type { FakeRequest, FakeResponse } from './types.ts';

function webhookRecord(req: FakeRequest, ctx: RouteContext): InteractionRecord | null {
  const record = ctx.state.interactions.get(req.params.token ?? '');
  return record && record.applicationId === req.params.appId ? record : null;
}

function findWebhookMessage(record: InteractionRecord, messageId: string): APIMessage | null {
  if (messageId === '@original' || record.original?.id === messageId) return record.original;
  return record.followups.get(messageId) ?? null;
}

/** Discord checks the callback's data against the limits of its type before anything else. */
function callbackProblem(type: unknown, data: Record<string, unknown>): string | null {
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
    case InteractionResponseType.UpdateMessage:
      return messageProblem(data);
    case InteractionResponseType.Modal:
      return modalProblem(data);
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      return choicesProblem(data);
    default:
      return null;
  }
}

function interactionCallback(req: FakeRequest, ctx: RouteContext): FakeResponse {
  const record = ctx.state.interactions.get(req.params.token ?? '');
  if (!record || record.id !== req.params.interactionId) return unknownInteraction();
  if (record.acknowledged) {
    return discordError(
      400,
      DiscordErrorCode.InteractionAlreadyAcknowledged,
      'Interaction has already been acknowledged.',
    );
  }
  if (Date.now() - record.dispatchedAt > ctx.callbackDeadlineMs) return unknownInteraction();
  const body = bodyObject(req);
  const data = (body.data ?? {}) as MessageBody;
  const isAutocomplete = record.type === InteractionType.ApplicationCommandAutocomplete;
  const isComponentish = record.componentMessage !== null;
  if (isAutocomplete && body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    return invalidForm('autocomplete interactions only accept autocomplete results');
  }
  const problem = callbackProblem(body.type, data as Record<string, unknown>);
  if (problem) return invalidForm(problem);
  let message: APIMessage | null = null;
  switch (body.type) {
    case InteractionResponseType.ChannelMessageWithSource:
      message = ctx.state.createInteractionMessage(record, data, uploads(req));
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      // Shows "Bot is thinking..."; the message exists with the Loading flag until edited.
      message = ctx.state.createInteractionMessage(
        record,
        { flags: (data.flags ?? 0) | MessageFlags.Loading },
        [],
      );
      break;
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage:
      if (!isComponentish) return invalidForm('message updates are only valid for component interactions');
      message = record.componentMessage;
      if (message && body.type === InteractionResponseType.UpdateMessage) {
        ctx.state.applyBody(message, data, uploads(req));
      }
      break;
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      if (!isAutocomplete) return invalidForm('autocomplete results are only valid for autocomplete');
      break;
    case InteractionResponseType.Modal:
      if (isAutocomplete || record.type === InteractionType.ModalSubmit)
        return invalidForm('cannot open a modal');
      break;
    default:
      return invalidForm(`unsupported interaction response type ${String(body.type)}`);
  }
  record.acknowledged = true;
  record.original = message;
  if (req.query.with_response !== 'true') return noContent();
  // `?with_response=true` turns the 204 into an InteractionCallbackResponse.
  const flags = message?.flags ?? 0;
  return json(200, {
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (flags & MessageFlags.Loading) !== 0,
            response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type: body.type, ...(message ? { message } : {}) },
  });
}

function editWebhookMessage(req: FakeRequest, ctx: RouteContext): FakeResponse {
  const record = webhookRecord(req, ctx);
  if (!record) return unknownWebhook();
  const message = findWebhookMessage(record, req.params.messageId ?? '');
  if (!message) return unknownMessage();
  const problem = messageProblem(bodyObject(req));
  if (problem) return invalidForm(problem);
  const previousFlags = message.flags ?? 0;
  ctx.state.applyBody(message, bodyObject(req) as MessageBody, uploads(req));
  // Editing a deferred reply clears "thinking"; ephemerality is fixed at creation time.
  message.flags = ((message.flags ?? 0) & ~MessageFlags.Loading) | (previousFlags & MessageFlags.Ephemeral);
  message.edited_timestamp = new Date().toISOString();
  return json(200, message);
}

export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/interactions/:interactionId/:token/callback',
    auth: false,
    handle: interactionCallback,
  },
  {
    method: 'POST',
    pattern: '/webhooks/:appId/:token',
    auth: false,
    handle: (req, ctx) => {
      const record = webhookRecord(req, ctx);
      // Follow-ups only exist once the interaction has been acknowledged.
      if (!record?.acknowledged) return unknownWebhook();
      const body = bodyObject(req) as MessageBody;
      if (isEmptyMessage(body, uploads(req))) return emptyMessage();
      const problem = messageProblem(bodyObject(req));
      if (problem) return invalidForm(problem);
      const message = ctx.state.createInteractionMessage(record, body, uploads(req));
      record.followups.set(message.id, message);
      // Without ?wait=true Discord answers 204 and you never learn the message (discord.js sets it).
      return req.query.wait === 'true' ? json(200, message) : noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: (req, ctx) => {
      const record = webhookRecord(req, ctx);
      if (!record) return unknownWebhook();
      const message = findWebhookMessage(record, req.params.messageId ?? '');
      return message ? json(200, message) : unknownMessage();
    },
  },
  {
    method: 'PATCH',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: editWebhookMessage,
  },
  {
    method: 'DELETE',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: (req, ctx) => {
      const record = webhookRecord(req, ctx);
      if (!record) return unknownWebhook();
      const message = findWebhookMessage(record, req.params.messageId ?? '');
      if (!message) return unknownMessage();
      if (message === record.original) record.original = null;
      record.followups.delete(message.id);
      return noContent();
    },
  },
];
