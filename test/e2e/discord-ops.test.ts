/**
 * What an operator's probes and dashboards see of a Discord process
 * (`imgbot start` with DISCORD_TOKEN and HEALTH_PORT, the real CLI against the
 * fake Discord): /readyz says "not ready" while the gateway is not connected,
 * before the first login completes and again while a dropped connection is
 * being resumed, and "ready" once it is back, while /healthz says alive all
 * along; every 429 Discord answers, to a reminder's DM or to an interaction
 * reply, counts in imgbot_platform_rate_limited_total{platform="discord"}.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/bots/discord/start-discord.ts';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { freePort } from '../helpers/private-redis-server.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import { type RoleProcess, startRole } from '../helpers/role-process.ts';
import { eventually } from '../integration/reminder-harness.ts';
import { bodyOf, CALLBACK, FAKE_IDS, MEMBER, ORIGINAL, TEST_TOKEN } from './discord-harness.ts';
import {
  chatInputCommand,
  FakeDiscord,
  makeBotUser,
  makeGuildCreate,
  rateLimited,
  requestTo,
} from './fake-discord/index.ts';

// why: tsx compiles the app on first start and the reminder rides real BullMQ, on a loaded 2-core machine
const WAIT_MS = 45_000;
const DM_POSTS = '/channels/:id/messages';

let fake: FakeDiscord | undefined;
let app: TestApp | undefined;
const roles: RoleProcess[] = [];
afterEach(async () => {
  for (const r of roles.splice(0)) await r.stop('SIGKILL');
  await app?.reminderScheduler.queue.obliterate({ force: true }).catch(() => undefined);
  await app?.dispose();
  await fake?.close();
  app = fake = undefined;
});

interface Readiness {
  status: number;
  body: { ready: boolean; stopping: boolean; checks: Record<string, boolean> };
}

async function readyz(base: string): Promise<Readiness> {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
}

/** The value of one sample of the exposition text (undefined when absent). */
async function sample(
  base: string,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('imgbot start with DISCORD_TOKEN and HEALTH_PORT', () => {
  it('GIVEN the gateway connecting, connected, dropped and back THEN /readyz follows it; 429s from Discord are counted', async () => {
    fake = await FakeDiscord.start({
      token: TEST_TOKEN,
      guilds: [makeGuildCreate({ botUser: makeBotUser() })],
      callbackDeadlineMs: WAIT_MS, // why: Discord's 3 s, widened for a busy CI machine
    });
    const discord = fake;
    const a = createTestApp();
    app = a;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    discord.gateway.hold(); // the gateway does not greet: the first login cannot complete yet
    const role = startRole(['start'], {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: discord.restUrl,
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: a.keys.prefix,
      HEALTH_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    roles.push(role);

    // Logging in: alive, not ready, and it says which part is missing.
    await role.waitForLog('health and metrics listening', WAIT_MS);
    await eventually(() => expect(discord.gateway.sessions.length).toBeGreaterThan(0), WAIT_MS);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const connecting = await readyz(base);
    expect(connecting.status).toBe(503);
    expect(connecting.body).toMatchObject({ ready: false, checks: { redis: true, discord_gateway: false } });

    // Connected: ready.
    discord.gateway.release();
    await role.waitForLog('imgbot is running', WAIT_MS);
    expect(await readyz(base)).toEqual({
      status: 200,
      body: { ready: true, stopping: false, checks: { redis: true, discord_gateway: true, workers: true } },
    });

    // A reminder's DM answered with 429 once: retried, delivered, counted.
    const limits = () => sample(base, 'imgbot_platform_rate_limited_total', { platform: 'discord' });
    expect(await limits()).toBeUndefined();
    discord.respondOnce('POST', DM_POSTS, rateLimited(0.5));
    const set = await runTextCommand(
      '/remind when:"in 2 seconds" what:"upload the ECFMG certificate"',
      a.as(FAKE_IDS.user, { platform: 'discord' }),
    );
    expect(set.error).toBe(false);
    const dm = await discord.waitForRequest(
      (r) => requestTo('POST', DM_POSTS)(r) && r.response.status === 200,
      WAIT_MS,
    );
    expect(bodyOf(dm).embeds?.[0]?.description).toBe('upload the ECFMG certificate');
    expect(discord.requestsTo('POST', DM_POSTS).map((r) => r.response.status)).toEqual([429, 200]);
    await eventually(async () => expect(await limits()).toBe(1), WAIT_MS);

    // An interaction reply answered with 429 once: discord.js waits and answers; counted too.
    discord.respondOnce('POST', CALLBACK, rateLimited(0.2));
    const help = chatInputCommand({ name: 'help', ...MEMBER });
    discord.injectInteraction(help);
    await discord.waitForRequest(
      (r) =>
        r.path.includes(help.token) &&
        r.response.status < 300 &&
        (requestTo('POST', CALLBACK)(r) || requestTo('PATCH', ORIGINAL)(r)),
      WAIT_MS,
    );
    await eventually(async () => expect(await limits()).toBe(2), WAIT_MS);

    // The connection drops and cannot resume yet: not ready (the process keeps serving /healthz).
    discord.gateway.hold();
    discord.gateway.closeSessions(4000, 'fake-discord: unknown error, reconnect');
    await eventually(async () => {
      const dropped = await readyz(base);
      expect(dropped.status).toBe(503);
      expect(dropped.body.checks).toEqual({ redis: true, discord_gateway: false, workers: true });
    }, WAIT_MS);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // Resumed: ready again.
    discord.gateway.release();
    await eventually(async () => expect((await readyz(base)).status).toBe(200), WAIT_MS);
    expect(discord.gateway.sessions.some((s) => s.sent.some((f) => f.t === 'RESUMED'))).toBe(true);

    expect(await role.stop('SIGTERM')).toBe(0);
  }, 180_000); // why: boot, a real delayed job and two reconnects on a loaded machine; a passing run takes seconds

  it('GIVEN a gateway that never greets THEN login gives up with a clear error instead of hanging', async () => {
    fake = await FakeDiscord.start({ token: TEST_TOKEN });
    fake.gateway.hold();
    app = createTestApp();
    await expect(
      startDiscordAdapter(app, {
        token: TEST_TOKEN,
        apiUrl: fake.restUrl,
        logger: pino({ level: 'silent' }),
        readyTimeoutMs: 1_000, // why: the shortest wait that is still a real network round trip
      }),
    ).rejects.toThrow('Discord login failed: no gateway shard became ready within 1000 ms');
    expect(fake.gateway.sessions.length).toBeGreaterThan(0);
    expect(fake.gateway.identifiedShards).toEqual([]);
    // discord.js may still hold a reconnecting socket of that client; closing the fake (afterEach) ends it.
  });
});
