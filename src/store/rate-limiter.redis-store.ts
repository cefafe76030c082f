import type { Redis } from 'ioredis';
import type { RateLimiter } from '../core/ports/rate-limit.port.ts';
import type { Keys } from './keys.ts';

/** Escapes SCAN's glob characters so a member id matches only itself. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

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

/** Fixed-window rate limits in Redis (one atomic Lua script per use). */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
  ) {}

  async consume(
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<{ allowed: boolean; resetAt: number }> {
    const [allowed, ttl] = (await this.redis.eval(CONSUME, 1, this.keys.k('rate', key), limit, windowMs)) as [
      number,
      number,
    ];
    return { allowed: allowed === 1, resetAt: this.now() + Math.max(0, ttl) };
  }

  /**
   * SCANs the counters (clean-up only, never on a hot path) that name the
   * subject as whole `:`-separated segments: `shell:bob` but not `shell:bobby`.
   */
  async forgetSubject(subject: string): Promise<number> {
    const base = this.keys.k('rate', '');
    const whole = (key: string) => `:${key.slice(base.length)}:`.includes(`:${subject}:`);
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        `${base}*${globEscape(subject)}*`,
        'COUNT',
        500,
      );
      cursor = next;
      const mine = keys.filter(whole);
      if (mine.length > 0) deleted += await this.redis.unlink(...mine);
    } while (cursor !== '0');
    return deleted;
  }
}
