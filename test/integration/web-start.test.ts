/**
 * The README's two commands show the dashboard: `npm start` with no tokens
 * serves it on 127.0.0.1 with a local sign-in and prints its address;
 * `imgbot web` runs it alone. Real processes, real Redis under a test prefix.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, runImgbot } from '../helpers/cli.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

let prefix = '';
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
  child = undefined;
  const redis = testRedis();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

describe('the web dashboard from the command line', () => {
  it('GIVEN npm start with no tokens THEN it prints the local dashboard address and whom to sign in as', async () => {
    prefix = testPrefix();
    const run = await runImgbot(
      ['start'],
      { REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'warn', WEB_PORT: '0', USER: 'amina' },
      { input: '/help\n' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Web dashboard: http:\/\/127\.0\.0\.1:\d+\/login \(sign in as amina\)/);
  });

  it('GIVEN imgbot web THEN it serves the sign-in page on the address it prints', async () => {
    prefix = testPrefix();
    const proc = spawn(process.execPath, [`${ROOT}bin/imgbot.mjs`, 'web'], {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        REDIS_URL: TEST_REDIS_URL,
        IMGBOT_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        WEB_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      proc.stderr?.on('data', (d: Buffer) => {
        err += d;
        const m = /imgbot web dashboard: (http:\/\/\S+)/.exec(err);
        if (m?.[1]) resolve(m[1]);
      });
      proc.once('exit', (code) => reject(new Error(`imgbot web exited ${code}: ${err}`)));
    });
    const res = await fetch(`${url}/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Sign in');
    const stopped = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });
});
