/**
 * The shell as a person reads it (`imgbot shell`, text mode, real Redis):
 * answers without Markdown markers and with related topics once; /setup with
 * names; a local role from `--role`; an over-long option refused briefly.
 * Two runs in all: starting the shell is the slow part on a busy machine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runImgbot } from '../helpers/cli.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

// why: a shell run takes seconds normally and up to ~40 s on a loaded 2-core machine
const RUN_MS = 55_000;

let prefix: string | undefined;
afterEach(async () => {
  if (!prefix) return;
  const redis = testRedis();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
  prefix = undefined;
});

async function shell(args: readonly string[], input: string): Promise<string> {
  prefix ??= testPrefix();
  const run = await runImgbot(
    ['shell', ...args],
    { REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'warn' },
    { input, killAfterMs: RUN_MS },
  );
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** The replies of a text-mode run: blocks separated by a blank line after each reply. */
function replies(out: string, count: number): string[] {
  const parts = out.split(/\n\n(?===|Error:)/);
  expect(parts, out.slice(0, 500)).toHaveLength(count);
  return parts;
}

describe('imgbot shell (text)', () => {
  it(
    'plain FAQ answers, /setup by name, a --role holder moderates, long input refused briefly',
    async () => {
      const what = `${'a'.repeat(4999)}z`;
      const out = await shell(
        ['--user', 'admin', '--mod'],
        [
          'how long does an externship last?',
          '/setup mod_role:@Moderators announce_channel:#opportunities',
          `/remind when:tomorrow what:"${what}"`,
        ].join('\n'),
      );
      const [faq, setup, long] = replies(out, 3);

      // 20: no Markdown markers; each related topic once.
      expect(faq).toContain('== How long do externships last? ==');
      expect(faq).toContain('Most externships run 4-12 weeks per rotation');
      expect(faq).toContain('General guidance only: durations depend on each host.');
      expect(faq).not.toMatch(/\*\*|__|(^|\s)_[A-Za-z]|`/m);
      for (const topic of [
        'How much U.S. clinical experience do I need?',
        'How and when do I ask for a letter of recommendation?',
      ]) {
        expect(faq?.split(topic), topic).toHaveLength(2); // exactly once
      }
      expect(faq).not.toMatch(/\/faq id:|related:/i);

      // 23: names work in the shell.
      expect(setup).toContain('== Community setup saved ==');
      expect(setup).toContain('Moderator role:\n   @Moderators');
      expect(setup).toContain('Announcement channel:\n   #opportunities');

      // 24: the option, the limit, the length, and only the start of the text.
      expect(long).toContain(
        'Error: Option what of /remind is too long: 5000 characters, and the limit is 300.',
      );
      expect(long).toContain(`It begins "${'a'.repeat(40)}…".`);
      expect(out).not.toContain('a'.repeat(41));
      expect(long?.length).toBeLessThan(300);

      const member = await shell(['--user', 'ana', '--role', 'Moderators'], '/setup\n');
      expect(member).toContain('== Community setup ==');
      expect(member).toContain('@Moderators');
    },
    2 * RUN_MS + 10_000,
  );
});
