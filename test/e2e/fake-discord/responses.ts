/**
 * Helpers to build fake REST answers, for the default routes and for test overrides.
 */
import type { FakeResponse } from './types.ts';

/** JSON error codes the fake (or tests) commonly need. */
export const DiscordErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  CannotSendEmptyMessage: 50006,
  CannotSendMessagesToThisUser: 50007,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InteractionAlreadyAcknowledged: 40060,
} as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, body, headers };
}

/** 204: no body and, importantly, no JSON content type. */
export function noContent(): FakeResponse {
  return { status: 204 };
}

/**
 * Discord's error envelope: `{ message, code }` (+ `errors` for 50035 form-body errors).
 * discord.js turns it into `DiscordAPIError` with `.code`, `.status`, `.rawError`.
 */
export function discordError(status: number, code: number, message: string, errors?: unknown): FakeResponse {
  return json(status, errors === undefined ? { message, code } : { message, code, errors });
}

/** The generic answer for a route Discord does not have. */
export function notFound(): FakeResponse {
  return discordError(404, DiscordErrorCode.General, '404: Not Found');
}

export interface RateLimitOptions {
  /** Global limits set `X-RateLimit-Global`, which makes @discordjs/rest pause *all* requests. */
  global?: boolean;
  scope?: 'user' | 'global' | 'shared';
}

/**
 * A 429 like Discord sends it. Note that @discordjs/rest only reads the *headers*
 * (`Retry-After` in seconds, `X-RateLimit-Global`, `X-RateLimit-Scope`); the JSON body
 * (`retry_after`, `global`) is informational for other clients.
 */
export function rateLimited(retryAfterSeconds: number, options: RateLimitOptions = {}): FakeResponse {
  const global = options.global ?? false;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-scope': options.scope ?? (global ? 'global' : 'user'),
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return json(
    429,
    { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
    headers,
  );
}
