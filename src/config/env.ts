import { IANAZone } from 'luxon';
import { z } from 'zod';
import { fail, ok, type Result } from '../core/result.ts';

/**
 * The one place that reads `process.env` (callers pass it in). Every variable
 * has a schema and an example, so a bad value stops start-up with one line:
 * the variable, what is wrong, what was given (never for secrets) and an example.
 */
interface VarSpec {
  readonly schema: z.ZodType;
  readonly example: string;
  readonly secret?: boolean;
}

const url = (protocols: readonly string[], what: string) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be ${what}`);

const PORT_MESSAGE = { error: 'must be a port number from 0 to 65535' };
const port = () =>
  z.coerce.number(PORT_MESSAGE).int(PORT_MESSAGE).min(0, PORT_MESSAGE).max(65535, PORT_MESSAGE);

const millis = (min: number, max: number) => {
  const message = { error: `must be a whole number of milliseconds from ${min} to ${max}` };
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
};

const optionalSecret = (pattern: RegExp, what: string) =>
  z.string().regex(pattern, `must look like ${what}`).optional();

/** `0,1` or `0-3,8` -> the sorted, distinct shard ids (a reversed range names none). */
function parseShardIds(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map((n) => Number(n.trim()));
    for (let id = from ?? 0; id <= (to ?? -1); id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const VARS = {
  REDIS_URL: {
    schema: url(['redis:', 'rediss:'], 'a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
    example: 'redis://127.0.0.1:6379',
  },
  /** With REDIS_URL unset: the loopback port of the local Redis (and of the private one `npm start` may start). */
  IMGBOT_LOCAL_REDIS_PORT: { schema: port().min(1, PORT_MESSAGE).default(6379), example: '6379' },
  /** How long a process waits for an unreachable Redis at start-up before it gives up (exit 1). */
  REDIS_WAIT_MS: {
    schema: millis(0, 3_600_000).default(30_000), // why: long enough for Redis to restart or load its data
    example: '30000',
  },
  /** A command to Redis that gets no answer in this time fails, so members hear "temporarily unavailable". */
  REDIS_COMMAND_TIMEOUT_MS: {
    schema: millis(100, 60_000).default(1_500), // why: keeps a member's answer under 2 s while Redis is away
    example: '1500',
  },
  /** Port of /healthz, /readyz and /metrics; unset: no health server. */
  HEALTH_PORT: { schema: port().optional(), example: '9464' },
  /** Address the health server binds to; loopback unless set (e.g. 0.0.0.0 in a container). */
  HEALTH_HOST: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]{1,100}$/, 'must be a host name or IP address')
      .default('127.0.0.1'),
    example: '127.0.0.1',
  },
  /** On SIGTERM/SIGINT, in-flight work gets this long before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: { schema: millis(100, 600_000).default(10_000), example: '10000' },
  IMGBOT_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.{}-]{1,40}:?$/, 'must be 1-40 letters, digits, _ . - { } (optionally ending in :)')
      .transform((v) => (v.endsWith(':') ? v : `${v}:`))
      .default('imgbot:'),
    example: 'imgbot:',
  },
  DEFAULT_TIMEZONE: {
    schema: z
      .string()
      .refine((v) => IANAZone.isValidZone(v), 'must be an IANA time zone name')
      .optional(),
    example: 'America/New_York',
  },
  LOG_LEVEL: {
    schema: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .optional(), // why optional: unset means info, except in an interactive shell (warn), where logs would bury replies
    example: 'info',
  },
  NODE_ENV: { schema: z.string().optional(), example: 'production' },
  IMGBOT_CONFIG_DIR: { schema: z.string().min(1).default('config'), example: 'config' },
  IMGBOT_DATA_DIR: { schema: z.string().min(1).default('data'), example: 'data' },
  /** Read before everything else by the CLI (config/env-file.ts); listed here so it is documented and checked. */
  IMGBOT_ENV_FILE: { schema: z.string().min(1).optional(), example: '.env' },
  DISCORD_TOKEN: {
    schema: z.string().min(20, 'must be the bot token from the Discord developer portal').optional(),
    example: 'MTE…(bot token)',
    secret: true,
  },
  DISCORD_APPLICATION_ID: {
    schema: z
      .string()
      .regex(/^\d{5,25}$/, 'must be the numeric application id')
      .optional(),
    example: '1234567890123456789',
  },
  DISCORD_API_URL: {
    schema: url(['http:', 'https:'], 'an http(s) URL').optional(),
    example: 'https://discord.com/api',
  },
  /** How many gateway shards the bot runs in total: `auto` (Discord's recommendation) or a fixed count. Unset: one. */
  DISCORD_SHARDS: {
    schema: z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a whole number of shards from 1 to 99999')
      .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v)))
      .optional(),
    example: 'auto',
  },
  /** The shards this process runs (of DISCORD_SHARDS), to split them across machines; unset: all of them. */
  DISCORD_SHARD_IDS: {
    schema: z
      .string()
      .regex(
        /^\s*\d{1,5}(\s*-\s*\d{1,5})?(\s*,\s*\d{1,5}(\s*-\s*\d{1,5})?)*\s*$/,
        'must be shard ids and ranges separated by commas',
      )
      .transform(parseShardIds)
      .refine((ids) => ids.length > 0, 'must name at least one shard (a range goes from low to high)')
      .optional(),
    example: '0-3,8',
  },
  SLACK_BOT_TOKEN: { schema: optionalSecret(/^xoxb-/, 'xoxb-…'), example: 'xoxb-…', secret: true },
  SLACK_SIGNING_SECRET: {
    schema: z.string().min(8, 'must be the signing secret from the Slack app page').optional(),
    example: '8f14e45f…',
    secret: true,
  },
  SLACK_APP_TOKEN: { schema: optionalSecret(/^xapp-/, 'xapp-…'), example: 'xapp-…', secret: true },
  SLACK_CLIENT_ID: { schema: z.string().min(3).optional(), example: '1234.5678' },
  SLACK_CLIENT_SECRET: { schema: z.string().min(8).optional(), example: 'abcd…', secret: true },
  SLACK_STATE_SECRET: { schema: z.string().min(8).optional(), example: 'a-long-random-string', secret: true },
  SLACK_API_URL: {
    schema: url(['http:', 'https:'], 'an http(s) URL').optional(),
    example: 'https://slack.com/api/',
  },
  SLACK_MODERATORS: {
    schema: z
      .string()
      .regex(
        /^\s*[UWS][A-Z0-9]{2,30}\s*(,\s*[UWS][A-Z0-9]{2,30}\s*)*$/,
        'must be Slack user ids (U…) and/or user-group ids (S…), separated by commas',
      )
      .optional(),
    example: 'U012AB3CD,S0MODS123',
  },
  WEB_PORT: { schema: port().optional(), example: '8080' },
  WEB_HOST: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'must be a host name or IP address to listen on')
      .optional(),
    example: '127.0.0.1',
  },
  WEB_BASE_URL: {
    schema: url(['http:', 'https:'], 'an http(s) URL (the address people open, without a trailing path)')
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    example: 'https://imgbot.example.org',
  },
  WEB_TRUST_PROXY: {
    schema: z
      .enum(['true', 'false', 'yes', 'no', '1', '0'], { error: 'must be true or false' })
      .transform((v) => v === 'true' || v === 'yes' || v === '1')
      .optional(),
    example: 'true',
  },
  WEB_SESSION_SECRET: {
    schema: z.string().min(32, 'must be at least 32 random characters').optional(),
    example: 'a-long-random-string-of-32-or-more-characters',
    secret: true,
  },
  DISCORD_CLIENT_SECRET: {
    schema: z
      .string()
      .min(8, 'must be the OAuth2 client secret from the Discord developer portal')
      .optional(),
    example: 'abcd…',
    secret: true,
  },
  DISCORD_WEB_URL: {
    schema: url(['http:', 'https:'], 'an http(s) URL').optional(),
    example: 'https://discord.com',
  },
  SLACK_WEB_URL: {
    schema: url(['http:', 'https:'], 'an http(s) URL').optional(),
    example: 'https://slack.com',
  },
  PORT: { schema: port().default(3000), example: '3000' },
} satisfies Record<string, VarSpec>;

export type EnvName = keyof typeof VARS;
export type Env = { [K in EnvName]: z.output<(typeof VARS)[K]['schema']> };

/** Names of variables that must never be printed or logged. */
export const SECRET_VARS: readonly EnvName[] = (Object.keys(VARS) as EnvName[]).filter(
  (k) => (VARS[k] as VarSpec).secret,
);

/** Validates the environment. Empty strings count as unset (a common `.env` habit). */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): Result<Env> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(VARS) as [EnvName, VarSpec][]) {
    const raw = source[name] === '' ? undefined : source[name];
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'is not valid';
      const shown = spec.secret ? '' : ` (got "${raw}")`;
      return fail('CONFIG.ENV', `${name} ${why}${shown}. Example: ${name}=${spec.example}`, {
        variable: name,
      });
    }
    out[name] = parsed.data;
  }
  return crossCheck(out as Env);
}

function crossCheck(env: Env): Result<Env> {
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
    return fail(
      'CONFIG.ENV',
      'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set. Example: DISCORD_APPLICATION_ID=1234567890123456789',
      { variable: 'DISCORD_APPLICATION_ID' },
    );
  }
  const shards = checkShards(env);
  if (!shards.ok) return shards;
  const oauth = Boolean(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET);
  if (env.SLACK_BOT_TOKEN || oauth) {
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      return fail(
        'CONFIG.ENV',
        'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required with Slack tokens. Example: SLACK_APP_TOKEN=xapp-…',
        { variable: 'SLACK_SIGNING_SECRET' },
      );
    }
  }
  if (Boolean(env.SLACK_CLIENT_ID) !== Boolean(env.SLACK_CLIENT_SECRET)) {
    return fail('CONFIG.ENV', 'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together; set both or neither.', {
      variable: 'SLACK_CLIENT_ID',
    });
  }
  return ok(env);
}

/**
 * Machines that split the shards must agree on the total, so DISCORD_SHARD_IDS
 * needs a fixed DISCORD_SHARDS (`auto` could differ between machines), and
 * every id must be below it.
 */
function checkShards(env: Env): Result<Env> {
  const ids = env.DISCORD_SHARD_IDS;
  if (!ids) return ok(env);
  const count = env.DISCORD_SHARDS;
  if (typeof count !== 'number') {
    return fail(
      'CONFIG.ENV',
      `DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards (got "${count ?? ''}"): every machine must use the same total. Example: DISCORD_SHARDS=4 DISCORD_SHARD_IDS=0-1`,
      { variable: 'DISCORD_SHARDS' },
    );
  }
  const beyond = ids.filter((id) => id >= count);
  if (beyond.length > 0) {
    return fail(
      'CONFIG.ENV',
      `DISCORD_SHARD_IDS names shard${beyond.length > 1 ? 's' : ''} ${beyond.join(', ')}, but with DISCORD_SHARDS=${count} the ids go from 0 to ${count - 1}. Example: DISCORD_SHARDS=${count} DISCORD_SHARD_IDS=0${count > 1 ? `-${count - 1}` : ''}`,
      { variable: 'DISCORD_SHARD_IDS' },
    );
  }
  return ok(env);
}

/** Which adapters the environment turns on. */
export function enabledPlatforms(env: Env): { discord: boolean; slack: boolean } {
  return {
    discord: Boolean(env.DISCORD_TOKEN),
    slack: Boolean(env.SLACK_BOT_TOKEN || (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET)),
  };
}
