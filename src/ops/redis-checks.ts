import { Redis } from 'ioredis';
import type { CoreLogger } from '../core/ports/logger.port.ts';

/** The Redis settings start-up cares about, as CONFIG GET reports them. */
export interface RedisSettings {
  readonly maxmemoryPolicy: string;
  readonly appendonly: string;
  readonly save: string;
}

export interface RedisVerdict {
  /** Set when start-up must stop: what is wrong and the one command that fixes it. */
  readonly problem?: string;
  readonly warnings: readonly string[];
}

/**
 * Judges a Redis for imgbot. `maxmemory-policy` other than `noeviction` stops
 * start-up: BullMQ needs every key it wrote, and an evicted key is a lost
 * reminder. No persistence at all (no AOF, no snapshots) only warns: a
 * throw-away Redis for tests or a trial is fine, but a restart empties it.
 */
export function judgeRedis(settings: RedisSettings, where: string): RedisVerdict {
  const warnings: string[] = [];
  if (settings.appendonly !== 'yes' && settings.save.trim() === '') {
    warnings.push(
      `Redis at ${where} keeps no data on disk (appendonly no, no save points): a Redis restart loses every listing and reminder. Fix: redis-cli CONFIG SET appendonly yes (and "appendonly yes" in redis.conf).`,
    );
  }
  if (settings.maxmemoryPolicy !== 'noeviction') {
    return {
      problem:
        `Redis at ${where} has maxmemory-policy ${settings.maxmemoryPolicy}; imgbot needs noeviction (an evicted key is a lost reminder). ` +
        'Fix it with: redis-cli CONFIG SET maxmemory-policy noeviction   and keep it with the line "maxmemory-policy noeviction" in redis.conf.',
      warnings,
    };
  }
  return { warnings };
}

/** Thrown when the Redis is set up in a way that would lose data. */
export class RedisSetupError extends Error {}

async function configValue(redis: Redis, name: string): Promise<string> {
  const reply = (await redis.config('GET', name)) as string[];
  return reply[1] ?? '';
}

/**
 * Reads the settings with CONFIG GET and applies {@link judgeRedis}: throws
 * {@link RedisSetupError} on a problem, logs warnings. A managed Redis that
 * refuses CONFIG is not blocked (it is logged): its provider owns the settings.
 */
export async function checkRedisSetup(url: string, where: string, logger: CoreLogger): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  let settings: RedisSettings;
  try {
    await redis.connect();
    settings = {
      maxmemoryPolicy: await configValue(redis, 'maxmemory-policy'),
      appendonly: await configValue(redis, 'appendonly'),
      save: await configValue(redis, 'save'),
    };
  } catch (err) {
    logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      `could not read the settings of Redis at ${where} (CONFIG GET refused?); make sure maxmemory-policy is noeviction`,
    );
    return;
  } finally {
    redis.disconnect();
  }
  const verdict = judgeRedis(settings, where);
  for (const w of verdict.warnings) logger.warn({}, w);
  if (verdict.problem) throw new RedisSetupError(verdict.problem);
}
