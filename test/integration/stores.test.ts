import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/ports/audit.port.ts';
import { RedisAuditLog } from '../../src/store/audit.redis-store.ts';
import { Keys } from '../../src/store/keys.ts';
import { RedisRateLimiter } from '../../src/store/rate-limiter.redis-store.ts';
import { RedisSettingsStore } from '../../src/store/settings.redis-store.ts';
import { cleanupPrefix, testPrefix, testRedis } from '../helpers/redis.ts';

let prefix: string;
let keys: Keys;
let redis: Redis;
let second: Redis;

beforeEach(() => {
  prefix = testPrefix();
  keys = new Keys(prefix);
  redis = testRedis();
  second = testRedis();
});

afterEach(async () => {
  await cleanupPrefix(redis, prefix);
  await Promise.all([redis.quit(), second.quit()]);
});

/** Every key in Redis whose name mentions `marker`, wherever it is (SCAN, never KEYS). */
async function keysMentioning(marker: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `*${marker}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}

describe('settings store', () => {
  it('merges patches and deletes fields set to undefined', async () => {
    const store = new RedisSettingsStore(redis, keys);
    expect(await store.getUser('shell:amina')).toEqual({});

    await store.updateUser('shell:amina', { zone: 'Asia/Karachi' });
    const merged = await store.updateUser('shell:amina', {
      quietHours: { from: { hour: 22, minute: 0 }, to: { hour: 7, minute: 30 } },
    });
    expect(merged).toEqual({
      zone: 'Asia/Karachi',
      quietHours: { from: { hour: 22, minute: 0 }, to: { hour: 7, minute: 30 } },
    });

    const cleared = await store.updateUser('shell:amina', { zone: undefined, dmAddress: 'shell:amina' });
    expect(cleared).toEqual({
      quietHours: { from: { hour: 22, minute: 0 }, to: { hour: 7, minute: 30 } },
      dmAddress: 'shell:amina',
    });
    expect(await store.getUser('shell:amina')).toEqual(cleared);
  });

  it('keeps members and communities apart, and deleting a member removes only them', async () => {
    const store = new RedisSettingsStore(redis, keys);
    await store.updateUser('shell:amina', { zone: 'Asia/Karachi' });
    await store.updateUser('shell:omar', { zone: 'Africa/Cairo' });
    await store.updateCommunity('shell:local', { modRoleId: 'R1', deadlineOffsetsDays: [10, 3] });
    await store.updateCommunity('shell:local', { announceChannel: 'shell:jobs', modRoleId: undefined });

    await store.deleteUser('shell:amina');
    expect(await store.getUser('shell:amina')).toEqual({});
    expect(await store.getUser('shell:omar')).toEqual({ zone: 'Africa/Cairo' });
    expect(await store.getCommunity('shell:local')).toEqual({
      deadlineOffsetsDays: [10, 3],
      announceChannel: 'shell:jobs',
    });
  });

  it('loses nothing when 50 patches of different fields arrive at once on two connections', async () => {
    // why: a read-modify-write of the whole record would keep only some of these fields.
    const stores = [new RedisSettingsStore(redis, keys), new RedisSettingsStore(second, keys)];
    const fields = Array.from({ length: 50 }, (_, i) => `field${i}`);
    await Promise.all(
      fields.map((field, i) =>
        stores[i % 2]?.updateUser('shell:amina', { [field]: { n: i } } as Record<string, unknown>),
      ),
    );
    const stored = (await stores[0]?.getUser('shell:amina')) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual([...fields].sort());
    expect(stored.field49).toEqual({ n: 49 });
  });
});

describe('audit log', () => {
  const entry = (n: number, target: string): AuditEntry => ({
    at: 1_800_000_000_000 + n,
    communityId: 'shell:local',
    actorId: 'shell:mod',
    action: 'listing.edit',
    target,
    reason: `change ${n}`,
    before: { n: n - 1 },
    after: { n },
  });

  it('lists newest first, up to the limit, with before/after intact', async () => {
    const audit = new RedisAuditLog(redis, keys);
    for (let n = 1; n <= 5; n++) await audit.record(entry(n, 'ext-1'));
    const listed = await audit.list('shell:local', { limit: 3 });
    expect(listed.map((e) => e.reason)).toEqual(['change 5', 'change 4', 'change 3']);
    expect(listed[0]).toEqual(entry(5, 'ext-1'));
    expect(await audit.list('discord:other', { limit: 3 })).toEqual([]);
  });

  it('filters by target, paging back through a long history', async () => {
    const audit = new RedisAuditLog(redis, keys);
    // why: 450 entries with one in three for ext-a forces reading past the store's 200-entry pages.
    const pipeline = redis.pipeline();
    for (let n = 1; n <= 450; n++) {
      const target = n % 3 === 0 ? 'ext-a' : 'ext-b';
      pipeline.xadd(keys.k('community', 'shell:local', 'audit'), '*', 'e', JSON.stringify(entry(n, target)));
    }
    await pipeline.exec();
    await audit.record(entry(451, 'ext-c'));

    const forA = await audit.list('shell:local', { limit: 120, target: 'ext-a' });
    expect(forA).toHaveLength(120);
    expect(forA.every((e) => e.target === 'ext-a')).toBe(true);
    expect(forA[0]?.reason).toBe('change 450');
    expect(forA[119]?.reason).toBe('change 93');

    const all = await audit.list('shell:local', { limit: 1000, target: 'ext-a' });
    expect(all).toHaveLength(150);
    expect(await audit.list('shell:local', { limit: 5, target: 'ext-c' })).toEqual([entry(451, 'ext-c')]);
  });
});

describe('rate limiter', () => {
  it('allows exactly the limit when many uses arrive at once, and refused uses are not counted', async () => {
    const limiters = [new RedisRateLimiter(redis, keys), new RedisRateLimiter(second, keys)];
    const counter = limiters[0]!.storageKey('suggest:shell:amina');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => limiters[i % 2]?.consume('suggest:shell:amina', 3, 60_000)),
    );
    expect(results.filter((r) => r?.allowed)).toHaveLength(3);
    // The 37 refusals left the count at the limit (so the window is not stretched or inflated).
    expect(await redis.get(counter)).toBe('3');
    expect(counter).not.toContain('amina'); // the counter does not name the member
    const ttl = await redis.pttl(counter);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('tells a refused member when the window resets', async () => {
    let now = 1_000_000;
    const limiter = new RedisRateLimiter(redis, keys, () => now);
    await limiter.consume('k', 1, 60_000);
    now += 5;
    const refused = await limiter.consume('k', 1, 60_000);
    expect(refused.allowed).toBe(false);
    expect(refused.resetAt).toBeGreaterThan(now + 50_000);
    expect(refused.resetAt).toBeLessThanOrEqual(now + 60_000);
  });

  it('counts each key separately and starts afresh after the window', async () => {
    const limiter = new RedisRateLimiter(redis, keys);
    expect((await limiter.consume('a', 2, 300)).allowed).toBe(true);
    expect((await limiter.consume('a', 2, 300)).allowed).toBe(true);
    expect((await limiter.consume('a', 2, 300)).allowed).toBe(false);
    expect((await limiter.consume('b', 2, 300)).allowed).toBe(true);
    await new Promise((r) => setTimeout(r, 450)); // why: past the 300 ms window with margin for a slow machine
    expect((await limiter.consume('a', 2, 300)).allowed).toBe(true);
    expect(await redis.get(limiter.storageKey('a'))).toBe('1');
  });
});

describe('keys', () => {
  it('writes every key under the configured prefix', async () => {
    const marker = `marker${Date.now().toString(36)}`;
    const settings = new RedisSettingsStore(redis, keys);
    await settings.updateUser(`shell:${marker}`, { zone: 'Asia/Karachi' });
    await settings.updateCommunity(`shell:${marker}`, { modRoleId: 'R1' });
    await new RedisAuditLog(redis, keys).record({
      at: 1,
      communityId: `shell:${marker}`,
      actorId: 'shell:mod',
      action: 'community.setup',
      target: marker,
    });
    const limiter = new RedisRateLimiter(redis, keys);
    await limiter.consume(`suggest:${marker}`, 3, 60_000);
    expect(await redis.exists(limiter.storageKey(`suggest:${marker}`))).toBe(1);

    const found = await keysMentioning(marker);
    expect(found).toEqual(
      [
        `${prefix}user:shell:${marker}:settings`,
        `${prefix}community:shell:${marker}:settings`,
        `${prefix}community:shell:${marker}:audit`,
      ].sort(),
    );
  });
});
