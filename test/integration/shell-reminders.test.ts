/**
 * The shell end to end (`node bin/imgbot.mjs shell --json`, real Redis and
 * BullMQ): a reminder set for "in 5 seconds" is printed as a DM about five
 * seconds later, after the confirmation, before the piped session exits.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Line {
  readonly at: number;
  readonly json: Record<string, unknown>;
}

let prefix: string | undefined;
afterEach(async () => {
  if (!prefix) return;
  const redis = testRedis();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
  prefix = undefined;
});

/** Runs the shell with `input` piped in; every stdout line with the moment it arrived. */
function shell(
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
  prefix = testPrefix();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DISCORD_|SLACK_|IMGBOT_|REDIS_URL|DEFAULT_TIMEZONE)/.test(k),
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/imgbot.mjs', 'shell', ...args], {
      cwd: ROOT,
      env: { ...env, REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) lines.push({ at: Date.now(), json: JSON.parse(p) });
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000); // why: under the 45 s test timeout
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, lines, stderr });
    });
    child.stdin.end(input);
  });
}

describe('imgbot shell --json with a reminder', () => {
  it('prints the DM about 5 seconds after /remind when:"in 5 seconds", then exits 0', async () => {
    const run = await shell(
      ['--json', '--user', 'amina'],
      '/remind when:"in 5 seconds" what:"email Dr. Rivera"\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toHaveLength(2);
    const [set, dm] = run.lines;
    expect(set?.json).toMatchObject({ title: 'Reminder set', error: false });
    expect(String(set?.json.text)).toContain('"email Dr. Rivera"');
    expect(dm?.json).toMatchObject({
      dm: true,
      to: 'shell:amina',
      title: 'Reminder',
      text: 'email Dr. Rivera',
    });
    expect(((dm?.json.actions ?? []) as { label: string }[]).map((a) => a.label)).toEqual([
      'Snooze 15 min',
      'Snooze 1 hour',
      'Tomorrow 09:00',
      'Done',
    ]);
    // Not before its time: the DM comes a good 4 seconds after the confirmation.
    expect(dm!.at - set!.at).toBeGreaterThanOrEqual(4_000);
  }, 45_000);
});
