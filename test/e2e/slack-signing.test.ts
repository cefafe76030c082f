/**
 * Request verification at the real Bolt HTTP receiver: Slack signs
 * `v0:<timestamp>:<raw body>` with the app's signing secret. A bad signature,
 * a timestamp more than 5 minutes old, and (our own check: Bolt 5.1 lets it
 * through) one more than 5 minutes in the future are refused with 401 and
 * change nothing: no reply, no Web API call, no Redis write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import {
  appHomeOpenedBody,
  blockActionsBody,
  FAKE_SIGNING_SECRET,
  nowSeconds,
  signSlackRequest,
  slashCommandBody,
} from './fake-slack/index.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const MEMBER = 'slack:T0FAKE:U0MEMBER1';
const REMIND = 'remind when:"in 3 hours" what:"call the program office"';

async function keysOfApp(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await h.app.redis.scan(cursor, 'MATCH', `${h.app.keys.k('')}*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}

/** Sends a request that must be refused, and checks that nothing at all happened. */
async function expectRefusedWithoutEffect(send: () => Promise<{ status: number; body: string }>) {
  const remindersBefore = await h.app.deps.reminders.store.listForUser(MEMBER);
  const callsBefore = h.fake.calls.length;
  const res = await send();
  expect(res).toMatchObject({ status: 401, body: '' });
  const keysBefore = await keysOfApp();
  // A correctly signed control request afterwards is answered, so anything the refused one
  // had set in motion would have happened by the time the control's answer arrives.
  const control = await h.command('/imgbot', 'help');
  const controlAnswer = await h.answer(control.responseUrl);
  const others = h.fake.calls
    .slice(callsBefore)
    .filter((c) => c !== controlAnswer && c.method !== 'users.info');
  expect(others.map((c) => c.method)).toEqual([]);
  expect(await h.app.deps.reminders.store.listForUser(MEMBER)).toEqual(remindersBefore);
  // The control writes only its own trigger dedupe key: the refused request wrote nothing.
  const written = (await keysOfApp()).filter((k) => !keysBefore.includes(k));
  expect(written).toEqual([h.app.keys.k('slack', 'seen', `trigger:${control.triggerId}`)]);
}

describe('Slack request signatures (real Bolt HTTP receiver)', () => {
  it('GIVEN a correctly signed /remind 4 minutes old THEN it runs (control)', async () => {
    const { res, responseUrl } = await h.command('/imgbot', REMIND, {
      sign: { timestamp: nowSeconds() - 4 * 60 },
    });
    expect(res.status).toBe(200);
    await h.answer(responseUrl);
    const reminders = await h.app.deps.reminders.store.listForUser(MEMBER);
    expect(reminders.map((r) => r.text)).toEqual(['call the program office']);
  });

  it('GIVEN a bad signature THEN 401 and nothing changes', async () => {
    await expectRefusedWithoutEffect(
      async () => (await h.command('/imgbot', REMIND, { sign: { secret: 'wrong-secret' } })).res,
    );
  });

  it('GIVEN a valid signature over a different body THEN 401 (the HMAC covers the raw body)', async () => {
    const body = slashCommandBody({
      command: '/imgbot',
      text: REMIND,
      response_url: h.fake.newResponseUrl(),
    });
    const tampered = { ...body, rawBody: body.rawBody.replace('program', 'hacked') };
    const signedOriginal = signSlackRequest(FAKE_SIGNING_SECRET, body.rawBody);
    await expectRefusedWithoutEffect(() => h.post(tampered, { headers: { ...signedOriginal } }));
  });

  it('GIVEN a correctly signed timestamp 6 minutes old THEN 401 and nothing changes', async () => {
    await expectRefusedWithoutEffect(
      async () => (await h.command('/imgbot', REMIND, { sign: { timestamp: nowSeconds() - 6 * 60 } })).res,
    );
  });

  it('GIVEN a correctly signed timestamp 6 minutes in the future THEN 401 and nothing changes', async () => {
    await expectRefusedWithoutEffect(
      async () => (await h.command('/imgbot', REMIND, { sign: { timestamp: nowSeconds() + 6 * 60 } })).res,
    );
  });

  it('GIVEN no timestamp header THEN 401', async () => {
    await expectRefusedWithoutEffect(
      async () =>
        (await h.command('/imgbot', REMIND, { sign: { headers: { 'x-slack-request-timestamp': 'soon' } } }))
          .res,
    );
  });

  it('refuses forged buttons and events the same way', async () => {
    const button = blockActionsBody({
      actions: [{ action_id: 'listing.page', value: 'abcdef1234.2' }],
      response_url: h.fake.newResponseUrl(),
    });
    await expectRefusedWithoutEffect(() => h.post(button, { timestamp: nowSeconds() + 10 * 60 }));
    await expectRefusedWithoutEffect(() => h.post(appHomeOpenedBody(), { secret: 'wrong-secret' }));
  });
});
