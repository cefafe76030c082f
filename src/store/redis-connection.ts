import { Redis, type RedisOptions } from 'ioredis';
import type { CoreLogger } from '../core/ports/logger.port.ts';

/**
 * Two roles, two connection settings (BullMQ's advice): commands that answer
 * a member fail fast when Redis is away, while workers and blocking calls
 * must wait forever (`maxRetriesPerRequest: null`).
 */
export type ConnectionRole = 'command' | 'worker';

/** why: a member's command must be answered within 2 s even when Redis hangs; 1.5 s leaves room for the reply */
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_500;

export interface OpenRedisOptions extends RedisOptions {
  /** For the `command` role: a command with no answer in this time fails (default 1,500 ms). */
  readonly commandTimeoutMs?: number;
}

/**
 * Opens a Redis connection for a role; callers own it and must `quit()` it.
 *
 * A `command` connection queues commands only until it is first ready (so
 * start-up needs no waiting); after that, while Redis is away, a command
 * fails at once instead of queueing, and one that gets no answer (a hung
 * Redis) fails after `commandTimeoutMs`. Callers turn those failures into
 * "temporarily unavailable, nothing was changed" (see {@link isRedisUnavailable}).
 */
export function openRedis(url: string, role: ConnectionRole, extra: OpenRedisOptions = {}): Redis {
  const { commandTimeoutMs, ...rest } = extra;
  if (role === 'worker') {
    return new Redis(url, {
      lazyConnect: false,
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      ...rest,
    });
  }
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2_000, // why: a connect attempt that hangs must not hold commands past the 2 s answer
    commandTimeout: commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    ...rest,
  });
  redis.once('ready', () => {
    redis.options.enableOfflineQueue = false;
  });
  return redis;
}

const UNAVAILABLE_MESSAGES = [
  "Stream isn't writeable",
  'Command timed out',
  'Connection is closed',
  'max retries per request',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'LOADING',
];

/** True when an error from ioredis means Redis cannot be reached right now (not a bad command). */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'MaxRetriesPerRequestError') return true;
  const text = `${err.message} ${(err as { code?: string }).code ?? ''}`;
  return UNAVAILABLE_MESSAGES.some((m) => text.toLowerCase().includes(m.toLowerCase()));
}

/** Logs a connection's errors (throttle the logger: ioredis reports every reconnect attempt). */
export function watchConnection(redis: Redis, logger: CoreLogger, what: string): void {
  let down = false;
  redis.on('error', (err: Error) => {
    logger.warn({ err: err.message, connection: what }, 'redis connection error');
  });
  redis.on('close', () => {
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ connection: what }, 'redis connection restored');
    down = false;
  });
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
