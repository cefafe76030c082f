/**
 * Smoke test of the offline Slack kit: the REAL @slack/bolt App and WebClient
 * (nothing stubbed) talking to the fake Web API over loopback HTTP.
 * Several tests pin down observed Bolt 5.1 / web-api 8.2 behaviour; they are
 * documentation, not wishes — if an upgrade changes them, the test says so.
 * The WebClient's 429 behaviour lives in slack-webclient.test.ts.
 */
import { App, type BlockAction, type MessageShortcut, type webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appHomeOpenedBody,
  blockActionsBody,
  boltOptions,
  DEFAULT_USER,
  FAKE_BOT_TOKEN,
  FAKE_SIGNING_SECRET,
  FAKE_TEAM_ID,
  FakeSlack,
  listen,
  MemoryLogger,
  messageShortcutBody,
  nowSeconds,
  postToBolt,
  RESPONSE_URL_METHOD,
  type RunningBolt,
  slashCommandBody,
  viewSubmissionBody,
} from './fake-slack/index.ts';

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
  // The fake must be up before `new App()`: the constructor fires auth.test.
  fake = await FakeSlack.start();
});

afterEach(async () => {
  await bolt?.stop();
  bolt = undefined;
  await fake.close();
});

/** Starts an App whose /ping-like command handler reports the outcome of one chat.postMessage. */
describe('fake Slack + real Bolt: slash command round trip', () => {
  it('/ping: ack body is the HTTP response, respond() reaches response_url, chat.postMessage reaches the fake', async () => {
    const logger = new MemoryLogger();
    const app = new App({
      signingSecret: FAKE_SIGNING_SECRET,
      token: FAKE_BOT_TOKEN,
      clientOptions: { slackApiUrl: fake.apiUrl },
      logger,
    });
    const posted = deferred<webApi.ChatPostMessageResponse>();
    app.command('/ping', async ({ ack, respond, client }) => {
      await ack('pong');
      await respond({ text: 'later', replace_original: true });
      posted.resolve(await client.chat.postMessage({ channel: 'U1', text: 'dm' }));
    });
    bolt = await listen(app);

    const responseUrl = fake.newResponseUrl();
    const body = slashCommandBody({ command: '/ping', text: 'hello', response_url: responseUrl });
    const res = await postToBolt(bolt.url, body, { secret: FAKE_SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(res.body).toBe('pong'); // string ack -> text body, no content-type

    const responded = await fake.waitForCall(RESPONSE_URL_METHOD);
    expect(fake.responsesTo(responseUrl)).toHaveLength(1);
    expect(responded.contentType).toBe('application/json'); // respond() POSTs JSON, no token
    expect(responded.body).toEqual({ text: 'later', replace_original: true });

    const post = await fake.waitForCall('chat.postMessage');
    expect(post.headers.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expect(post.contentType).toBe('application/x-www-form-urlencoded'); // WebClient always form-encodes
    // The listener's client comes from a per-team pool and adds team_id to every call.
    expect(post.body).toEqual({ channel: 'U1', text: 'dm', team_id: FAKE_TEAM_ID });
    // Posting to a user id lands in the DM; Slack answers with the D... channel.
    expect(await posted.promise).toMatchObject({ ok: true, channel: 'DU1' });

    // auth.test ran once, from the App constructor (tokenVerificationEnabled defaults to true).
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(fake.unknownCalls).toEqual([]);
  });
});

describe('request signature verification (Bolt HTTPReceiver)', () => {
  async function startPing(): Promise<string> {
    const app = new App(boltOptions(fake));
    app.command('/ping', async ({ ack }) => ack('pong'));
    bolt = await listen(app);
    return bolt.url;
  }
  const ping = () => slashCommandBody({ command: '/ping', response_url: fake.newResponseUrl() });

  it('rejects a bad signature with 401 and no body', async () => {
    const res = await postToBolt(await startPing(), ping(), { secret: 'not-the-secret' });
    expect(res).toMatchObject({ status: 401, body: '' });
  });

  it('rejects a correctly signed timestamp 6 minutes old with 401', async () => {
    const res = await postToBolt(await startPing(), ping(), {
      secret: FAKE_SIGNING_SECRET,
      timestamp: nowSeconds() - 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('ACCEPTS a correctly signed timestamp 6 minutes in the FUTURE (observed: 200, listener runs)', async () => {
    // Observed, not desired: verifySlackRequest only checks
    // `timestamp < now - 5 min`. Future-dated requests pass even though its
    // error text says "must differ from system time by no more than 5 minutes".
    // Slack's docs compare the absolute difference. Pinned here as Bolt's behaviour; imgbot
    // refuses such requests itself (src/bots/slack/http-receiver.ts, test/e2e/slack-signing.test.ts).
    const res = await postToBolt(await startPing(), ping(), {
      secret: FAKE_SIGNING_SECRET,
      timestamp: nowSeconds() + 6 * 60,
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('pong');
  });

  it('answers 400 when the form content type carries a charset (Bolt matches the type exactly)', async () => {
    const res = await postToBolt(await startPing(), ping(), {
      secret: FAKE_SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(res.status).toBe(400);
  });
});

describe('interactivity and events payload builders against real Bolt routing', () => {
  it('block_actions, view_submission, message shortcut and app_home_opened reach their listeners', async () => {
    fake.workspace.setUser(DEFAULT_USER.id, { is_admin: true, tz: 'Asia/Kolkata' });
    const app = new App(boltOptions(fake));
    app.action<BlockAction>(
      { action_id: 'approve', block_id: 'listing_1' },
      async ({ ack, body, client, respond }) => {
        await ack();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'apply',
            title: { type: 'plain_text', text: 'Apply' },
            blocks: [],
          },
        });
        await respond({
          text: `approved ${body.actions[0]?.type === 'button' ? body.actions[0].value : ''}`,
        });
      },
    );
    app.view('apply', async ({ ack, view }) => {
      const name = view.state.values.name_block?.name_input?.value ?? '';
      await ack({ response_action: 'errors', errors: { name_block: `${name} @ ${view.private_metadata}` } });
    });
    app.shortcut<MessageShortcut>('save_listing', async ({ ack, shortcut, client }) => {
      await ack();
      await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts });
    });
    const homeViews = deferred<{ admin: boolean | undefined; retryNum: number | undefined }>();
    app.event('app_home_opened', async ({ event, client, context }) => {
      const info = await client.users.info({ user: event.user });
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
      homeViews.resolve({ admin: info.user?.is_admin, retryNum: context.retryNum });
    });
    bolt = await listen(app);
    const opts = { secret: FAKE_SIGNING_SECRET };

    const responseUrl = fake.newResponseUrl();
    const actions = [{ action_id: 'approve', block_id: 'listing_1', value: 'L1' }];
    expect(
      (await postToBolt(bolt.url, blockActionsBody({ actions, response_url: responseUrl }), opts)).status,
    ).toBe(200);
    const opened = await fake.waitForCall('views.open');
    expect(opened.body.view).toMatchObject({ callback_id: 'apply' }); // JSON field decoded by the fake
    expect((await fake.waitForCall(RESPONSE_URL_METHOD)).body).toEqual({ text: 'approved L1' });

    const values = { name_block: { name_input: { type: 'plain_text_input', value: 'Dr. A' } } };
    const submit = viewSubmissionBody({ callback_id: 'apply', values, private_metadata: 'L1' });
    const submitted = await postToBolt(bolt.url, submit, opts);
    expect(submitted.json).toEqual({ response_action: 'errors', errors: { name_block: 'Dr. A @ L1' } });

    const shortcut = messageShortcutBody({
      callback_id: 'save_listing',
      response_url: fake.newResponseUrl(),
    });
    expect((await postToBolt(bolt.url, shortcut, opts)).status).toBe(200);
    expect((await fake.waitForCall('chat.getPermalink')).body).toMatchObject({ channel: 'C0GENERAL' });

    // Events are acked by Bolt itself before listeners run: 200 with empty body.
    const home = await postToBolt(bolt.url, appHomeOpenedBody({ event_id: 'Ev1' }), opts);
    expect(home).toMatchObject({ status: 200, body: '' });
    expect(await homeViews.promise).toEqual({ admin: true, retryNum: undefined });
    expect((await fake.waitForCall('views.publish')).body).toMatchObject({ user_id: DEFAULT_USER.id });
    expect(fake.unknownCalls).toEqual([]);
  });

  it('X-Slack-Retry-Num: Bolt exposes context.retryNum/retryReason but delivers the retry again (no dedupe)', async () => {
    const app = new App(boltOptions(fake));
    const seen: Array<{ eventId: string; retryNum?: number; retryReason?: string }> = [];
    app.event('app_home_opened', async ({ body, context }) => {
      seen.push({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    bolt = await listen(app);
    const body = appHomeOpenedBody({ event_id: 'EvSAME' });
    await postToBolt(bolt.url, body, { secret: FAKE_SIGNING_SECRET });
    const retry = await postToBolt(bolt.url, body, {
      secret: FAKE_SIGNING_SECRET,
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(retry.status).toBe(200);
    // Bolt never sets X-Slack-No-Retry; deduplicating by event_id is the app's job.
    expect(retry.headers.get('x-slack-no-retry')).toBeNull();
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([
      { eventId: 'EvSAME', retryNum: undefined, retryReason: undefined },
      { eventId: 'EvSAME', retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });
});
