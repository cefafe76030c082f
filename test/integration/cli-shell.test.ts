import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runImgbot as run, runImgbot as runCli } from '../helpers/cli.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

/** `node bin/imgbot.mjs <args>` with `input` on stdin, as a script runs it. */
const runImgbot = (args: readonly string[], env: Record<string, string>, input = '') =>
  run(args, env, { input });

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

let prefix: string | undefined;
afterEach(async () => {
  if (!prefix) return;
  const redis = testRedis();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
  prefix = undefined;
});

function shellEnv(extra: Record<string, string> = {}): Record<string, string> {
  prefix = testPrefix();
  return { REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'info', ...extra };
}

describe('imgbot shell --json', () => {
  it('answers each line with one JSON line, logs each command with its latency, and exits 0', async () => {
    const run = await runImgbot(
      ['shell', '--json'],
      shellEnv(),
      '/help\n/nonsense\n/help command:nonsense\n',
    );
    expect(run.code, run.stderr).toBe(0);

    const out = lines(run.stdout);
    expect(out).toHaveLength(3);
    const [help, unknown, helpUnknown] = out.map((l) => JSON.parse(l));
    expect(help).toMatchObject({ title: 'imgbot commands', error: false, code: null });
    expect(help.fields.map((f: { value: string }) => f.value).join('\n')).toContain('/help:');
    expect(unknown).toMatchObject({ error: true, code: 'COMMAND.UNKNOWN' });
    expect(unknown.text).toContain('There is no command /nonsense.');
    expect(helpUnknown).toMatchObject({ error: true, code: 'HELP.UNKNOWN_COMMAND' });
    expect(helpUnknown.text).toContain('There is no command /nonsense.');

    // Logs go to stderr (stdout carries only replies): one per command, with its latency.
    const handled = lines(run.stderr)
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'handled');
    expect(handled.map((l) => [l.cmd, l.ok, l.code ?? null])).toEqual([
      ['help', true, null],
      ['nonsense', false, 'COMMAND.UNKNOWN'],
      ['help', false, 'HELP.UNKNOWN_COMMAND'],
    ]);
    for (const l of handled) expect(typeof l.ms).toBe('number');
  });

  it('sends a plain text line to the FAQ and prints one reply for it', async () => {
    const run = await runImgbot(['shell', '--json'], shellEnv(), 'how do I get ECFMG certified?\n');
    expect(run.code, run.stderr).toBe(0);
    const out = lines(run.stdout);
    expect(out).toHaveLength(1);
    const answer = JSON.parse(out[0] ?? '{}');
    expect(typeof answer.text).toBe('string');
    expect(answer.text.length).toBeGreaterThan(0);
    // Not read as a command line: no "commands start with /" or unknown-command error.
    expect(String(answer.code)).not.toMatch(/^(PARSE|COMMAND)\./);
  });

  it('refuses a bad --tz with a line naming the option and an example', async () => {
    const run = await runImgbot(['shell', '--json', '--tz', 'Mars/Base'], shellEnv(), '/help\n');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    const [first] = lines(run.stderr);
    expect(first).toContain("option '--tz <zone>'");
    expect(first).toContain('"Mars/Base" is not an IANA time zone. Example: --tz Asia/Karachi');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a bad environment with exit code 2 and exactly one line', async () => {
    const run = await runImgbot(
      ['shell', '--json'],
      shellEnv({ DEFAULT_TIMEZONE: 'Nowhere/City' }),
      '/help\n',
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'Configuration error: DEFAULT_TIMEZONE must be an IANA time zone name (got "Nowhere/City"). Example: DEFAULT_TIMEZONE=America/New_York',
    ]);
  });

  it('reads a .env in the current folder, with the real environment winning over it', async () => {
    prefix = testPrefix();
    const dir = mkdtempSync(join(tmpdir(), 'imgbot-dotenv-'));
    try {
      writeFileSync(
        join(dir, '.env'),
        // LOG_LEVEL=loud would stop start-up: the environment's own LOG_LEVEL must win over it.
        `DEFAULT_TIMEZONE=Asia/Karachi\nIMGBOT_CONFIG_DIR=${ROOT}config\nLOG_LEVEL=loud\n`,
      );
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        IMGBOT_PREFIX: prefix,
        IMGBOT_ENV_FILE: '',
        LOG_LEVEL: 'warn',
      };
      const run = await runCli(['shell', '--json'], env, { input: '/timezone\n', cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(lines(run.stdout)).toHaveLength(1);
      expect(JSON.parse(lines(run.stdout)[0] ?? '{}').text).toContain('Asia/Karachi');

      const off = await runCli(
        ['shell', '--json'],
        { ...env, IMGBOT_ENV_FILE: 'none' },
        { input: '/timezone\n', cwd: dir },
      );
      expect(off.code).toBe(2); // without the file, config/ is not found from this folder
      expect(off.stderr).toMatch(/Configuration error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
