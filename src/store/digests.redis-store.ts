import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';

/**
 * Listings waiting for a member's alert digest: one sorted set per member
 * (listing id, scored by when it matched), so a listing is kept once and a
 * digest reads them in order. `take` reads and deletes in one MULTI, so two
 * workers never send the same listings twice.
 */
export class RedisDigestStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(userId: string): string {
    return this.keys.k('user', userId, 'digest');
  }

  async add(userId: string, listingId: string, at: number): Promise<void> {
    await this.redis.zadd(this.key(userId), 'NX', at, listingId);
  }

  async take(userId: string): Promise<string[]> {
    const res = await this.redis.multi().zrange(this.key(userId), '0', '-1').del(this.key(userId)).exec();
    const [err, ids] = res?.[0] ?? [new Error('digest read was aborted'), null];
    if (err) throw err;
    return ids as string[];
  }

  peek(userId: string): Promise<string[]> {
    return this.redis.zrange(this.key(userId), '0', '-1');
  }

  async forget(userId: string): Promise<void> {
    await this.redis.unlink(this.key(userId));
  }
}
