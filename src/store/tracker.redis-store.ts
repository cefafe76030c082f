import type { Redis } from 'ioredis';
import { customAlphabet } from 'nanoid';
import type { TrackerPort } from '../core/tracker/tracker.port.ts';
import type { TrackerEntry } from '../core/tracker/tracker.ts';
import type { Keys } from './keys.ts';

// why: a member has at most a few hundred entries; 36^7 ids never collide in practice, and stay easy to type.
const randomId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 7);

/** The tracker as one Redis hash per member (`user:<id>:tracker`): entry id -> JSON. */
export class RedisTrackerStore implements TrackerPort {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(userId: string): string {
    return this.keys.k('user', userId, 'tracker');
  }

  newId(): string {
    return `t${randomId()}`;
  }

  async save(entry: TrackerEntry): Promise<void> {
    await this.redis.hset(this.key(entry.userId), entry.id, JSON.stringify(entry));
  }

  async get(userId: string, id: string): Promise<TrackerEntry | undefined> {
    const raw = await this.redis.hget(this.key(userId), id);
    return raw ? (JSON.parse(raw) as TrackerEntry) : undefined;
  }

  async list(userId: string): Promise<TrackerEntry[]> {
    const raw = await this.redis.hvals(this.key(userId));
    return raw.map((r) => JSON.parse(r) as TrackerEntry).sort((a, b) => a.createdAt - b.createdAt);
  }

  async remove(userId: string, id: string): Promise<boolean> {
    return (await this.redis.hdel(this.key(userId), id)) === 1;
  }

  async removeAll(userId: string): Promise<void> {
    await this.redis.unlink(this.key(userId));
  }
}
