import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { Keys } from '../../store/keys.ts';

/** Remembers which Slack deliveries were already handled. */
export interface DeliveryDedupe {
  /** True for the first delivery of `id`, false for any repeat within the window. */
  first(id: string): Promise<boolean>;
}

// why: Slack retries an event 3 times within ~5 minutes (immediately, after 1 min, after 5 min);
// an hour covers that with room for Socket Mode reconnect replays.
const SEEN_TTL_SECONDS = 3600;

/**
 * SET NX with a TTL in Redis, so every process of a scaled-out bot agrees on
 * "already seen". If Redis fails we let the delivery through: running a
 * command twice is better than silently dropping it.
 */
export class RedisDeliveryDedupe implements DeliveryDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly logger: CoreLogger,
  ) {}

  async first(id: string): Promise<boolean> {
    try {
      const set = await this.redis.set(this.keys.k('slack', 'seen', id), '1', 'EX', SEEN_TTL_SECONDS, 'NX');
      return set === 'OK';
    } catch (err) {
      this.logger.warn({ err, id }, 'slack dedupe check failed; handling the delivery anyway');
      return true;
    }
  }
}

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
