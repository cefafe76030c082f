/**
 * Fail fast while Redis is away: on a private redis-server this test owns
 * (its own port; killed and frozen mid-test), a member's command is answered
 * "temporarily unavailable, nothing was changed" promptly instead of hanging
 * or crashing, the outage is logged a few times rather than hundreds, and
 * commands work again once Redis is back.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { settingsFileSchema } from '../../src/config/settings-file.ts';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { SHIPPED_FAQ } from '../helpers/app.ts';
import {
  HAS_REDIS_SERVER,
  startTestRedisServer,
  type TestRedisServer,
} from '../helpers/private-redis-server.ts';

let server: TestRedisServer | undefined;
let app: App | undefined;
afterEach(async () => {
  server?.resume();
  await app?.close().catch(() => undefined);
  await server?.kill();
  server = undefined;
  app = undefined;
});

// why: the target is 2 s; 5 s still tells "answers promptly" from today's 7-23 s hang on a loaded machine
const PROMPT_MS = 5_000;

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      out.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

async function timed(run: () => Promise<Reply>): Promise<{ reply: Reply; ms: number }> {
  const started = performance.now();
  const reply = await run();
  return { reply, ms: performance.now() - started };
}

describe.skipIf(!HAS_REDIS_SERVER)('commands while Redis is away', () => {
  it('GIVEN Redis killed, then frozen, then back THEN members hear "temporarily unavailable" and then normal answers', async () => {
    server = await startTestRedisServer();
    const log = capture();
    app = createApp({
      redisUrl: server.url,
      prefix: 'imgbot-outage:',
      settings: settingsFileSchema.parse({}),
      logger: log.logger,
      faqEntries: SHIPPED_FAQ,
    });
    const env = {
      actor: {
        userId: 'shell:amina',
        communityId: 'shell:local',
        displayName: 'amina',
        platformAdmin: false,
        roleIds: [],
      },
      deps: app.deps,
      registry: app.registry,
    };
    const remind = (what: string) => runTextCommand(`/remind when:"in 3 days" what:"${what}"`, env);

    const before = await remind('email the program');
    expect(before.error, before.text).toBeFalsy();

    // Killed: connection refused.
    await server.kill();
    const killed: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { reply, ms } = await timed(() => remind(`during outage ${i}`));
      expect(reply.code).toBe('UNAVAILABLE');
      expect(reply.text).toContain('temporarily unavailable');
      expect(reply.text).toContain('Nothing was changed');
      killed.push(ms);
    }
    expect(Math.max(...killed)).toBeLessThan(PROMPT_MS);

    // Back: the same command works again, and nothing from the outage was stored.
    await server.restart();
    const back = await waitForAnswer(() => remind('after the outage'));
    expect(back.error, back.text).toBeFalsy();

    // Frozen (SIGSTOP): the socket stays open but nothing answers; the command timeout answers for it.
    server.pause();
    const frozen = await timed(() => remind('while frozen'));
    server.resume();
    expect(frozen.reply.code).toBe('UNAVAILABLE');
    expect(frozen.ms).toBeLessThan(PROMPT_MS);

    const lines = log.lines();
    const outageLines = lines.filter(
      (l) => l.msg === 'redis connection error' || String(l.msg).includes('temporarily unavailable'),
    );
    // Logged, but rate-limited: a few lines, not one per retry or per command.
    expect(outageLines.length).toBeGreaterThan(0);
    expect(outageLines.length).toBeLessThanOrEqual(8);
    expect(lines.filter((l) => l.level === 50)).toEqual([]); // no "Something went wrong" errors
    process.stdout.write(
      `outage answers: killed ${killed.map((m) => Math.round(m)).join('/')} ms, frozen ${Math.round(frozen.ms)} ms; ${outageLines.length} outage log lines\n`,
    );
  }, 60_000);
});

async function waitForAnswer(run: () => Promise<Reply>): Promise<Reply> {
  const until = Date.now() + 20_000;
  for (;;) {
    const reply = await run();
    if (reply.code !== 'UNAVAILABLE' || Date.now() > until) return reply;
    await new Promise((r) => setTimeout(r, 200));
  }
}
