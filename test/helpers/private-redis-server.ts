import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { redisAnswers } from '../../src/store/redis-connection.ts';

/** True when `redis-server` can be started by a test. */
export const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A TCP port nothing listens on right now (the OS picks it, we release it). */
export function freePort(): Promise<number> {
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

/** A throw-away redis-server a test owns: its own port, no persistence, killed by the test. */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it at once (SIGKILL: like a crash or a cable pulled). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it had no persistence). */
  restart(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open but nothing answers, like a hung host. */
  pause(): void;
  /** Thaws it (SIGCONT). */
  resume(): void;
}

async function spawnRedis(port: number, extra: readonly string[] = []): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers(url, 300)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`test redis-server on port ${port} did not start`);
}

/** Starts a private redis-server for one test (stop it with `kill()` in afterEach). */
export async function startTestRedisServer(
  port?: number,
  extraArgs: readonly string[] = [],
): Promise<TestRedisServer> {
  const p = port ?? (await freePort());
  let child: ChildProcess | undefined = await spawnRedis(p, extraArgs);
  return {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    async kill() {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null || (c.signalCode !== null && c.signalCode !== 'SIGSTOP')) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async restart() {
      if (child) return;
      child = await spawnRedis(p, extraArgs);
    },
  };
}
