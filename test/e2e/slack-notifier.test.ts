/**
 * The Slack notifier (the core's DM port) against the fake Web API with the
 * real WebClient: a DM is chat.postMessage to the member's user id; Slack's
 * errors become permanent or transient outcomes; a 429 is reported with its
 * Retry-After at once (the job system waits, not the client).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackNotifier } from '../../src/bots/slack/slack-notifier.ts';
import { registerSlackNotifier } from '../../src/bots/slack/start-slack.ts';
import { parseEnv } from '../../src/config/env.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { reply } from '../../src/core/reply.ts';
import { createTestApp } from '../helpers/app.ts';
import { blockTexts } from './fake-slack/harness.ts';
import { FAKE_BOT_TOKEN, FakeSlack, type JsonObject } from './fake-slack/index.ts';

let fake: FakeSlack;
let notifier: SlackNotifier;
beforeEach(async () => {
  fake = await FakeSlack.start();
  notifier = new SlackNotifier({
    tokenFor: async (team) => (team === 'T0FAKE' ? FAKE_BOT_TOKEN : undefined),
    logger: silentLogger,
    slackApiUrl: fake.apiUrl,
  });
});
afterEach(async () => {
  await fake.close();
});

const USER = 'slack:T0FAKE:U0DM00001';
const message = reply({ title: 'Reminder', text: 'Email Dr. Rivera <!channel> & <@U999>' });

describe('SlackNotifier', () => {
  it('posts the DM to the member’s user id with the workspace token, escaped', async () => {
    expect(await notifier.sendDirect(USER, message)).toEqual({ ok: true });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.headers.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expect(call?.body.channel).toBe('U0DM00001');
    expect(call?.body.text).toBe('Reminder: Email Dr. Rivera &lt;!channel&gt; &amp; &lt;@U999&gt;');
    expect(blockTexts(call?.body.blocks as JsonObject[])).toContain(
      'Email Dr. Rivera &lt;!channel&gt; &amp; &lt;@U999&gt;',
    );
    expect(fake.callsTo('conversations.open')).toEqual([]); // posting to a user id opens the app DM
  });

  it.each(['not_in_channel', 'user_not_found', 'account_inactive', 'channel_not_found', 'is_archived'])(
    'GIVEN %s THEN permanent after one attempt',
    async (error) => {
      fake.failAlways('chat.postMessage', error);
      expect(await notifier.sendDirect(USER, message)).toEqual({ ok: false, permanent: true, reason: error });
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('GIVEN a 429 with Retry-After THEN transient with that wait, reported at once (no in-client retry)', async () => {
    fake.respondOnce('chat.postMessage', {
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await notifier.sendDirect(USER, message)).toEqual({
      ok: false,
      permanent: false,
      reason: 'ratelimited',
      retryAfterMs: 7_000,
    });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await notifier.sendDirect(USER, message)).toEqual({ ok: true });
  });

  it('GIVEN a 200 "ratelimited" body, a 5xx or no token THEN transient', async () => {
    fake.respondOnce('chat.postMessage', { body: { ok: false, error: 'ratelimited' } });
    expect(await notifier.sendDirect(USER, message)).toMatchObject({ ok: false, permanent: false });
    fake.respondOnce('chat.postMessage', { status: 503, body: 'upstream down' });
    expect(await notifier.sendDirect(USER, message)).toMatchObject({ ok: false, permanent: false });
    expect(await notifier.sendDirect('slack:T0NOTOKEN:U1', message)).toMatchObject({
      ok: false,
      permanent: false,
      reason: 'no bot token for workspace T0NOTOKEN',
    });
    expect(await notifier.sendDirect('discord:123', message)).toMatchObject({ ok: false, permanent: true });
  });

  it('registerSlackNotifier (for `imgbot worker`) routes slack: addresses of the core notifier', async () => {
    const app = createTestApp();
    try {
      const env = parseEnv({
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-x',
        SLACK_API_URL: fake.apiUrl,
      });
      if (!env.ok) throw new Error(env.message);
      registerSlackNotifier(app, env.value, silentLogger);
      expect(await app.notifier.sendDirect(USER, message)).toEqual({ ok: true });
      expect(fake.callsTo('chat.postMessage')[0]?.body.channel).toBe('U0DM00001');
    } finally {
      await app.dispose();
    }
  });

  it('posts to a channel address (announcements)', async () => {
    expect(await notifier.sendToChannel('slack:T0FAKE:C0JOBS001', message)).toEqual({ ok: true });
    expect(fake.callsTo('chat.postMessage')[0]?.body.channel).toBe('C0JOBS001');
  });
});
