/**
 * The real Discord adapter (discord.js Client + router + notifier) on a real
 * Redis-backed core, against the fake Discord. Helpers wait for what a member
 * would see: the interaction callback, the edit of the deferred answer, follow-ups.
 */
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import type { App } from '../../src/app.ts';
import { type DiscordAdapter, startDiscordAdapter } from '../../src/bots/discord/start-discord.ts';
import type { Registry } from '../../src/core/commands/registry.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  FAKE_IDS,
  FakeDiscord,
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

export interface Harness {
  readonly fake: FakeDiscord;
  readonly app: TestApp;
  readonly adapter: DiscordAdapter;
  /** The initial callback of the interaction with this token. */
  callback(token: string): Promise<RecordedRequest>;
  /** The edit of the deferred answer (or of the message a paging button sits on). */
  edit(token: string): Promise<RecordedRequest>;
  followUp(token: string): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const forToken = (method: string, pattern: string, token: string) => (r: RecordedRequest) =>
  requestTo(method, pattern)(r) && r.path.includes(token);

/** Starts fake Discord, a core on real Redis (optionally with a fixture registry) and the adapter. */
export async function startHarness(
  opts: {
    registry?: Registry;
    clock?: Clock;
    app?: (app: TestApp) => App;
    autocompleteBudgetMs?: number;
  } = {},
): Promise<Harness> {
  // The guild carries the members' role, as Discord's GUILD_CREATE does (discord.js resolves member roles from it).
  const guild = makeGuildCreate({
    botUser: makeBotUser(),
    roles: [makeRole({ id: FAKE_IDS.memberRole, name: 'Moderators' })],
  });
  const fake = await FakeDiscord.start({ token: TEST_TOKEN, guilds: [guild] });
  const app = createTestApp({ clock: opts.clock });
  const wired: App = opts.app ? opts.app(app) : opts.registry ? { ...app, registry: opts.registry } : app;
  let adapter: DiscordAdapter;
  try {
    adapter = await startDiscordAdapter(wired, {
      token: TEST_TOKEN,
      applicationId: FAKE_IDS.application,
      apiUrl: fake.restUrl,
      logger: pino({ level: process.env.IMGBOT_TEST_LOG ?? 'silent' }),
      autocompleteBudgetMs: opts.autocompleteBudgetMs,
    });
  } catch (err) {
    await fake.close();
    await app.dispose();
    throw err;
  }
  return {
    fake,
    app,
    adapter,
    callback: (token) => fake.waitForRequest(forToken('POST', CALLBACK, token), 5_000),
    edit: (token) => fake.waitForRequest(forToken('PATCH', ORIGINAL, token), 10_000),
    followUp: (token) => fake.waitForRequest(forToken('POST', FOLLOWUP, token), 10_000),
    async close() {
      // Client first: a client whose gateway drops keeps reconnecting.
      await adapter.stop();
      await fake.close();
      await app.dispose();
    },
  };
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
