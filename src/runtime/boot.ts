import { join } from 'node:path';
import type { Logger } from 'pino';
import { type App, type AppOptions, createApp } from '../app.ts';
import { type Env, parseEnv } from '../config/env.ts';
import { loadFaqFiles } from '../config/faq-files.ts';
import { loadSettingsFile, type SettingsFile } from '../config/settings-file.ts';
import type { FaqEntry } from '../core/faq/faq-entry.ts';
import { createLogger } from '../logger.ts';
import { checkRedisSetup } from '../ops/redis-checks.ts';
import { ConfigError } from './config-error.ts';
import { ensureRedis, type RedisHandle, shownUrl } from './private-redis.ts';

export { ConfigError };

export interface BootConfig {
  readonly env: Env;
  readonly settings: SettingsFile;
  readonly logger: Logger;
  /** The shipped FAQ entries from `<config>/faq/*.md`, checked (ids, links, lengths). */
  readonly faq: readonly FaqEntry[];
  /**
   * False when REDIS_URL was unset (or empty). Only then may `npm start`
   * run a private Redis: a configured Redis is never replaced by another one.
   */
  readonly redisConfigured?: boolean;
}

/** Reads and validates the environment and `config/settings.json`; a problem is one line. */
export async function loadBootConfig(
  source: Readonly<Record<string, string | undefined>>,
): Promise<BootConfig> {
  const env = parseEnv(source);
  if (!env.ok) throw new ConfigError(`Configuration error: ${env.message}`);
  const settings = await loadSettingsFile(env.value.IMGBOT_CONFIG_DIR);
  if (!settings.ok) throw new ConfigError(`Configuration error: ${settings.message}`);
  const faq = await loadFaqFiles(join(env.value.IMGBOT_CONFIG_DIR, 'faq'));
  if (!faq.ok) throw new ConfigError(`Configuration error: ${faq.message}`);
  const withZone = env.value.DEFAULT_TIMEZONE
    ? { ...settings.value, defaultTimezone: env.value.DEFAULT_TIMEZONE }
    : settings.value;
  const redisConfigured = Boolean(source.REDIS_URL);
  const redisUrl = redisConfigured
    ? env.value.REDIS_URL
    : `redis://127.0.0.1:${env.value.IMGBOT_LOCAL_REDIS_PORT}`;
  return {
    env: { ...env.value, REDIS_URL: redisUrl },
    redisConfigured,
    settings: withZone,
    logger: createLogger(env.value.LOG_LEVEL ?? 'info'),
    faq: faq.value,
  };
}

/** The wired core for this configuration (Redis, key prefix, settings, FAQ, logger). */
export function appFromBoot(boot: BootConfig, extra: Pick<AppOptions, 'observer'> = {}): App {
  return createApp({
    ...extra,
    redisUrl: boot.env.REDIS_URL,
    prefix: boot.env.IMGBOT_PREFIX,
    settings: boot.settings,
    logger: boot.logger,
    faqEntries: boot.faq,
    commandTimeoutMs: boot.env.REDIS_COMMAND_TIMEOUT_MS,
  });
}

/**
 * Waits (bounded by REDIS_WAIT_MS) for the configured Redis. Only `start`
 * with REDIS_URL unset (the newcomer path) may start a private one instead.
 * Then checks its settings: a maxmemory-policy other than noeviction stops
 * start-up with the command that fixes it; no persistence only warns.
 */
export async function connectRedis(boot: BootConfig, command: 'start' | 'other'): Promise<RedisHandle> {
  const handle = await ensureRedis({
    url: boot.env.REDIS_URL,
    dataDir: boot.env.IMGBOT_DATA_DIR,
    mayStartPrivate: command === 'start' && boot.redisConfigured === false,
    waitMs: boot.env.REDIS_WAIT_MS,
    logger: boot.logger,
  });
  try {
    await checkRedisSetup(boot.env.REDIS_URL, shownUrl(boot.env.REDIS_URL), boot.logger);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}

/**
 * Runs `stop` once on the first SIGINT/SIGTERM (stop taking input, finish
 * in-flight work, close Redis); a second signal exits at once.
 */
export function onShutdownSignal(logger: Logger, stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop(signal).then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
