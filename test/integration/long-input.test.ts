/**
 * An over-long input is refused without being echoed back whole: the error
 * names the option, the limit and the length, and quotes only the start.
 * Through the core (text lines as the shell and Slack send them, and typed
 * values as Discord sends them) with real Redis; nothing is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const WALL = `${'lorem ipsum dolor sit amet '.repeat(200).slice(0, 4999)}x`; // why: the 5,000-character paste of the issue

describe('over-long input', () => {
  it('GIVEN a 5,000-character what: THEN the error names what:, 300 and 5000 and quotes at most 40 characters', async () => {
    app = createTestApp();
    const r = await runTextCommand(`/remind when:tomorrow what:"${WALL}"`, app.as('ana'));
    expect(r).toMatchObject({ error: true, code: 'OPTION.TOO_LONG' });
    expect(r.text).toMatch(/^Option what of \/remind is too long: 5000 characters, and the limit is 300\./);
    expect(r.text).toContain('It begins "lorem ipsum dolor sit amet lorem ipsum d…".');
    expect(r.text.length).toBeLessThan(250);
    expect((await runTextCommand('/reminders', app.as('ana'))).text).toMatch(
      /^You have no pending reminders/,
    );
  });

  it('GIVEN a 5,000-character title: typed in Discord THEN the same short refusal, and nothing waits for review', async () => {
    app = createTestApp();
    const r = await runCommand(
      'suggest',
      {
        title: WALL,
        type: 'observership',
        specialties: 'IM',
        institution: 'Pinecrest Valley Hospital',
        city: 'Paterson',
      },
      app.as('ana', { platform: 'discord' }),
    );
    expect(r).toMatchObject({ error: true, code: 'OPTION.TOO_LONG' });
    expect(r.text).toMatch(/^Option title of \/suggest is too long: 5000 characters, and the limit is 150\./);
    expect(r.text.length).toBeLessThan(250);
    expect((await app.deps.listings.pending(0, 10)).total).toBe(0);
  });

  it('GIVEN a long unknown option, stray word or command name THEN none is repeated whole', async () => {
    app = createTestApp();
    const word = 'x'.repeat(3000);
    for (const line of [
      `/remind when:tomorrow what:hi ${word}:y`,
      `/help "${word}"`,
      `/${word}`,
      `/track ${word}`,
    ]) {
      const r = await runTextCommand(line, app.as('ana'));
      expect(r.error, line.slice(0, 30)).toBe(true);
      expect(r.text.length, r.text.slice(0, 80)).toBeLessThan(400);
    }
  });
});
