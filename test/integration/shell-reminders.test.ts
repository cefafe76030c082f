/**
 * The shell end to end (`node bin/imgbot.mjs shell --json`, real Redis and
 * BullMQ): a reminder set for "in 5 seconds" is printed as a DM about five
 * seconds later, after the confirmation, before the piped session exits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runImgbot } from '../helpers/cli.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

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
async function shell(
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
  prefix = testPrefix();
  const lines: Line[] = [];
  const run = await runImgbot(
    ['shell', ...args],
    { REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'warn' },
    {
      input,
      killAfterMs: 40_000, // why: under the 45 s test timeout
      onLine: (line, at) => {
        if (line.trim()) lines.push({ at, json: JSON.parse(line) });
      },
    },
  );
  return { code: run.code, lines, stderr: run.stderr };
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
