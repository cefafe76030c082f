import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { DeliveryDedupe } from '../../core/ports/delivery-dedupe.port.ts';

function eventId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, event_id: id } = body as { type?: unknown; event_id?: unknown };
  return type === 'event_callback' && typeof id === 'string' ? id : undefined;
}

/**
 * Global middleware: Slack redelivers an event it thinks failed (slow
 * answer, 5xx) with `X-Slack-Retry-Num` and the same `event_id`, and Bolt
 * hands every retry to the listeners again. Bolt has already acknowledged
 * events at this point, so a repeat simply stops here.
 */
export function dedupeEvents(dedupe: DeliveryDedupe): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const id = eventId(body);
    if (id !== undefined && !(await dedupe.first(`event:${id}`))) return;
    await next();
  };
}
