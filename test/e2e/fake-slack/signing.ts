/**
 * Request signing the way Slack does it, and a small client that POSTs signed
 * requests to a running Bolt HTTP receiver.
 *
 * Slack's scheme: `x-slack-signature: v0=<hex HMAC-SHA256(secret, "v0:<ts>:<raw body>")>`
 * with `<ts>` = `x-slack-request-timestamp` (unix seconds). The HMAC covers the
 * raw bytes on the wire, so sign the exact string you send.
 */
import { createHmac } from 'node:crypto';
import type { EncodedBody } from './payloads.ts';

export {
  appHomeOpenedBody,
  blockActionsBody,
  type EncodedBody,
  eventCallbackBody,
  globalShortcutBody,
  homeBlockActionsBody,
  messageShortcutBody,
  slashCommandBody,
  viewSubmissionBody,
} from './payloads.ts';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function signSlackRequest(
  secret: string,
  rawBody: string,
  timestampSeconds: number = nowSeconds(),
): SlackSignatureHeaders {
  const hex = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${hex}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

export interface PostToBoltOptions {
  /** Signing secret used to sign; pass a wrong one to provoke a 401. */
  secret: string;
  /** Unix seconds put in x-slack-request-timestamp (and signed). Default: now. */
  timestamp?: number;
  /** Sets X-Slack-Retry-Num, as Slack does when redelivering an event it thinks failed. */
  retryNum?: number;
  /** X-Slack-Retry-Reason, e.g. "http_timeout", "http_error", "connection_failed". */
  retryReason?: string;
  /**
   * Override the content type. Bolt compares it with `===` against
   * "application/x-www-form-urlencoded" (Slack sends it without charset), so
   * "...; charset=utf-8" makes Bolt JSON.parse the form body and answer 400.
   */
  contentType?: string;
  /** Extra/overriding headers (applied after signing, so they can break it). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface BoltResponse {
  status: number;
  /** Raw response body; "" for Bolt's no-body answers (401, 404 ...). */
  body: string;
  /** Parsed JSON body, or undefined when not JSON. */
  json: unknown;
  headers: Headers;
  elapsedMs: number;
}

/** POSTs a signed body to Bolt (e.g. `http://127.0.0.1:<port>/slack/events`). */
export async function postToBolt(
  url: string,
  body: EncodedBody | string,
  options: PostToBoltOptions,
): Promise<BoltResponse> {
  const rawBody = typeof body === 'string' ? body : body.rawBody;
  const contentType =
    options.contentType ?? (typeof body === 'string' ? 'application/json' : body.contentType);
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...signSlackRequest(options.secret, rawBody, options.timestamp ?? nowSeconds()),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  Object.assign(headers, options.headers);

  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: rawBody,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: text, json, headers: res.headers, elapsedMs };
}
