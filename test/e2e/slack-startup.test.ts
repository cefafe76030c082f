/**
 * How the adapter starts: Socket Mode (SLACK_APP_TOKEN) against a fake
 * Socket Mode server, with the same listeners as HTTP mode; a wrong bot
 * token stops start-up with Slack's reason; the HTTP receiver answers a
 * health check for load balancers.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../src/bots/slack/start-slack.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import {
  eventCallbackBody,
  FAKE_BOT_TOKEN,
  FAKE_SIGNING_SECRET,
  FakeSlack,
  FakeSocketMode,
  type JsonObject,
  RESPONSE_URL_METHOD,
  slashCommandBody,
} from './fake-slack/index.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

const logger = pino({ level: process.env.IMGBOT_TEST_LOG ?? 'silent' });

async function core(): Promise<{ fake: FakeSlack; app: TestApp }> {
  const fake = await FakeSlack.start();
  const app = createTestApp();
  cleanups.push(
    () => fake.close(),
    () => app.dispose(),
  );
  return { fake, app };
}

describe('Slack adapter start-up', () => {
  it('Socket Mode: connects with the app token and answers commands and events over the socket', async () => {
    const { fake, app } = await core();
    const socket = await FakeSocketMode.start(fake);
    cleanups.push(() => socket.close());
    const adapter: SlackAdapter = await startSlackAdapter(app, {
      mode: { kind: 'socket', appToken: 'xapp-1-A0FAKEAPP-fake-app-token' },
      botToken: FAKE_BOT_TOKEN,
      slackApiUrl: fake.apiUrl,
      logger,
    });
    cleanups.push(() => adapter.stop());
    await socket.waitConnected();
    expect(socket.appTokens).toEqual(['xapp-1-A0FAKEAPP-fake-app-token']);

    const responseUrl = fake.newResponseUrl();
    const form = slashCommandBody({
      command: '/externship',
      text: 'specialty:IM',
      response_url: responseUrl,
    });
    const ack = await socket.send('slash_commands', Object.fromEntries(new URLSearchParams(form.rawBody)));
    expect(ack.envelope_id).toBeDefined();
    const answer = await fake.waitForCall(
      (c) => c.method === RESPONSE_URL_METHOD && responseUrl.endsWith(`/${c.responseId}`),
      10_000,
    );
    expect(answer.receivedAt).toBeGreaterThanOrEqual(ack.receivedAt); // acked first, answered after
    expect(blockTexts(answer.body.blocks as JsonObject[]).join(' ')).toContain('Externships');

    const dm = eventCallbackBody({
      type: 'message',
      channel_type: 'im',
      channel: 'DU0SOCKET1',
      user: 'U0SOCKET1',
      text: 'what is an observership?',
      ts: '1767000000.000200',
    });
    await socket.send('events_api', JSON.parse(dm.rawBody));
    const reply = await fake.waitForCall('chat.postMessage', 10_000);
    expect(reply.body.channel).toBe('DU0SOCKET1');
  });

  it('GIVEN a revoked bot token THEN start-up fails with Slack’s reason', async () => {
    const { fake, app } = await core();
    fake.failAlways('auth.test', 'invalid_auth');
    await expect(
      startSlackAdapter(app, {
        mode: { kind: 'http', signingSecret: FAKE_SIGNING_SECRET, port: 0, host: '127.0.0.1' },
        botToken: 'xoxb-revoked',
        slackApiUrl: fake.apiUrl,
        logger,
      }),
    ).rejects.toThrow(/Slack start-up failed: .*invalid_auth/);
  });

  it('HTTP mode answers GET /healthz', async () => {
    const h: SlackHarness = await startSlackHarness();
    cleanups.push(() => h.close());
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
