/**
 * Building blocks shared by the default REST routes.
 */
import { DiscordErrorCode, discordError } from './responses.ts';
import type { FakeState, MessageBody, UploadedFile } from './state.ts';
import type { FakeRequest, FakeResponse, HttpMethod } from './types.ts';

export interface RouteContext {
  state: FakeState;
  gatewayUrl: string;
  /** Discord rejects the *initial* callback after 3 s with 10062 Unknown interaction. */
  callbackDeadlineMs: number;
  /** `GET /gateway/bot`: the recommended shard count and identify concurrency. */
  shards: number;
  maxConcurrency: number;
}

export interface Route {
  method: HttpMethod;
  /** `:name` segments capture one path segment into `params`. */
  pattern: string;
  /** Needs `Authorization: Bot <token>`; interaction callbacks and webhook routes are token-in-path. */
  auth: boolean;
  handle(req: FakeRequest, ctx: RouteContext): FakeResponse;
}

export const unknownInteraction = () =>
  discordError(404, DiscordErrorCode.UnknownInteraction, 'Unknown interaction');
export const unknownWebhook = () => discordError(404, DiscordErrorCode.UnknownWebhook, 'Unknown Webhook');
export const unknownMessage = () => discordError(404, DiscordErrorCode.UnknownMessage, 'Unknown Message');
export const unknownChannel = () => discordError(404, DiscordErrorCode.UnknownChannel, 'Unknown Channel');
export const emptyMessage = () =>
  discordError(400, DiscordErrorCode.CannotSendEmptyMessage, 'Cannot send an empty message');
export const invalidForm = (detail: string) =>
  discordError(400, DiscordErrorCode.InvalidFormBody, 'Invalid Form Body', {
    _errors: [{ message: detail }],
  });

export function bodyObject(req: FakeRequest): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};
}

export function uploads(req: FakeRequest): UploadedFile[] {
  return req.files.map((f) => ({ filename: f.filename, contentType: f.contentType, size: f.data.length }));
}

export function isEmptyMessage(body: MessageBody, files: UploadedFile[]): boolean {
  return !body.content && !body.embeds?.length && !body.components?.length && files.length === 0;
}
