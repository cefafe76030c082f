/**
 * The entry points the core declares besides commands, against a wired core
 * on real Redis: free text, the permission check before a form, and the
 * member's overview as the shell's `/home` prints it.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ShellNotifier } from '../../src/bots/shell/shell-notifier.ts';
import { runShellSession } from '../../src/bots/shell/shell-session.ts';
import { checkPermission, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { runQuestion } from '../../src/core/commands/entry-points.ts';
import { buildHome } from '../../src/core/home/build-home.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function shellLines(
  core: TestApp,
  input: string,
  moderator = false,
): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  await runShellSession(
    { env: { deps: core.deps, registry: core.registry }, notifier: new ShellNotifier() },
    { user: 'amina', moderator, json: true, input: PassThrough.from([input]), output, interactive: false },
  );
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('free text', () => {
  it('GIVEN a question THEN the FAQ answers it, as the shell and Slack DMs do', async () => {
    app = createTestApp();
    const answer = await runQuestion('how long does an externship last?', app.as('amina'));
    expect(answer.error).toBe(false);
    expect(answer.ids).toContain('externship-duration');
  });
});

describe('the permission check before a form opens', () => {
  it('GIVEN a member and /post THEN the core refusal, in the words running /post gives', async () => {
    app = createTestApp();
    const post = app.registry.find('post');
    expect(post).toBeDefined();
    const refusal = await checkPermission(post!, app.as('amina'));
    const ran = await runTextCommand('/post', app.as('amina'));
    expect(refusal).toMatchObject({ error: true, code: 'PERMISSION.MODERATOR_ONLY', text: ran.text });
    expect(await checkPermission(post!, app.as('mod', { moderator: true }))).toBeUndefined();
  });
});

describe('the overview (Slack App Home, the shell /home)', () => {
  it('GIVEN a member with a reminder THEN their sections and commands to try, no review queue', async () => {
    app = createTestApp();
    await runTextCommand('/remind when:"in 3 days" what:"ask Dr. Chen for a letter"', app.as('amina'));
    const home = await buildHome(app.as('amina'));
    expect(home.sections.map((s) => s.heading)).toEqual(['Your next reminders', 'Your applications']);
    expect(JSON.stringify(home.sections[0]?.reply)).toContain('ask Dr. Chen for a letter');
    expect(home.commandsToTry.every((c) => c.permission === 'member')).toBe(true);
    expect(home.commandsToTry[0]?.group).toBe('opportunities');
  });

  it('GIVEN /home in the shell THEN one reply per section, then commands to try; moderators also get the queue', async () => {
    app = createTestApp();
    const member = await shellLines(app, '/home\n');
    expect(member.map((r) => r.title)).toEqual([
      'Your next reminders',
      'Your applications',
      'Commands to try',
    ]);
    expect(String(member.at(-1)?.text)).toContain('/observership');
    const moderator = await shellLines(app, '/home\n', true);
    expect(moderator.map((r) => r.title)).toContain('Review queue');
  });
});
