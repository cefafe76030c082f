/**
 * Discord sharding against the fake Discord, with the real discord.js client:
 * Discord sends each server's events on one shard, `(guild_id >> 22) % shards`,
 * so a bot past one shard must run them all (here in one process, discord.js'
 * internal sharding) or split them across processes with DISCORD_SHARD_IDS.
 * Members of servers on either shard get their answers, and a reminder's DM
 * (sent by the worker over REST, not by a shard) goes out once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';
import { type RoleProcess, startRole } from '../helpers/role-process.ts';
import { eventually } from '../integration/reminder-harness.ts';
import {
  bodyOf,
  CALLBACK,
  FAKE_IDS,
  type Harness,
  MEMBER,
  ORIGINAL,
  startHarness,
  TEST_TOKEN,
} from './discord-harness.ts';
import {
  chatInputCommand,
  FakeDiscord,
  type GatewaySession,
  makeBotUser,
  makeGuildCreate,
  makeRole,
  opt,
  type RecordedRequest,
  requestTo,
  shardOfGuild,
} from './fake-discord/index.ts';

/** Two servers that Discord puts on different shards of two (`1 << 22` apart in their ids). */
const GUILD_ON_0 = FAKE_IDS.guild;
const GUILD_ON_1 = (BigInt(FAKE_IDS.guild) + (1n << 22n)).toString();
// why: a reminder on real BullMQ on a loaded CI machine: promotion, the worker and REST all add latency
const WAIT_MS = 25_000;

const guild = (id: string, name: string) =>
  makeGuildCreate({
    id,
    name,
    botUser: makeBotUser(),
    roles: [makeRole({ id: FAKE_IDS.memberRole, name: 'Moderators' })],
  });
const GUILDS = [guild(GUILD_ON_0, 'Residency Applicants'), guild(GUILD_ON_1, 'IMG Surgery Track')];

/** The shard (`[id, count]`) of every gateway session an INTERACTION_CREATE with this id went to. */
function shardsThatGot(sessions: readonly GatewaySession[], interactionId: string): number[][] {
  return sessions
    .filter((s) =>
      s.sent.some((f) => f.t === 'INTERACTION_CREATE' && (f.d as { id: string }).id === interactionId),
    )
    .map((s) => s.identify?.shard ?? [0, 1]);
}

const byId = (a: readonly number[], b: readonly number[]) => (a[0] ?? 0) - (b[0] ?? 0);

let h: Harness | undefined;
let fake: FakeDiscord | undefined;
const roles: RoleProcess[] = [];
let prefix: string | undefined;
afterEach(async () => {
  await h?.close();
  for (const r of roles.splice(0)) await r.stop('SIGKILL');
  await fake?.close();
  if (prefix) {
    const redis = testRedis();
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  }
  h = fake = prefix = undefined;
});

describe('Discord sharding', () => {
  it('GIVEN DISCORD_SHARDS=auto and Discord recommending 2 THEN both shards identify, members on either are answered, a reminder DMs once', async () => {
    expect(shardOfGuild(GUILD_ON_0, 2)).toBe(0);
    expect(shardOfGuild(GUILD_ON_1, 2)).toBe(1);
    h = await startHarness({
      services: true,
      shards: 'auto',
      // why maxConcurrency 2: both shards may identify at once (Discord's large-bot bucket), no 5 s wait
      fake: { guilds: GUILDS, shards: 2, maxConcurrency: 2 },
    });
    const { fake: discord, adapter } = h;

    // Each shard identified once with its own [id, count] and got only its own server.
    expect(discord.gateway.identifiedShards.sort(byId)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(adapter.client.ws.shards.map((s) => s.id).sort()).toEqual([0, 1]);
    expect(adapter.client.guilds.cache.get(GUILD_ON_0)?.shardId).toBe(0);
    expect(adapter.client.guilds.cache.get(GUILD_ON_1)?.shardId).toBe(1);
    expect(adapter.gatewayReady()).toBe(true);

    // A member of the server on shard 0 sets a reminder; one on shard 1 asks for help.
    const remind = chatInputCommand({
      name: 'remind',
      guildId: GUILD_ON_0,
      options: [opt.string('when', 'in 2 seconds'), opt.string('what', 'email the program coordinator')],
      ...MEMBER,
    });
    discord.injectInteraction(remind);
    const help = chatInputCommand({ name: 'help', guildId: GUILD_ON_1, ...MEMBER });
    discord.injectInteraction(help);
    expect(shardsThatGot(discord.gateway.sessions, remind.id)).toEqual([[0, 2]]);
    expect(shardsThatGot(discord.gateway.sessions, help.id)).toEqual([[1, 2]]);

    const set = bodyOf(await h.edit(remind.token));
    expect(set.embeds?.[0]?.title).toBe('Reminder set');
    const answered = bodyOf(await h.edit(help.token));
    expect(answered.embeds?.[0]?.title).toBeTruthy();
    expect(answered.embeds?.[0]?.description ?? answered.embeds?.[0]?.fields?.length).toBeTruthy();

    // The reminder: one DM, however many shards this process runs.
    const id = set.embeds?.[0]?.fields?.find((f) => f.name === 'Id')?.value.split(' ')[0] ?? '';
    const dm = await h.dm(FAKE_IDS.user, WAIT_MS);
    expect(bodyOf(dm).embeds?.[0]?.description).toBe('email the program coordinator');
    const app = h.app;
    await eventually(
      async () => expect((await app.deps.reminders.store.get(id))?.status).toBe('delivered'),
      WAIT_MS,
    );
    const dmChannel = discord.state.dmChannelByRecipient.get(FAKE_IDS.user);
    expect(discord.requestsTo('POST', `/channels/${dmChannel}/messages`)).toHaveLength(1);
    expect(discord.unhandledRequests).toEqual([]);
  }, 90_000);

  it('GIVEN two `imgbot discord` processes with DISCORD_SHARDS=2 and DISCORD_SHARD_IDS=0 and =1 THEN each runs its shard and members on both servers are answered', async () => {
    fake = await FakeDiscord.start({
      token: TEST_TOKEN,
      guilds: GUILDS,
      callbackDeadlineMs: WAIT_MS, // why: Discord's 3 s, widened for a busy CI machine
    });
    prefix = testPrefix();
    const env = {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: fake.restUrl,
      DISCORD_SHARDS: '2',
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: prefix,
      LOG_LEVEL: 'info',
    };
    const first = startRole(['discord'], { ...env, DISCORD_SHARD_IDS: '0' });
    const second = startRole(['discord'], { ...env, DISCORD_SHARD_IDS: '1' });
    roles.push(first, second);
    // why 60 s: two processes compile the sources with tsx at once on a loaded machine
    await Promise.all([
      first.waitForLog('imgbot is running', 60_000),
      second.waitForLog('imgbot is running', 60_000),
    ]);
    expect(first.stderr()).toContain('"shards":[0],"shardCount":2');
    expect(second.stderr()).toContain('"shards":[1],"shardCount":2');

    // Two sessions, one per shard, each identified once with the shared total.
    expect(fake.gateway.identifiedShards.sort(byId)).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const live = fake;
    const answer = (token: string) =>
      live.waitForRequest(
        (r: RecordedRequest) =>
          r.path.includes(token) &&
          r.response.status < 300 &&
          (requestTo('PATCH', ORIGINAL)(r) || requestTo('POST', CALLBACK)(r)),
        WAIT_MS,
      );
    const onShard0 = chatInputCommand({ name: 'help', guildId: GUILD_ON_0, ...MEMBER });
    const onShard1 = chatInputCommand({ name: 'help', guildId: GUILD_ON_1, ...MEMBER });
    fake.injectInteraction(onShard0);
    fake.injectInteraction(onShard1);
    expect(shardsThatGot(fake.gateway.sessions, onShard0.id)).toEqual([[0, 2]]);
    expect(shardsThatGot(fake.gateway.sessions, onShard1.id)).toEqual([[1, 2]]);
    await answer(onShard0.token);
    await answer(onShard1.token);
    // Each interaction reached one process only, so each was answered exactly once.
    for (const token of [onShard0.token, onShard1.token])
      expect(fake.requestsTo('POST', CALLBACK).filter((r) => r.path.includes(token))).toHaveLength(1);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
