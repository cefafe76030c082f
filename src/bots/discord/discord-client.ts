import { Client, type ClientOptions, GatewayIntentBits, REST } from 'discord.js';
import { NO_MENTIONS } from './render/message.ts';

/** Discord's own REST base (discord.js appends `/v10`). */
export const DEFAULT_DISCORD_API = 'https://discord.com/api';

/**
 * The REST base as discord.js wants it: no trailing slash and no version
 * (it appends `/v10` itself), so `https://discord.com/api/v10/` from a
 * copied example still works instead of failing every request with a 404.
 */
export function normalizeApiUrl(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * Which gateway shards this process runs: `auto` (as many as `GET /gateway/bot`
 * recommends, all in this process), or `count` in total of which this process
 * runs `ids` (all of them when absent). Unset: one shard, as a small bot needs.
 */
export type ShardPlan = 'auto' | { readonly count: number; readonly ids?: readonly number[] };

/** The discord.js client options for a plan (internal sharding: one WebSocket per shard, one process). */
export function shardOptions(plan: ShardPlan | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (plan === undefined) return {};
  if (plan === 'auto') return { shards: 'auto' };
  const ids = plan.ids ?? Array.from({ length: plan.count }, (_, id) => id);
  return { shards: [...ids], shardCount: plan.count };
}

/**
 * The gateway client: only the `Guilds` intent (no privileged intents: the bot
 * never reads message content or member lists), and no mentions parsed by
 * default. The gateway URL (and with `auto` the shard count) comes from
 * `GET /gateway/bot` on `apiUrl`, as in production.
 */
export function createDiscordClient(apiUrl: string = DEFAULT_DISCORD_API, shards?: ShardPlan): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: normalizeApiUrl(apiUrl) },
    ...shardOptions(shards),
  });
}

/**
 * REST for the notifier and for `deploy-commands`. With `forJobs`, a 429 or a
 * 5xx is returned at once (no in-process sleeping or retrying): the job system
 * owns retries and backoff for deliveries.
 */
export function createRest(token: string, apiUrl: string = DEFAULT_DISCORD_API, forJobs = false): REST {
  const rest = new REST({
    api: normalizeApiUrl(apiUrl),
    ...(forJobs ? { retries: 0, rejectOnRateLimit: () => true, timeout: 10_000 } : {}), // why: a stuck send must not hold a worker slot for discord.js' default 15 s
  });
  return rest.setToken(token);
}
