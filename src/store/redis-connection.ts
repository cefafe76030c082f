import { Redis, type RedisOptions } from 'ioredis';

/**
 * Two roles, two connection settings (BullMQ's advice): commands that answer
 * a member fail fast when Redis is away, while workers and blocking calls
 * must wait forever (`maxRetriesPerRequest: null`).
 */
export type ConnectionRole = 'command' | 'worker';

/** Opens a Redis connection for a role; callers own it and must `quit()` it. */
export function openRedis(url: string, role: ConnectionRole, extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000 };
  return new Redis(url, { lazyConnect: false, ...options, ...extra });
}

/** Pings Redis once with a short timeout; true when something answered PONG. */
export async function redisAnswers(url: string, timeoutMs = 1_500): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null, // why: one attempt only; the caller decides what to do next
    enableOfflineQueue: false,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Deletes every key under a prefix with SCAN (never KEYS, which blocks Redis).
 * Used by tests to clean up and by `/mydata delete` for a member's own subtree.
 */
export async function deleteByPattern(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
