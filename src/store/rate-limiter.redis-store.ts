import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimiter } from '../core/ports/rate-limit.port.ts';
import type { Keys } from './keys.ts';

// Check, count and set the window's expiry in one step, so concurrent
// requests cannot both slip under the limit and a refused use is not counted.
const CONSUME = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then
  return {0, redis.call('PTTL', KEYS[1])}
end
used = redis.call('INCR', KEYS[1])
if used == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, redis.call('PTTL', KEYS[1])}
`;

// why: 128 bits of the HMAC keep collisions out of reach while keeping keys short
const HASH_HEX_CHARS = 32;

/**
 * Fixed-window rate limits in Redis (one atomic Lua script per use). A
 * counter's key is a one-way hash (HMAC-SHA256, keyed with the key prefix) of
 * what it counts, e.g. `report:discord:123`: the counter never names the
 * member, so it can outlive `/mydata delete` until its window ends, and
 * deleting one's data does not reset a daily limit.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
  ) {}

  /** The Redis key that counts `key` (tests read it; nothing else needs it). */
  storageKey(key: string): string {
    const digest = createHmac('sha256', this.keys.prefix).update(key).digest('hex');
    return this.keys.k('rate', digest.slice(0, HASH_HEX_CHARS));
  }

  async consume(
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<{ allowed: boolean; resetAt: number }> {
    const [allowed, ttl] = (await this.redis.eval(CONSUME, 1, this.storageKey(key), limit, windowMs)) as [
      number,
      number,
    ];
    return { allowed: allowed === 1, resetAt: this.now() + Math.max(0, ttl) };
  }
}
