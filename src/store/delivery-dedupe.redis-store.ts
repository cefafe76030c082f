import type { Redis } from 'ioredis';
import type { DeliveryDedupe } from '../core/ports/delivery-dedupe.port.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import type { Keys } from './keys.ts';

// why: Slack retries an event 3 times within ~5 minutes (immediately, after 1 min, after 5 min);
// an hour covers that with room for Socket Mode reconnect replays.
const SEEN_TTL_SECONDS = 3600;

/**
 * SET NX with a TTL in Redis (`slack:seen:<id>`), so every process of a
 * scaled-out bot agrees on "already seen". If Redis fails the delivery goes
 * through: running a command twice is better than silently dropping it.
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
