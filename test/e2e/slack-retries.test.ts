/**
 * Slack redelivers what it thinks failed: events with `X-Slack-Retry-Num`
 * and the same event_id; a replayed slash command or button carries the same
 * trigger_id. Bolt hands every delivery to the listeners again, so the
 * adapter remembers deliveries in Redis and runs each one once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import {
  eventCallbackBody,
  type FakeCall,
  type JsonObject,
  newTriggerId,
  slashCommandBody,
} from './fake-slack/index.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const MEMBER = 'U0RETRY01';

function dm(text: string, eventId: string) {
  return eventCallbackBody(
    {
      type: 'message',
      channel_type: 'im',
      channel: `D${MEMBER}`,
      user: MEMBER,
      text,
      ts: `${Date.now() / 1000}`,
    },
    { event_id: eventId },
  );
}

const answersIn = (channel: string) => (c: FakeCall) =>
  c.method === 'chat.postMessage' && c.body.channel === channel;

describe('Slack retries run nothing twice', () => {
  it('GIVEN a DM question and its retries (X-Slack-Retry-Num) THEN one answer', async () => {
    const question = dm('how long does an externship last?', 'Ev0QUESTION1');
    expect((await h.post(question)).status).toBe(200);
    const answer = await h.fake.waitForCall(answersIn(`D${MEMBER}`), 10_000);
    expect(blockTexts(answer.body.blocks as JsonObject[]).join(' ')).toMatch(/week/i);

    for (const retryNum of [1, 2]) {
      const retry = await h.post(question, { retryNum, retryReason: 'http_timeout' });
      expect(retry.status).toBe(200);
    }
    // A different question after the retries is answered; the retries were not.
    expect((await h.post(dm('what is an observership?', 'Ev0QUESTION2'))).status).toBe(200);
    await h.fake.waitForCall(answersIn(`D${MEMBER}`), 10_000, 2);
    await new Promise((r) => setTimeout(r, 300)); // why: give a wrongly accepted retry time to show up
    expect(h.fake.calls.filter(answersIn(`D${MEMBER}`))).toHaveLength(2);
  });

  it('GIVEN the same /remind delivered twice (same trigger_id) THEN one reminder and one answer', async () => {
    const responseUrl = h.fake.newResponseUrl();
    const body = slashCommandBody({
      command: '/imgbot',
      text: 'remind when:"in 5 hours" what:"call the program office"',
      response_url: responseUrl,
      trigger_id: newTriggerId(),
      user: { id: MEMBER, name: 'retry' },
    });
    expect((await h.post(body)).status).toBe(200);
    expect((await h.post(body, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await h.answer(responseUrl);
    const sentinel = await h.command('/imgbot', 'help');
    await h.answer(sentinel.responseUrl);
    await new Promise((r) => setTimeout(r, 300)); // why: as above
    expect(h.fake.responsesTo(responseUrl)).toHaveLength(1);
    const reminders = await h.app.deps.reminders.store.listForUser(`slack:T0FAKE:${MEMBER}`);
    expect(reminders.map((r) => r.text)).toEqual(['call the program office']);
  });
});
