import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

/** Slack's replay window: a request timestamp more than 5 minutes from our clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export const EVENTS_PATH = '/slack/events';

/**
 * True when the `x-slack-request-timestamp` header is within 5 minutes of now,
 * in either direction. Bolt 5.1's verifier only refuses OLD timestamps, so a
 * signature captured now could be replayed until a future timestamp it was
 * made with comes due; Slack's own guidance compares the absolute difference.
 */
export function timestampIsFresh(header: string | string[] | undefined, nowMs: number): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,12}$/.test(value)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(value)) <= MAX_CLOCK_SKEW_SECONDS;
}

/**
 * What Bolt will make of a request body, or `undefined` when it cannot parse it
 * (Bolt then answers 401/400 itself). Uses Bolt's own parser, so the decision
 * matches what Bolt would see.
 */
function boltView(req: IncomingMessage & { rawBody: Buffer }): { readonly value: unknown } | undefined {
  try {
    return { value: HTTPModuleFunctions.parseHTTPRequestBody(req) };
  } catch {
    return undefined;
  }
}

/**
 * True when a parsed body is something Slack sends at all: a JSON object
 * (never `null`, an array or a bare value). Bolt reads `body.ssl_check` on
 * whatever it parsed, so a signed `null` would otherwise throw outside any
 * handler and stop the whole process.
 */
export function isSlackBody(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the body (Bolt reuses a buffered `rawBody`) and refuses, with 400,
 * one Bolt would parse into something other than an object. Returns false
 * when it already answered.
 */
async function bodyIsUsable(
  req: IncomingMessage,
  res: ServerResponse,
  warn: (message: string) => void,
): Promise<boolean> {
  let buffered: IncomingMessage & { rawBody: Buffer };
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  } catch (err) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
    res.writeHead(tooLarge ? 413 : 400);
    res.end();
    return false;
  }
  const parsed = boltView(buffered);
  if (parsed === undefined || isSlackBody(parsed.value)) return true;
  const kind = parsed.value === null ? 'null' : Array.isArray(parsed.value) ? 'array' : typeof parsed.value;
  warn(`Refused a Slack request whose body is not a JSON object (${kind})`);
  res.writeHead(400);
  res.end();
  return false;
}

/**
 * Bolt's HTTPReceiver with two checks in front: a request to the events
 * endpoint whose timestamp is outside the window gets 401 before Bolt reads
 * the body (Bolt then still verifies the signature of everything else), and
 * a body that is not a JSON object gets 400 (see {@link isSlackBody}).
 * `requestListener` is the receiver's public hook that its server calls for
 * every request, so wrapping it keeps Bolt's routing, OAuth and errors intact.
 */
export function createHttpReceiver(options: HTTPReceiverOptions, now: () => number = Date.now): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
  const endpoints = new Set([options.endpoints ?? EVENTS_PATH].flat());
  const bolt: RequestListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (
      req.method === 'POST' &&
      endpoints.has(path) &&
      !timestampIsFresh(req.headers['x-slack-request-timestamp'], now())
    ) {
      options.logger?.warn(
        `Refused a Slack request whose timestamp is more than 5 minutes from now (${path})`,
      );
      res.writeHead(401);
      res.end();
      req.resume(); // why: drain the body so the keep-alive socket stays usable
      return;
    }
    if (req.method !== 'POST' || !endpoints.has(path)) return bolt(req, res);
    const warn = (message: string) => options.logger?.warn(message);
    bodyIsUsable(req, res, warn).then(
      (usable) => {
        if (usable) bolt(req, res);
      },
      (err: unknown) => {
        options.logger?.error(`Slack request failed before Bolt: ${String(err)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  };
  return receiver;
}
