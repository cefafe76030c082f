import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImgbot } from '../helpers/cli.ts';

const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A TCP port nothing listens on right now (the OS picks it, we release it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

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
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('npm start', () => {
  it.skipIf(!hasRedisServer)(
    'works on a machine with redis-server installed but not running',
    async () => {
      const port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'imgbot-data-'));
      const { code, stdout, stderr } = await runImgbot(
        ['start'],
        { REDIS_URL: `redis://127.0.0.1:${port}`, IMGBOT_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
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
});
