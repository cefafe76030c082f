import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { redisAnswers } from '../store/redis-connection.ts';

/** How to get Redis, printed when there is none at all. */
export const INSTALL_REDIS_HINT =
  'Install it with: sudo apt-get install -y redis-server   (macOS: brew install redis), or set REDIS_URL to a running Redis.';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface RedisHandle {
  /** Stops the private Redis if this process started one (it saves its data first). */
  stop(): Promise<void>;
  readonly started: boolean;
}

/**
 * Makes sure something answers at `url`. When nothing does, the URL points at
 * this machine and `redis-server` is installed, starts a private Redis with
 * persistence under `<dataDir>/redis`, bound to loopback only, so a newcomer
 * needs no set-up. Otherwise fails with the one command that installs Redis.
 */
export async function ensureRedis(url: string, dataDir: string, logger: Logger): Promise<RedisHandle> {
  if (await redisAnswers(url)) return { started: false, stop: async () => {} };
  const target = new URL(url);
  if (!LOOPBACK.has(target.hostname)) {
    throw new Error(
      `Nothing answers at REDIS_URL=${target.protocol}//${target.host}. Check that Redis is running there.`,
    );
  }
  if (!redisServerOnPath()) {
    throw new Error(
      `Nothing answers at ${target.protocol}//${target.host} and redis-server is not installed. ${INSTALL_REDIS_HINT}`,
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = target.port || '6379';
  const child = spawn(
    'redis-server',
    [
      '--port',
      port,
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
