/**
 * The configured Redis is never replaced. Only `imgbot start` with REDIS_URL
 * unset (the newcomer's `npm start`) may start a private redis-server, and
 * never on a port another process owns; every other case waits a bounded
 * time (REDIS_WAIT_MS) and exits non-zero having changed nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImgbot } from '../helpers/cli.ts';
import {
  freePort,
  HAS_REDIS_SERVER,
  startTestRedisServer,
  type TestRedisServer,
} from '../helpers/private-redis-server.ts';

/** True when something accepts a TCP connection on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

let dataDir: string | undefined;
let squatter: Server | undefined;
let redis: TestRedisServer | undefined;
afterEach(async () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  await new Promise((r) => (squatter ? squatter.close(r) : r(undefined)));
  squatter = undefined;
  await redis?.kill();
  redis = undefined;
});

const WAIT = { REDIS_WAIT_MS: '1500', LOG_LEVEL: 'info' };

describe('npm start with REDIS_URL unset (the newcomer path)', () => {
  it.skipIf(!HAS_REDIS_SERVER)(
    'works on a machine with redis-server installed but not running',
    async () => {
      const port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'imgbot-data-'));
      const { code, stdout, stderr } = await runImgbot(
        ['start'],
        { IMGBOT_LOCAL_REDIS_PORT: String(port), IMGBOT_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
        { input: '/help\n' },
      );

      expect(code, stderr).toBe(0);
      // `start` runs the text shell: the help overview, as a person would see it.
      expect(stdout).toContain('== imgbot commands ==');
      expect(stdout).toContain('/help: ');
      expect(stderr).toContain('started a private Redis for this run');

      // Its data lives under <IMGBOT_DATA_DIR>/redis with append-only persistence.
      const redisDir = join(dataDir, 'redis');
      expect(existsSync(redisDir)).toBe(true);
      const appendOnly = readdirSync(redisDir).filter((f) => f.startsWith('appendonly'));
      expect(appendOnly.length).toBeGreaterThan(0);
      const aofDir = join(redisDir, 'appendonlydir');
      if (existsSync(aofDir)) expect(readdirSync(aofDir).some((f) => f.includes('.aof'))).toBe(true);

      // The private Redis was stopped with the bot.
      expect(await answers(port)).toBe(false);
    },
    30_000,
  );

  it('GIVEN another process owns the port THEN no private Redis is started there and start exits 1', async () => {
    squatter = createServer((s) => s.destroy());
    await new Promise<void>((r) => squatter?.listen(0, '127.0.0.1', r));
    const address = squatter.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    dataDir = mkdtempSync(join(tmpdir(), 'imgbot-data-'));

    const { code, stdout, stderr } = await runImgbot(
      ['start'],
      { IMGBOT_LOCAL_REDIS_PORT: String(port), IMGBOT_DATA_DIR: dataDir, ...WAIT },
      { input: '/help\n' },
    );

    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} is in use`);
    expect(stderr).toContain('did not answer within 2 s');
    expect(stderr).not.toContain('started a private Redis');
    expect(existsSync(join(dataDir, 'redis'))).toBe(false);
    expect(stdout).not.toContain('imgbot commands');
  }, 30_000);
});

describe('a configured or unreachable Redis is waited for, never replaced', () => {
  it('GIVEN REDIS_URL set and nothing answering THEN start waits, exits 1 and starts no Redis', async () => {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'imgbot-data-'));
    const { code, stdout, stderr } = await runImgbot(
      ['start'],
      { REDIS_URL: `redis://127.0.0.1:${port}`, IMGBOT_DATA_DIR: dataDir, ...WAIT },
      { input: '/help\n' },
    );

    expect(code).toBe(1);
    expect(stderr).toContain(`Redis at redis://127.0.0.1:${port} does not answer; waiting up to 2 s`);
    expect(stderr).toContain('changed nothing');
    expect(stderr).not.toContain('started a private Redis');
    expect(stdout).toBe('');
    expect(existsSync(join(dataDir, 'redis'))).toBe(false);
    expect(await answers(port)).toBe(false);
  }, 30_000);

  it.each([
    ['export', ['export', '--format', 'json']],
    ['shell', ['shell']],
    ['worker', ['worker']],
  ])(
    'GIVEN REDIS_URL unset and no Redis THEN %s waits and exits 1 without a private Redis',
    async (_name, args) => {
      const port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'imgbot-data-'));
      const { code, stdout, stderr } = await runImgbot(
        args,
        { IMGBOT_LOCAL_REDIS_PORT: String(port), IMGBOT_DATA_DIR: dataDir, ...WAIT },
        { input: '/help\n' },
      );

      expect(code).toBe(1);
      expect(stderr).toContain('did not answer within 2 s');
      expect(stdout).not.toContain('Exported');
      expect(existsSync(join(dataDir, 'redis'))).toBe(false);
      expect(await answers(port)).toBe(false);
    },
    30_000,
  );

  it.skipIf(!HAS_REDIS_SERVER)(
    'GIVEN Redis comes back while a command waits THEN the command runs against it',
    async () => {
      const port = await freePort();
      let starting: Promise<TestRedisServer> | undefined;
      const { code, stdout, stderr } = await runImgbot(
        ['export', '--format', 'json'],
        { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_WAIT_MS: '15000', LOG_LEVEL: 'info' },
        {
          // Redis starts only once the command has said that it is waiting.
          onStderr: (chunk) => {
            if (!starting && chunk.includes('does not answer')) starting = startTestRedisServer(port);
          },
        },
      );
      redis = await starting;

      expect(code, stderr).toBe(0);
      expect(stderr).toContain('waiting up to 15 s');
      expect(stderr).toContain('Redis answers; continuing');
      expect(JSON.parse(stdout)).toEqual([]);
    },
    30_000,
  );
});

describe('start-up checks the Redis it is given', () => {
  it.skipIf(!HAS_REDIS_SERVER)(
    'GIVEN a Redis that evicts keys THEN every command stops with the fix; GIVEN no persistence THEN only a warning',
    async () => {
      redis = await startTestRedisServer(undefined, ['--maxmemory-policy', 'allkeys-lru']);
      const evicting = await runImgbot(['export', '--format', 'json'], {
        REDIS_URL: redis.url,
        LOG_LEVEL: 'info',
      });
      expect(evicting.code).toBe(1);
      expect(evicting.stdout).toBe('');
      expect(evicting.stderr).toContain('maxmemory-policy allkeys-lru');
      expect(evicting.stderr).toContain('redis-cli CONFIG SET maxmemory-policy noeviction');
      await redis.kill();

      redis = await startTestRedisServer(); // noeviction, but --save "" --appendonly no (like CI's)
      const volatile = await runImgbot(['export', '--format', 'json'], {
        REDIS_URL: redis.url,
        LOG_LEVEL: 'info',
      });
      expect(volatile.code, volatile.stderr).toBe(0);
      expect(volatile.stderr).toContain('keeps no data on disk');
      expect(JSON.parse(volatile.stdout)).toEqual([]);
    },
    60_000,
  );
});
