/**
 * The real imgbot Slack adapter (Bolt App + HTTP receiver + listeners +
 * notifier) on a real Redis-backed core, against the fake Slack Web API.
 * Requests are signed exactly as Slack signs them; helpers wait for what a
 * member would see (the response_url answer, a modal, a DM).
 */
import pino from 'pino';
import type { App } from '../../../src/app.ts';
import type { ConfiguredModerators } from '../../../src/bots/slack/slack-actor.ts';
import { type SlackAdapter, startSlackAdapter } from '../../../src/bots/slack/start-slack.ts';
import { parseEnv } from '../../../src/config/env.ts';
import type { CoreDeps } from '../../../src/core/deps.ts';
import type { BootConfig } from '../../../src/runtime/boot.ts';
import { type Services, startServices } from '../../../src/runtime/services.ts';
import { createTestApp, SHIPPED_FAQ, type TestApp } from '../../helpers/app.ts';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, FAKE_TEAM_ID } from './identity.ts';
import {
  blockActionsBody,
  DEFAULT_USER,
  type EncodedBody,
  type FakeActor,
  type JsonObject,
  newTriggerId,
  slashCommandBody,
  viewSubmissionBody,
} from './payloads.ts';
import { type FakeCall, FakeSlack, RESPONSE_URL_METHOD } from './server.ts';

export { blockTexts, buttonsOf, messageOf, type PostedMessage } from './messages.ts';

import { type BoltResponse, type PostToBoltOptions, postToBolt } from './signing.ts';

/** A gate every store call waits on while closed ("a slowed store"). */
export class Gate {
  private opened = false;
  private waiters: (() => void)[] = [];
  /** How many store calls arrived while the gate was closed. */
  held = 0;

  wait(): Promise<void> {
    if (this.opened) return Promise.resolve();
    this.held += 1;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  open(): void {
    this.opened = true;
    for (const resolve of this.waiters) resolve();
    this.waiters = [];
  }
}

function slowed<T extends object>(target: T, gate: Gate): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await gate.wait();
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** The core with every store behind the gate (the command registry and Redis stay as they are). */
function slowCore(app: TestApp, gate: Gate): App {
  const d = app.deps;
  const deps: CoreDeps = {
    ...d,
    listings: slowed(d.listings, gate),
    listingLookup: slowed(d.listingLookup, gate),
    userSettings: slowed(d.userSettings, gate),
    audit: slowed(d.audit, gate),
    rateLimiter: slowed(d.rateLimiter, gate),
    tracker: slowed(d.tracker, gate),
    faq: slowed(d.faq, gate),
    reminders: { ...d.reminders, store: slowed(d.reminders.store, gate) },
  };
  return { ...app, deps };
}

export interface SlackHarnessOptions {
  /** Hold every store call until the gate opens. */
  readonly gate?: Gate;
  readonly moderators?: ConfiguredModerators;
  /** OAuth mode (installations in Redis) instead of one bot token. */
  readonly oauth?: boolean;
  /** Run the reminder workers (BullMQ) too. */
  readonly workers?: boolean;
  readonly submitBudgetMs?: number;
}

export interface CommandInput {
  readonly team?: string;
  readonly user?: FakeActor;
  readonly channel?: FakeActor;
  readonly triggerId?: string;
  readonly sign?: Partial<PostToBoltOptions>;
}

export interface SentCommand {
  readonly res: BoltResponse;
  readonly responseUrl: string;
  readonly triggerId: string;
}

export interface SlackHarness {
  readonly fake: FakeSlack;
  readonly app: TestApp;
  readonly adapter: SlackAdapter;
  /** `http://127.0.0.1:<port>/slack/events` */
  readonly url: string;
  readonly baseUrl: string;
  /** POSTs a body signed with the app's secret (override anything through `sign`). */
  post(body: EncodedBody, sign?: Partial<PostToBoltOptions>): Promise<BoltResponse>;
  /** Sends `/name text` as a member (default amina in #general). */
  command(name: string, text?: string, input?: CommandInput): Promise<SentCommand>;
  /** The `nth` message posted to a response_url. */
  answer(responseUrl: string, nth?: number): Promise<FakeCall>;
  /** The views.open of an interaction with this trigger id. */
  opened(triggerId: string): Promise<FakeCall>;
  /** Presses a button of a message shown through `responseUrl`. */
  press(
    button: { action_id: string; value: string },
    responseUrl: string,
    user?: FakeActor,
  ): Promise<BoltResponse>;
  /** Submits a modal the app opened (its recorded views.open call) with these input values. */
  submit(opened: FakeCall, values: Record<string, string>, user?: FakeActor): Promise<BoltResponse>;
  close(): Promise<void>;
}

/**
 * Builds `view.state.values` for a submission from input name -> typed value.
 * An input the test leaves out keeps what the app prefilled, as in Slack.
 */
function stateValues(
  view: JsonObject,
  values: Record<string, string>,
): Record<string, Record<string, JsonObject>> {
  const out: Record<string, Record<string, JsonObject>> = {};
  for (const block of (view.blocks as JsonObject[]) ?? []) {
    if (block.type !== 'input') continue;
    const id = String(block.block_id);
    const element = block.element as JsonObject;
    const type = String(element.type);
    if (type === 'static_select') {
      const initial = element.initial_option as JsonObject | undefined;
      const value = values[id] ?? (initial ? String(initial.value) : undefined);
      out[id] = {
        [id]: {
          type,
          selected_option: value === undefined ? null : { text: { type: 'plain_text', text: value }, value },
        },
      };
    } else if (type === 'conversations_select') {
      out[id] = { [id]: { type, selected_conversation: values[id] ?? element.initial_conversation ?? null } };
    } else {
      out[id] = { [id]: { type, value: values[id] ?? element.initial_value ?? null } };
    }
  }
  return out;
}

const silent = () => pino({ level: process.env.IMGBOT_TEST_LOG ?? 'silent' });

/** Starts the fake Slack, a core on real Redis (optionally slowed) and the real adapter over HTTP. */
export async function startSlackHarness(opts: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const app = createTestApp();
  const core = opts.gate ? slowCore(app, opts.gate) : app;
  let adapter: SlackAdapter;
  let services: Services | undefined;
  try {
    adapter = await startSlackAdapter(core, {
      mode: { kind: 'http', signingSecret: FAKE_SIGNING_SECRET, port: 0, host: '127.0.0.1' },
      ...(opts.oauth
        ? {
            oauth: {
              clientId: '1111.2222',
              clientSecret: 'fake-client-secret',
              stateSecret: 'fake-state-secret-for-tests',
            },
          }
        : { botToken: FAKE_BOT_TOKEN }),
      slackApiUrl: fake.apiUrl,
      logger: silent(),
      ...(opts.moderators ? { moderators: opts.moderators } : {}),
      ...(opts.submitBudgetMs !== undefined ? { submitBudgetMs: opts.submitBudgetMs } : {}),
    });
    if (opts.workers) {
      const env = parseEnv({});
      if (!env.ok) throw new Error(env.message);
      const boot: BootConfig = {
        env: env.value,
        settings: app.options.settings,
        logger: silent(),
        faq: SHIPPED_FAQ,
      };
      services = await startServices(app, boot);
    }
  } catch (err) {
    await fake.close();
    await app.dispose();
    throw err;
  }
  const baseUrl = `http://127.0.0.1:${adapter.port}`;
  const url = `${baseUrl}/slack/events`;
  const post = (body: EncodedBody, sign: Partial<PostToBoltOptions> = {}) =>
    postToBolt(url, body, { secret: FAKE_SIGNING_SECRET, ...sign });
  return {
    fake,
    app,
    adapter,
    url,
    baseUrl,
    post,
    async command(name, text = '', input = {}) {
      const responseUrl = fake.newResponseUrl();
      const triggerId = input.triggerId ?? newTriggerId();
      const body = slashCommandBody({
        command: name,
        text,
        response_url: responseUrl,
        trigger_id: triggerId,
        ...(input.team ? { team_id: input.team } : {}),
        ...(input.user ? { user: input.user } : {}),
        ...(input.channel ? { channel: input.channel } : {}),
      });
      return { res: await post(body, input.sign), responseUrl, triggerId };
    },
    answer: (responseUrl, nth = 1) =>
      fake.waitForCall(
        (c) => c.method === RESPONSE_URL_METHOD && responseUrl.endsWith(`/response/${c.responseId}`),
        10_000,
        nth,
      ),
    opened: (triggerId) =>
      fake.waitForCall((c) => c.method === 'views.open' && c.body.trigger_id === triggerId, 10_000),
    press(button, responseUrl, user = DEFAULT_USER) {
      return post(blockActionsBody({ actions: [button], response_url: responseUrl, user }));
    },
    submit(opened, values, user = DEFAULT_USER) {
      const view = opened.body.view as JsonObject;
      return post(
        viewSubmissionBody({
          callback_id: String(view.callback_id),
          private_metadata: String(view.private_metadata ?? ''),
          values: stateValues(view, values),
          user,
        }),
      );
    },
    async close() {
      await adapter.stop();
      await services?.close();
      await fake.close();
      await app.dispose();
    },
  };
}

export { FAKE_TEAM_ID };
