import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

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
 * Bolt's HTTPReceiver with one extra check in front: a request to the events
 * endpoint whose timestamp is outside the window gets 401 before Bolt reads
 * the body (Bolt then still verifies the signature of everything else).
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
    return bolt(req, res);
  };
  return receiver;
}
