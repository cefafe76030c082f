/**
 * `imgbot start` with DISCORD_TOKEN set, as an operator runs it: a child
 * process (the real CLI, real Redis, real BullMQ) against the fake Discord.
 * Proves the composition: configuration read and validated, gateway found
 * through GET /gateway/bot, only the Guilds intent, commands answered, the
 * reminder worker delivering DMs in the same process, a clean stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp } from '../helpers/app.ts';
import { cleanEnv, ROOT } from '../helpers/cli.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';
import { bodyOf, CALLBACK, FOLLOWUP, ORIGINAL, TEST_TOKEN } from './discord-harness.ts';
import {
  chatInputCommand,
  FAKE_IDS,
  FakeDiscord,
  makeBotUser,
  makeGuildCreate,
  opt,
  requestTo,
} from './fake-discord/index.ts';

// why: tsx compiles the whole app on first start; a loaded 2-core machine can take many seconds
const BOOT_WAIT_MS = 45_000;
const WAIT_MS = 25_000;

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
let prefix: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('close', resolve));
  }
  child = undefined;
  await fake?.close();
  fake = undefined;
  if (prefix) {
    const redis = testRedis();
    await cleanupPrefix(redis, prefix);
    await redis.quit();
    prefix = undefined;
  }
});

/** Starts `node bin/imgbot.mjs <command>`; resolves once its log shows `ready` (the adapter's by default). */
function startImgbot(
  env: Record<string, string>,
  command: 'start' | 'worker' = 'start',
  ready = '"msg":"discord adapter ready"',
): Promise<{ proc: ChildProcess; log: () => string }> {
  const proc = spawn(process.execPath, ['bin/imgbot.mjs', command], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env }, // nothing from the developer's own environment leaks in
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`imgbot did not get ready:\n${log}`)), BOOT_WAIT_MS);
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes(ready)) {
        clearTimeout(timer);
        resolve({ proc, log: () => log });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`imgbot exited with ${code} before it was ready:\n${log}`));
    });
  });
}

describe('imgbot start with DISCORD_TOKEN', () => {
  it('runs the Discord adapter and the workers in one process, configured from the environment', async () => {
    fake = await FakeDiscord.start({
      token: TEST_TOKEN,
      guilds: [makeGuildCreate({ botUser: makeBotUser() })],
      callbackDeadlineMs: WAIT_MS, // why: Discord's 3 s, widened for a busy CI machine
    });
    prefix = testPrefix();
    const { proc } = await startImgbot({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: fake.restUrl,
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: prefix,
      LOG_LEVEL: 'info',
    });

    // The gateway URL came from GET /gateway/bot with the configured token; only the Guilds intent.
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(fake.gateway.sessions[0]?.identify?.intents).toBe(1);

    const cmd = chatInputCommand({
      name: 'remind',
      options: [opt.string('when', 'in 2 seconds'), opt.string('what', 'call the externship office')],
    });
    fake.injectInteraction(cmd);
    // The answer: in the initial callback when quick, else the edit of a deferred one.
    const answer = await fake.waitForRequest(
      (r) =>
        r.path.includes(cmd.token) &&
        (requestTo('PATCH', ORIGINAL)(r) ||
          (requestTo('POST', CALLBACK)(r) &&
            bodyOf(r).type === InteractionResponseType.ChannelMessageWithSource)),
      WAIT_MS,
    );
    const message =
      answer.method === 'PATCH' ? bodyOf(answer) : bodyOf({ ...answer, body: bodyOf(answer).data });
    expect(message.embeds?.[0]?.title).toBe('Reminder set');

    const dm = await fake.waitForRequest(
      (r) => requestTo('POST', '/channels/:id/messages')(r) && r.response.status === 200,
      WAIT_MS,
    );
    expect(dm.path).toBe(`/channels/${fake.state.dmChannelByRecipient.get(FAKE_IDS.user)}/messages`);
    expect(bodyOf(dm).embeds?.[0]?.description).toBe('call the externship office');
    expect(fake.requestsTo('POST', FOLLOWUP)).toEqual([]); // no apology follow-ups
    expect(fake.unhandledRequests).toEqual([]);

    const exited = new Promise<number | null>((resolve) => proc.once('close', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000); // why: boot + two waits on a loaded machine; a passing run takes a few seconds

  it('imgbot worker alone delivers a Discord reminder set through another process', async () => {
    fake = await FakeDiscord.start({ token: TEST_TOKEN, guilds: [] });
    const app = createTestApp();
    prefix = app.options.prefix;
    try {
      const set = await runTextCommand(
        '/remind when:"in 3 seconds" what:"send the CV to Dr. Okafor"',
        app.as(FAKE_IDS.user, { platform: 'discord' }),
      );
      expect(set.error).toBe(false);
      const { proc } = await startImgbot(
        {
          DISCORD_TOKEN: TEST_TOKEN,
          DISCORD_APPLICATION_ID: FAKE_IDS.application,
          DISCORD_API_URL: fake.restUrl,
          REDIS_URL: TEST_REDIS_URL,
          IMGBOT_PREFIX: prefix,
          LOG_LEVEL: 'info',
        },
        'worker',
        '"msg":"workers running; stop with Ctrl-C"',
      );
      const dm = await fake.waitForRequest(
        (r) => requestTo('POST', '/channels/:id/messages')(r) && r.response.status === 200,
        WAIT_MS,
      );
      expect(bodyOf(dm).embeds?.[0]?.description).toBe('send the CV to Dr. Okafor');
      // No gateway: a worker delivers over REST only.
      expect(fake.gateway.sessions).toEqual([]);
      const exited = new Promise<number | null>((resolve) => proc.once('close', resolve));
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});
