import { Client, GatewayIntentBits, REST } from 'discord.js';
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
 * The gateway client: only the `Guilds` intent (no privileged intents: the bot
 * never reads message content or member lists), and no mentions parsed by
 * default. The gateway URL comes from `GET /gateway/bot` on `apiUrl`, as in production.
 */
export function createDiscordClient(apiUrl: string = DEFAULT_DISCORD_API): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: normalizeApiUrl(apiUrl) },
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
