/**
 * Reminders end in a Slack DM: `/remind` (typed as `/imgbot remind`, since
 * Slack keeps `/remind`) and the "Remind me about this" message shortcut
 * schedule a BullMQ job on real Redis; the real reminder worker delivers it
 * through the Slack notifier (chat.postMessage to the member). A 429
 * `ratelimited` is retried after Retry-After; a permanent error marks the
 * member undeliverable and is not retried.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import {
  FAKE_TEAM_DOMAIN,
  type FakeActor,
  type FakeCall,
  type JsonObject,
  messageShortcutBody,
} from './fake-slack/index.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const dmTo = (user: FakeActor) => (c: FakeCall) =>
  c.method === 'chat.postMessage' && c.body.channel === user.id;
const textOf = (c: FakeCall) =>
  `${String(c.body.text)}\n${blockTexts(c.body.blocks as JsonObject[]).join('\n')}`;

async function remind(harness: SlackHarness, user: FakeActor, what: string) {
  const { res, responseUrl } = await harness.command('/imgbot', `remind when:"in 2 seconds" what:"${what}"`, {
    user,
  });
  expect(res.status).toBe(200);
  const set = await harness.answer(responseUrl);
  expect(blockTexts(set.body.blocks as JsonObject[]).join(' ')).toContain('Reminder set');
}

describe('Slack reminders delivered by DM (real BullMQ worker)', () => {
  it('/imgbot remind ends in a DM via chat.postMessage with the bot token', async () => {
    h = await startSlackHarness({ workers: true });
    const amina = { id: 'U0AMINA01', name: 'amina' };
    await remind(h, amina, 'email Dr. Rivera about the letter');
    const dm = await h.fake.waitForCall(dmTo(amina), 20_000);
    expect(dm.headers.authorization).toBe('Bearer xoxb-0000000000-0000000000000-fakefakefakefakefakefake');
    expect(textOf(dm)).toContain('email Dr. Rivera about the letter');
  });

  it('GIVEN a 429 ratelimited THEN the DM is retried after Retry-After and delivered once', async () => {
    h = await startSlackHarness({ workers: true });
    const bo = { id: 'U0BOLIMIT', name: 'bo' };
    h.fake.respondOnce(
      'chat.postMessage',
      { status: 429, headers: { 'Retry-After': '2' }, body: { ok: false, error: 'ratelimited' } },
      { channel: bo.id },
    );
    await remind(h, bo, 'study block');
    const first = await h.fake.waitForCall(dmTo(bo), 20_000);
    const second = await h.fake.waitForCall(dmTo(bo), 20_000, 2);
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(2_000);
    expect(textOf(second)).toContain('study block');
    const userId = `slack:T0FAKE:${bo.id}`;
    await expect
      .poll(async () => (await h?.app.deps.reminders.store.listForUser(userId))?.[0]?.status)
      .toBe('delivered');
    expect((await h.app.deps.userSettings.getUser(userId)).undeliverable).toBeUndefined();
  }, 40_000);

  it.each(['user_not_found', 'account_inactive'])(
    'GIVEN %s THEN the member is marked undeliverable after one attempt',
    async (error) => {
      h = await startSlackHarness({ workers: true });
      const gone = { id: 'U0GONE001', name: 'gone' };
      h.fake.failAlways('chat.postMessage', error, { channel: gone.id });
      await remind(h, gone, 'follow up with Mercy Hospital');
      await h.fake.waitForCall(dmTo(gone), 20_000);
      const userId = `slack:T0FAKE:${gone.id}`;
      await expect
        .poll(async () => (await h?.app.deps.userSettings.getUser(userId))?.undeliverable?.reason, {
          timeout: 10_000,
        })
        .toBe(error);
      // Not retried: a sentinel reminder due two seconds later arrives, and still only one attempt was made
      // (a transient failure would have been retried after ~1 s).
      const other = { id: 'U0OTHER01', name: 'other' };
      await remind(h, other, 'sentinel');
      await h.fake.waitForCall(dmTo(other), 20_000);
      expect(h.fake.calls.filter(dmTo(gone))).toHaveLength(1);
    },
    40_000,
  );

  it('"Remind me about this": asks when, then DMs a link to the message at that time', async () => {
    h = await startSlackHarness({ workers: true });
    const shortcut = messageShortcutBody({
      callback_id: 'remind_message',
      response_url: h.fake.newResponseUrl(),
      message: { ts: '1767000000.000100', text: 'Applications for the Albany observership close Friday' },
    });
    const res = await h.post(shortcut);
    expect(res.status).toBe(200);
    const opened = await h.fake.waitForCall('views.open', 10_000);
    const view = opened.body.view as { blocks: JsonObject[]; title: { text: string } };
    expect(view.title.text).toBe('Remind me about this');
    const inputs = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs).toEqual(['when', 'repeat']); // "what" is the message itself

    const submitted = await h.submit(opened, { when: 'in 2 seconds' });
    expect(submitted).toMatchObject({ status: 200, body: '' });
    const dm = await h.fake.waitForCall(
      (c) =>
        c.method === 'chat.postMessage' && c.body.channel === 'U0MEMBER1' && textOf(c).includes('slack.com'),
      20_000,
    );
    expect(textOf(dm)).toContain(
      `https://${FAKE_TEAM_DOMAIN}.slack.com/archives/C0GENERAL/p1767000000000100`,
    );
  });
});
