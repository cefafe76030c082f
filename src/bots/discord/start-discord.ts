import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, Events, PermissionFlagsBits, RESTEvents, Status } from 'discord.js';
import type { Env } from '../../config/env.ts';
import { createRegistry } from '../../core/command-list.ts';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { WiredCore } from '../../core/wired-core.ts';
import { type BootConfig, ConfigError, loadBootConfig } from '../../runtime/boot.ts';
import { buildCommandsJson } from './commands-json.ts';
import { createCustomIdCodec, customIdSecret } from './custom-id.ts';
import { deployCommands, formatDeployReport } from './deploy-commands.ts';
import { createDiscordClient, createRest, DEFAULT_DISCORD_API, type ShardPlan } from './discord-client.ts';
import { DiscordNotifier } from './discord-notifier.ts';
import { PendingForms } from './router/pending-forms.ts';
import { createInteractionRouter } from './router/router.ts';

/** What the bot needs in a channel: see it, post, embed, attach (announcements, shared answers, exports). */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;

// why: a clean destroy takes one WebSocket close handshake, well under a second
const DESTROY_BOUND_MS = 2_000;

/** The URL a server owner opens to add the bot. */
export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`;
}

/**
 * Registers the Discord notifier alone (REST, no gateway): for processes that
 * deliver reminders without running the adapter, such as `imgbot worker`.
 */
export function registerDiscordNotifier(app: WiredCore, token: string, apiUrl?: string): void {
  const codec = createCustomIdCodec(customIdSecret(token));
  app.notifier.register(
    'discord',
    new DiscordNotifier(createRest(token, apiUrl, true), codec, app.deps.logger),
  );
}

export interface DiscordAdapterOptions {
  readonly token: string;
  readonly applicationId?: string;
  /** REST base without version; default Discord's own. */
  readonly apiUrl?: string;
  readonly logger: CoreLogger;
  /** Default 2,000 ms: leaves a second of Discord's 3 for the network. */
  readonly autocompleteBudgetMs?: number;
  /** Default 2,000 ms: how long the core may take before an answer is deferred (Discord voids it after 3 s). */
  readonly answerBudgetMs?: number;
  /** Login fails when no shard became ready for this long (default 60 s; reset by each ready shard). */
  readonly readyTimeoutMs?: number;
  /** Which gateway shards this process runs (DISCORD_SHARDS / DISCORD_SHARD_IDS); default one. */
  readonly shards?: ShardPlan;
  /** Called for every 429 Discord answers to the adapter's own requests (replies, edits, follow-ups). */
  readonly onRateLimited?: () => void;
}

export interface DiscordAdapter {
  readonly client: Client;
  /** True while every shard this process runs is connected and ready (readiness). */
  gatewayReady(): boolean;
  stop(): Promise<void>;
}

/** The shard plan the environment asks for (unset: discord.js' single shard). */
export function shardPlanOf(env: Pick<Env, 'DISCORD_SHARDS' | 'DISCORD_SHARD_IDS'>): ShardPlan | undefined {
  const count = env.DISCORD_SHARDS;
  if (count === undefined || count === 'auto') return count;
  return { count, ids: env.DISCORD_SHARD_IDS };
}

/**
 * Resolves on `ClientReady` (every shard of this process ready). The timeout
 * restarts with each shard that turns ready: Discord lets a bot identify one
 * shard per 5 s (per `max_concurrency` bucket), so a fixed total would fail a
 * healthy start of many shards.
 */
function whenReady(client: Client, idleMs: number): { ready: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let cancel = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        cancel();
        reject(new Error(`no gateway shard became ready within ${idleMs} ms`));
      }, idleMs);
    };
    const onReady = () => {
      cancel();
      resolve();
    };
    cancel = () => {
      clearTimeout(timer);
      client.off(Events.ShardReady, arm);
      client.off(Events.ClientReady, onReady);
    };
    client.on(Events.ShardReady, arm);
    client.once(Events.ClientReady, onReady);
    arm();
  });
  return { ready, cancel: () => cancel() };
}

/**
 * Starts the Discord adapter on a wired app: registers the notifier for
 * `discord:` addresses, logs the gateway client in, routes interactions.
 * Resolves once the client is ready (guilds received).
 */
export async function startDiscordAdapter(
  app: WiredCore,
  opts: DiscordAdapterOptions,
): Promise<DiscordAdapter> {
  const { logger } = opts;
  const apiUrl = opts.apiUrl ?? DEFAULT_DISCORD_API;
  const codec = createCustomIdCodec(customIdSecret(opts.token));
  registerDiscordNotifier(app, opts.token, apiUrl);
  const client = createDiscordClient(apiUrl, opts.shards);
  const router = createInteractionRouter({
    deps: app.deps,
    registry: app.registry,
    codec,
    logger,
    pendingForms: new PendingForms(),
    autocompleteBudgetMs: opts.autocompleteBudgetMs ?? 2_000,
    answerBudgetMs: opts.answerBudgetMs ?? 2_000,
  });
  client.on(Events.InteractionCreate, (interaction) => void router(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardError, (err, shard) => logger.warn({ err, shard }, 'discord gateway error'));
  // why: a stray rejection from discord.js internals must be logged, not crash every adapter in the process
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, 'unhandled rejection (discord adapter)');
  process.on('unhandledRejection', onRejection);

  const { onRateLimited } = opts;
  // why the response event: `rateLimited` also fires when discord.js merely waits out a bucket, without any 429
  if (onRateLimited)
    client.rest.on(RESTEvents.Response, (_req, res) => res.status === 429 && onRateLimited());
  client.on(Events.ShardReady, (shard) => logger.debug({ shard }, 'discord shard ready'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'discord shard disconnected and will not reconnect'),
  );

  const ready = whenReady(client, opts.readyTimeoutMs ?? 60_000); // why: Discord's READY and guild stream take seconds, not minutes
  try {
    // Together: login itself waits on the gateway, so a gateway that never greets must time out too.
    await Promise.all([client.login(opts.token), ready.ready]);
  } catch (err) {
    ready.cancel();
    process.off('unhandledRejection', onRejection);
    // why bounded: destroying a shard that still waits for the gateway's HELLO can wait forever in discord.js
    await Promise.race([client.destroy(), sleep(DESTROY_BOUND_MS)]);
    throw new Error(`Discord login failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (opts.applicationId && client.application?.id !== opts.applicationId) {
    logger.warn(
      { configured: opts.applicationId, actual: client.application?.id },
      'DISCORD_APPLICATION_ID does not match the bot token; deploy-commands registers for the configured id',
    );
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      shards: client.ws.shards.map((shard) => shard.id),
      shardCount: client.options.shardCount,
    },
    'discord adapter ready',
  );
  return {
    client,
    // why per shard: discord.js keeps the client "ready" while a shard reconnects, yet that shard's servers get no answers
    gatewayReady: () =>
      client.isReady() &&
      client.ws.shards.size > 0 &&
      client.ws.shards.every((shard) => shard.status === Status.Ready),
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      await client.destroy();
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** `imgbot start` with DISCORD_TOKEN set: the adapter, stopped by the returned function. */
export async function startDiscord(app: WiredCore, boot: BootConfig): Promise<() => Promise<void>> {
  const token = boot.env.DISCORD_TOKEN;
  if (!token) throw new ConfigError('DISCORD_TOKEN is not set. Example: DISCORD_TOKEN=MTE…(bot token)');
  const adapter = await startDiscordAdapter(app, {
    token,
    applicationId: boot.env.DISCORD_APPLICATION_ID,
    apiUrl: boot.env.DISCORD_API_URL,
    logger: boot.logger,
    shards: shardPlanOf(boot.env),
  });
  return () => adapter.stop();
}

/**
 * `imgbot deploy-commands [--guild ID]`: registers the commands generated
 * from the core registry (in one guild for development: instant; globally
 * for production) and prints what was added, changed and removed.
 */
export async function deployCommandsCommand(
  source: Readonly<Record<string, string | undefined>>,
  opts: { guild?: string },
  out: Writable = process.stdout,
): Promise<void> {
  const { env } = await loadBootConfig(source);
  if (!env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID. Example: DISCORD_APPLICATION_ID=1234567890123456789',
    );
  }
  if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild)) {
    throw new ConfigError(
      `--guild must be a numeric server id (got "${opts.guild}"). Example: --guild 1234567890123456789`,
    );
  }
  const rest = createRest(env.DISCORD_TOKEN, env.DISCORD_API_URL);
  const report = await deployCommands(
    rest,
    env.DISCORD_APPLICATION_ID,
    buildCommandsJson(createRegistry()),
    opts.guild,
  );
  out.write(`${formatDeployReport(report)}\nInvite URL: ${inviteUrl(env.DISCORD_APPLICATION_ID)}\n`);
}
