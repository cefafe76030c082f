/**
 * The real Discord adapter (discord.js Client + router + notifier) on a real
 * Redis-backed core, against the fake Discord. Helpers wait for what a member
 * would see: the interaction callback, the final answer (in the callback or an
 * edit of a deferred one), follow-ups.
 */
import { InteractionResponseType, PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import type { App } from '../../src/app.ts';
import type { ShardPlan } from '../../src/bots/discord/discord-client.ts';
import { type DiscordAdapter, startDiscordAdapter } from '../../src/bots/discord/start-discord.ts';
import { parseEnv } from '../../src/config/env.ts';
import type { Registry } from '../../src/core/commands/registry.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import { type Services, startServices } from '../../src/runtime/services.ts';
import { createTestApp, SHIPPED_FAQ, type TestApp } from '../helpers/app.ts';
import {
  FAKE_IDS,
  FakeDiscord,
  type FakeDiscordOptions,
  MEMBER_PERMISSIONS,
  makeBotUser,
  makeGuildCreate,
  makeRole,
  permissionString,
  type RecordedRequest,
  requestTo,
} from './fake-discord/index.ts';

export const TEST_TOKEN = 'fake-token-for-imgbot-e2e-tests';
export const CALLBACK = '/interactions/:id/:token/callback';
export const ORIGINAL = '/webhooks/:app/:token/messages/@original';
export const FOLLOWUP = '/webhooks/:app/:token';

/** A member holding Manage Server (a moderator for the core policy). */
export const MODERATOR_PERMISSIONS = (
  BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild
).toString();
export const MEMBER = { permissions: MEMBER_PERMISSIONS };
export const MODERATOR = { permissions: MODERATOR_PERMISSIONS };
export { FAKE_IDS, permissionString };

// why: generous waits for a loaded 2-core CI machine; a passing run returns as soon as the request lands
const CALLBACK_WAIT_MS = 15_000;
const EDIT_WAIT_MS = 20_000;
// why: Discord's 3 s callback deadline, widened so a busy CI machine cannot fail a test on speed alone
const CALLBACK_DEADLINE_MS = 20_000;

export interface Harness {
  readonly fake: FakeDiscord;
  readonly app: TestApp;
  readonly adapter: DiscordAdapter;
  /** The job workers (reminder delivery on real BullMQ), when started with `services: true`. */
  readonly services: Services | undefined;
  /** The initial callback of the interaction with this token. */
  callback(token: string): Promise<RecordedRequest>;
  /**
   * The final answer, wherever it went: the message data of a callback that
   * answered at once (a new message, or an update of the message a paging
   * button sits on), else the edit of the deferred answer.
   */
  edit(token: string): Promise<RecordedRequest>;
  followUp(token: string): Promise<RecordedRequest>;
  /** The next message posted in the DM channel of `userId` (the DM channel must have been opened). */
  dm(userId: string, timeoutMs?: number, after?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const forToken = (method: string, pattern: string, token: string) => (r: RecordedRequest) =>
  requestTo(method, pattern)(r) && r.path.includes(token);

/** Starts fake Discord, a core on real Redis (optionally with a fixture registry) and the adapter. */
export async function startHarness(
  opts: {
    registry?: Registry;
    clock?: Clock;
    /** settings.json overrides (e.g. a small `pageSize` to get a second page). */
    settings?: Record<string, unknown>;
    app?: (app: TestApp) => App;
    autocompleteBudgetMs?: number;
    /** How long the core may take before the adapter defers (default: the adapter's 2 s). */
    answerBudgetMs?: number;
    /** Also start the job workers, as `imgbot start` does (real BullMQ on the test prefix). */
    services?: boolean;
    /** Guilds and `GET /gateway/bot` answers of the fake (default: the one test guild, one shard). */
    fake?: Pick<FakeDiscordOptions, 'guilds' | 'shards' | 'maxConcurrency'>;
    /** The adapter's gateway shards (default: one). */
    shards?: ShardPlan;
  } = {},
): Promise<Harness> {
  // The guild carries the members' role, as Discord's GUILD_CREATE does (discord.js resolves member roles from it).
  const guild = makeGuildCreate({
    botUser: makeBotUser(),
    roles: [makeRole({ id: FAKE_IDS.memberRole, name: 'Moderators' })],
  });
  const fake = await FakeDiscord.start({
    token: TEST_TOKEN,
    guilds: [guild],
    callbackDeadlineMs: CALLBACK_DEADLINE_MS,
    ...opts.fake,
  });
  const app = createTestApp({ clock: opts.clock, settings: opts.settings });
  const wired: App = opts.app ? opts.app(app) : opts.registry ? { ...app, registry: opts.registry } : app;
  const logger = pino({ level: process.env.IMGBOT_TEST_LOG ?? 'silent' });
  let adapter: DiscordAdapter;
  let services: Services | undefined;
  try {
    adapter = await startDiscordAdapter(wired, {
      token: TEST_TOKEN,
      applicationId: FAKE_IDS.application,
      apiUrl: fake.restUrl,
      logger,
      autocompleteBudgetMs: opts.autocompleteBudgetMs,
      answerBudgetMs: opts.answerBudgetMs,
      shards: opts.shards,
    });
    if (opts.services) services = await startServices(wired, testBoot(app, logger));
  } catch (err) {
    await fake.close();
    await app.dispose();
    throw err;
  }
  const dmTo = (userId: string, after: number) => (r: RecordedRequest) => {
    const channel = fake.state.dmChannelByRecipient.get(userId);
    return (
      r.index >= after &&
      channel !== undefined &&
      requestTo('POST', `/channels/${channel}/messages`)(r) &&
      r.response.status === 200
    );
  };
  return {
    fake,
    app,
    adapter,
    services,
    callback: (token) => fake.waitForRequest(forToken('POST', CALLBACK, token), CALLBACK_WAIT_MS),
    async edit(token) {
      const first = await fake.waitForRequest(forToken('POST', CALLBACK, token), CALLBACK_WAIT_MS);
      const body = bodyOf(first);
      const answered =
        body.type === InteractionResponseType.ChannelMessageWithSource ||
        body.type === InteractionResponseType.UpdateMessage;
      if (answered) return { ...first, body: body.data ?? {} };
      return fake.waitForRequest(forToken('PATCH', ORIGINAL, token), EDIT_WAIT_MS);
    },
    followUp: (token) => fake.waitForRequest(forToken('POST', FOLLOWUP, token), EDIT_WAIT_MS),
    dm: (userId, timeoutMs = EDIT_WAIT_MS, after = 0) => fake.waitForRequest(dmTo(userId, after), timeoutMs),
    async close() {
      // Client first: a client whose gateway drops keeps reconnecting.
      await adapter.stop();
      await services?.close();
      await fake.close();
      await app.dispose();
    },
  };
}

/** The boot config `startServices` gets in production, built from the test app. */
function testBoot(app: TestApp, logger: pino.Logger) {
  const env = parseEnv({ LOG_LEVEL: 'silent' });
  if (!env.ok) throw new Error(env.message);
  return { env: env.value, settings: app.options.settings, logger, faq: SHIPPED_FAQ };
}

/** Body of a recorded request as a loose record, for assertions. */
export function bodyOf(r: RecordedRequest): Record<string, unknown> & {
  type?: number;
  data?: Record<string, unknown>;
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: { components: { custom_id: string; label: string }[] }[];
  allowed_mentions?: { parse: string[] };
  flags?: number;
} {
  return (r.body ?? {}) as ReturnType<typeof bodyOf>;
}
