/**
 * The Discord notifier (DMs and channel posts over REST) against the fake:
 * DM channel opened once and cached, Discord errors mapped to permanent or
 * transient outcomes, and no in-process retrying (the job system retries).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCustomIdCodec } from '../../src/bots/discord/custom-id.ts';
import { createRest } from '../../src/bots/discord/discord-client.ts';
import { DiscordNotifier } from '../../src/bots/discord/discord-notifier.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import { reply } from '../../src/core/reply.ts';
import { TEST_TOKEN } from './discord-harness.ts';
import {
  DiscordErrorCode,
  discordError,
  FAKE_IDS,
  FakeDiscord,
  json,
  rateLimited,
} from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start() {
  fake = await FakeDiscord.start({ token: TEST_TOKEN });
  const rest = createRest(TEST_TOKEN, fake.restUrl, true);
  return { fake, notifier: new DiscordNotifier(rest, createCustomIdCodec('s'), silentLogger) };
}

const USER = `discord:${FAKE_IDS.user}`;
const message = reply({ text: 'Reminder: email Dr. Rivera @everyone <@&123>' });

describe('DiscordNotifier', () => {
  it('opens the DM channel once, then posts with no mentions allowed', async () => {
    const { fake, notifier } = await start();
    expect(await notifier.sendDirect(USER, message)).toEqual({ ok: true });
    expect(await notifier.sendDirect(USER, reply({ text: 'second' }))).toEqual({ ok: true });

    const opens = fake.requestsTo('POST', '/users/@me/channels');
    expect(opens).toHaveLength(1);
    expect(opens[0]?.body).toEqual({ recipient_id: FAKE_IDS.user });
    const dm = fake.state.dmChannelByRecipient.get(FAKE_IDS.user);
    const [first] = fake.requestsTo('POST', `/channels/${dm}/messages`);
    expect(first?.body).toMatchObject({
      content: 'Reminder: email Dr. Rivera @\u200beveryone <@\u200b&123>',
      allowed_mentions: { parse: [] },
    });
  });

  it('GIVEN a retry with the same idempotency key THEN the member sees one message', async () => {
    const { fake, notifier } = await start();
    expect(notifier.dedupes()).toBe(true);
    const key = 'r5uy2qq0kl-1796150400000';
    expect(await notifier.sendDirect(USER, message, { idempotencyKey: key })).toEqual({ ok: true });
    // The worker crashed after Discord took the message; the retry carries the same key.
    expect(await notifier.sendDirect(USER, message, { idempotencyKey: key })).toEqual({ ok: true });
    expect(
      await notifier.sendDirect(USER, reply({ text: 'next occurrence' }), { idempotencyKey: `${key}1` }),
    ).toEqual({
      ok: true,
    });

    const dm = fake.state.dmChannelByRecipient.get(FAKE_IDS.user);
    const posts = fake.requestsTo('POST', `/channels/${dm}/messages`);
    expect(posts).toHaveLength(3);
    expect(posts[0]?.body).toMatchObject({ enforce_nonce: true });
    expect((posts[0]?.body as { nonce?: string } | undefined)?.nonce).toHaveLength(25);
    expect(fake.state.messages.filter((m) => m.channel_id === dm).map((m) => m.content)).toEqual([
      'Reminder: email Dr. Rivera @\u200beveryone <@\u200b&123>',
      'next occurrence',
    ]);
  });

  it('GIVEN 50007 (DMs closed) THEN permanent after one attempt', async () => {
    const { fake, notifier } = await start();
    fake.respondAlways(
      'POST',
      '/channels/:id/messages',
      discordError(403, DiscordErrorCode.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
    );
    expect(await notifier.sendDirect(USER, message)).toEqual({
      ok: false,
      permanent: true,
      reason: '50007 cannot send messages to this user',
    });
    expect(fake.requestsTo('POST', '/channels/:id/messages')).toHaveLength(1);
  });

  it('GIVEN 10013 (unknown user) when opening the DM THEN permanent', async () => {
    const { fake, notifier } = await start();
    fake.respondOnce('POST', '/users/@me/channels', discordError(404, 10013, 'Unknown User'));
    expect(await notifier.sendDirect(USER, message)).toMatchObject({ ok: false, permanent: true });
  });

  it('GIVEN a 429 with retry-after THEN transient with retryAfterMs, not retried in-process', async () => {
    const { fake, notifier } = await start();
    await notifier.sendDirect(USER, reply({ text: 'warm the DM cache' }));
    fake.respondOnce('POST', '/channels/:id/messages', rateLimited(1.5));
    const outcome = await notifier.sendDirect(USER, message);
    expect(outcome).toMatchObject({ ok: false, permanent: false });
    expect(outcome.ok === false && outcome.retryAfterMs).toBeGreaterThanOrEqual(1_500);
    expect(fake.requestsTo('POST', '/channels/:id/messages')).toHaveLength(2); // warm-up + the 429

    // The job system retries later (discord-reminders.test.ts); Discord then accepts.
    expect(await notifier.sendDirect(USER, message)).toEqual({ ok: true });
    expect(fake.requestsTo('POST', '/channels/:id/messages').map((r) => r.response.status)).toEqual([
      200, 429, 200,
    ]);
  });

  it('GIVEN a 5xx THEN transient after one attempt', async () => {
    const { fake, notifier } = await start();
    fake.respondAlways('POST', '/channels/:id/messages', json(502, { message: 'Bad Gateway', code: 0 }));
    expect(await notifier.sendDirect(USER, message)).toMatchObject({ ok: false, permanent: false });
    expect(fake.requestsTo('POST', '/channels/:id/messages')).toHaveLength(1);
  });

  it('posts to a channel address, and reports a deleted channel as permanent', async () => {
    const { fake, notifier } = await start();
    const post = reply({
      title: 'New listing',
      text: 'Cardiology observership',
      fields: [{ name: 'Where', value: 'NY' }],
    });
    expect(await notifier.sendToChannel(`discord:${FAKE_IDS.textChannel}`, post)).toEqual({ ok: true });
    const [sent] = fake.requestsTo('POST', `/channels/${FAKE_IDS.textChannel}/messages`);
    expect(sent?.body).toMatchObject({ embeds: [{ title: 'New listing' }], allowed_mentions: { parse: [] } });

    expect(await notifier.sendToChannel('discord:1300000000000009999', post)).toEqual({
      ok: false,
      permanent: true,
      reason: '10003 unknown channel',
    });
    expect(await notifier.sendToChannel('slack:T1:C1', post)).toMatchObject({ ok: false, permanent: true });
  });

  it('sends an attachment as a file', async () => {
    const { fake, notifier } = await start();
    const withFile = reply({
      text: 'Your data',
      attachment: { name: 'mydata.json', mime: 'application/json', content: '{}' },
    });
    expect(await notifier.sendDirect(USER, withFile)).toEqual({ ok: true });
    const [upload] = fake.requestsTo('POST', '/channels/:id/messages');
    expect(upload?.bodyKind).toBe('multipart');
    expect(upload?.files.map((f) => f.filename)).toEqual(['mydata.json']);
  });
});
