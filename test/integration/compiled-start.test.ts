import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runImgbot } from '../helpers/cli.ts';
import { cleanupPrefix, testPrefix, testRedis } from '../helpers/redis.ts';

// `npm run build` compiles src/ to dist/, and bin/imgbot.mjs then runs the
// compiled code: the same replies, without compiling TypeScript at start-up.
describe('the compiled build', () => {
  const prefix = testPrefix();
  afterEach(async () => cleanupPrefix(testRedis(), prefix));

  it('npm run build makes bin/imgbot.mjs run dist/, which answers like the sources', async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr + build.stdout).toBe(0);

    const version = await runImgbot(['--version'], {});
    expect(version.stdout).toMatch(/^imgbot \d+\.\d+\.\d+ \(compiled\)/);

    const run = await runImgbot(['shell', '--json'], { IMGBOT_PREFIX: prefix }, { input: '/help\n' });
    expect(run.code).toBe(0);
    const reply = JSON.parse(run.stdout.trim().split('\n')[0] ?? '{}') as { title?: string; error?: boolean };
    expect(reply.error).toBe(false);
    expect(reply.title).toMatch(/commands/i);
  }, 120_000);
});
