/**
 * Observed behaviour of the real @slack/web-api WebClient (inside Bolt)
 * against the fake Web API: what a 429 with Retry-After does under each
 * client setting (the reason the notifier uses rejectRateLimitedCalls), and
 * the fake's per-call overrides. Split out of fake-slack.smoke.test.ts.
 */
import { App, type AppOptions, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  boltOptions,
  FAKE_SIGNING_SECRET,
  FakeSlack,
  listen,
  postToBolt,
  type RunningBolt,
  slashCommandBody,
} from './fake-slack/index.ts';

const { ErrorCode } = webApi;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let fake: FakeSlack;
let bolt: RunningBolt | undefined;

beforeEach(async () => {
  fake = await FakeSlack.start();
});

afterEach(async () => {
  await bolt?.stop();
  bolt = undefined;
  await fake.close();
});

async function startPostingApp(overrides: Omit<Partial<AppOptions>, 'logger'> = {}) {
  const options = boltOptions(fake, overrides);
  const app = new App(options);
  const outcome = deferred<{ result?: webApi.ChatPostMessageResponse; error?: webApi.WebAPICallError }>();
  app.command('/post', async ({ ack, client }) => {
    await ack();
    try {
      outcome.resolve({ result: await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hi' }) });
    } catch (error) {
      outcome.resolve({ error: error as webApi.WebAPICallError });
    }
  });
  bolt = await listen(app);
  const res = await postToBolt(
    bolt.url,
    slashCommandBody({ command: '/post', response_url: fake.newResponseUrl() }),
    {
      secret: FAKE_SIGNING_SECRET,
    },
  );
  expect(res.status).toBe(200);
  return { logger: options.logger, outcome: outcome.promise };
}

describe('WebClient behaviour on HTTP 429 ratelimited', () => {
  const rateLimited = {
    status: 429,
    headers: { 'Retry-After': '1' },
    body: { ok: false, error: 'ratelimited' },
  };

  it('default retryConfig: WebClient waits Retry-After, then retries by itself and succeeds', async () => {
    fake.respondOnce('chat.postMessage', rateLimited);
    const { logger, outcome } = await startPostingApp();
    const { result, error } = await outcome;
    expect(error).toBeUndefined();
    expect(result?.ok).toBe(true);
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(first?.status).toBe(429);
    expect(second?.status).toBe(200);
    // Sleep of Retry-After (1 s) plus p-retry's own backoff (1-2 s, randomized).
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(logger.find('Will retry in 1 seconds')).toHaveLength(1);
  }, 10_000);

  it('rejectRateLimitedCalls: true -> immediate WebAPIRateLimitedError, no retry', async () => {
    fake.respondOnce('chat.postMessage', rateLimited);
    const { outcome } = await startPostingApp({ clientOptions: { rejectRateLimitedCalls: true } });
    const { error } = await outcome;
    expect(error?.code).toBe(ErrorCode.RateLimitedError);
    expect(error instanceof webApi.WebAPIRateLimitedError && error.retryAfter).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('retryConfig { retries: 0 } still sleeps Retry-After, then fails with a generic WebAPIRequestError', async () => {
    fake.respondOnce('chat.postMessage', rateLimited);
    const started = Date.now();
    const { outcome } = await startPostingApp({ clientOptions: { retryConfig: { retries: 0 } } });
    const { error } = await outcome;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // Not RateLimitedError: the 429 is turned into a plain Error to trigger p-retry.
    expect(error?.code).toBe(ErrorCode.RequestError);
    expect(error?.message).toContain('A rate limit was exceeded');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  }, 10_000);
});

describe('fake Web API overrides', () => {
  it('fails chat.postMessage permanently for one channel only', async () => {
    const app = new App(boltOptions(fake));
    fake.failAlways('chat.postMessage', 'user_not_found', { channel: 'U404' });
    await expect(app.client.chat.postMessage({ channel: 'U404', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'user_not_found' },
    });
    await expect(app.client.chat.postMessage({ channel: 'U1', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(app.client.apiCall('nope.method')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.unknownCalls.map((c) => c.method)).toEqual(['nope.method']);
  });
});
