import type { Redis } from 'ioredis';
import type { FaqOverride, FaqOverrideSnapshot, FaqOverrideStore } from '../core/faq/faq.port.ts';
import type { Keys } from './keys.ts';

type ExecResults = [Error | null, unknown][] | null;

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return { unreadable: raw };
  }
}

function resultAt(results: ExecResults, i: number): unknown {
  const r = results?.[i];
  if (!r) throw new Error('FAQ override transaction was aborted');
  if (r[0]) throw r[0];
  return r[1];
}

/**
 * FAQ overrides per community: one hash (entry id -> JSON override) and one
 * version counter. Every write changes the hash and bumps the counter in the
 * same MULTI, and a load reads both in one MULTI, so a process never pairs a
 * version with the wrong set of overrides.
 */
export class RedisFaqOverrideStore implements FaqOverrideStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private hashKey(communityId: string): string {
    return this.keys.k('community', communityId, 'faq', 'overrides');
  }

  private versionKey(communityId: string): string {
    return this.keys.k('community', communityId, 'faq', 'version');
  }

  async version(communityId: string): Promise<number> {
    return Number((await this.redis.get(this.versionKey(communityId))) ?? 0);
  }

  async load(communityId: string): Promise<FaqOverrideSnapshot> {
    const results = await this.redis
      .multi()
      .get(this.versionKey(communityId))
      .hgetall(this.hashKey(communityId))
      .exec();
    const version = Number(resultAt(results, 0) ?? 0);
    const raw = (resultAt(results, 1) ?? {}) as Record<string, string>;
    return { version, overrides: new Map(Object.entries(raw).map(([id, json]) => [id, parseJson(json)])) };
  }

  async put(communityId: string, id: string, override: FaqOverride): Promise<unknown> {
    const hash = this.hashKey(communityId);
    const results = await this.redis
      .multi()
      .hget(hash, id)
      .hset(hash, id, JSON.stringify(override))
      .incr(this.versionKey(communityId))
      .exec();
    return parseJson(resultAt(results, 0));
  }

  async clear(communityId: string, id: string): Promise<unknown> {
    const hash = this.hashKey(communityId);
    const results = await this.redis
      .multi()
      .hget(hash, id)
      .hdel(hash, id)
      .incr(this.versionKey(communityId))
      .exec();
    return parseJson(resultAt(results, 0));
  }
}
