import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { redisAnswers } from '../store/redis-connection.ts';

/** How to get Redis, printed when there is none at all. */
export const INSTALL_REDIS_HINT =
  'Install it with: sudo apt-get install -y redis-server   (macOS: brew install redis), or set REDIS_URL to a running Redis.';

/** why: often enough that a Redis coming back is used within half a second, rarely enough to cost nothing */
const POLL_MS = 500;

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The URL without credentials, for messages. */
export function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** True when some process accepts TCP connections on this loopback port. */
export function portTaken(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (taken: boolean) => {
      socket.destroy();
      done(taken);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.connect(port, '127.0.0.1');
  });
}

export interface RedisHandle {
  /** Stops the private Redis if this process started one (it saves its data first). */
  stop(): Promise<void>;
  readonly started: boolean;
}

export interface EnsureRedisOptions {
  readonly url: string;
  /** Where a private Redis keeps its data (`<dir>/redis`). */
  readonly dataDir: string;
  /**
   * Only `npm start` / `imgbot start` with REDIS_URL unset (the newcomer path)
   * may start a private Redis; every other case only waits for the configured one.
   */
  readonly mayStartPrivate: boolean;
  /** How long to wait for Redis before giving up. */
  readonly waitMs: number;
  readonly logger: Logger;
}

/** Redis never answered: the process stops having changed nothing (exit 1). */
export class RedisUnavailableError extends Error {}

const NONE: RedisHandle = { started: false, stop: async () => {} };

/**
 * Makes sure a Redis answers at `url`. The configured Redis is never replaced:
 * a private `redis-server` (persistence under `<dataDir>/redis`, loopback
 * only) is started only when `mayStartPrivate`, nothing at all listens on the
 * port and `redis-server` is installed. In every other case this waits up to
 * `waitMs`, saying so once, and then throws {@link RedisUnavailableError}.
 */
export async function ensureRedis(opts: EnsureRedisOptions): Promise<RedisHandle> {
  if (await redisAnswers(opts.url)) return NONE;
  if (opts.mayStartPrivate) {
    const port = Number(new URL(opts.url).port || '6379');
    if (await portTaken(port)) {
      // why: a Redis that is loading its data (or anything else) owns this port; starting another would fail or hide it
      opts.logger.warn(
        { port },
        `port ${port} is in use but does not answer as Redis yet; not starting a private Redis there`,
      );
    } else if (!redisServerOnPath()) {
      throw new RedisUnavailableError(
        `Nothing answers at ${shownUrl(opts.url)} and redis-server is not installed. ${INSTALL_REDIS_HINT}`,
      );
    } else {
      return startPrivateRedis(opts.url, port, opts.dataDir, opts.logger);
    }
  }
  await waitForRedis(opts.url, opts.waitMs, opts.logger);
  return NONE;
}

/** Polls until Redis answers, or throws after `waitMs` with what to do. */
export async function waitForRedis(url: string, waitMs: number, logger: Logger): Promise<void> {
  const shown = shownUrl(url);
  logger.warn(
    { redis: shown, waitMs },
    `Redis at ${shown} does not answer; waiting up to ${Math.round(waitMs / 1000)} s for it (REDIS_WAIT_MS)`,
  );
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    if (await redisAnswers(url, 1_000)) {
      logger.info({ redis: shown }, 'Redis answers; continuing');
      return;
    }
  }
  throw new RedisUnavailableError(
    `Redis at ${shown} did not answer within ${Math.round(waitMs / 1000)} s, so imgbot stopped and changed nothing. ` +
      'Start Redis there (for example: sudo systemctl start redis-server) or set REDIS_URL to a running Redis; ' +
      'REDIS_WAIT_MS sets how long to wait.',
  );
}

async function startPrivateRedis(url: string, port: number, dataDir: string, logger: Logger) {
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes', // why: reminders and listings must survive a restart
      '--save',
      '300 1',
      '--maxmemory-policy',
      'noeviction', // why: BullMQ needs every key it wrote
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore', detached: false },
  );
  logger.info({ port, dir }, 'started a private Redis for this run');
  await waitUntilAnswering(url, child);
  return { started: true, stop: () => stopChild(child) };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000; // why: redis-server starts in well under a second; 10 s covers a slow disk
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited with code ${child.exitCode} while starting`);
    if (await redisAnswers(url, 500)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('The private redis-server did not answer within 10 seconds.');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM'); // redis-server saves its data on SIGTERM
  });
}
