import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deleteByPattern, openRedis } from '../../src/store/redis-connection.ts';

/** The Redis the tests use (a key prefix of their own per test; never FLUSHALL). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh key prefix, unique to one test. */
export function testPrefix(): string {
  return `imgbot-test-${randomBytes(4).toString('hex')}:`;
}

/** Opens a connection for a test; close it with `closeTestRedis`. */
export function testRedis(): Redis {
  return openRedis(TEST_REDIS_URL, 'command');
}

/** Removes every key of the prefix (and BullMQ's `{prefix}` keys) and closes the connection. */
export async function cleanupPrefix(redis: Redis, prefix: string): Promise<void> {
  await deleteByPattern(redis, `${prefix}*`);
  await deleteByPattern(redis, `{${prefix.replace(/:$/, '')}}*`);
}
