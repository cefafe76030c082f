import type { App } from '../app.ts';
import type { DiscordAdapter } from '../bots/discord/start-discord.ts';
import { enabledPlatforms } from '../config/env.ts';
import { createCommandObserver } from '../ops/command-observer.ts';
import { type HealthServer, type ReadinessCheck, startHealthServer } from '../ops/health-server.ts';
import { ImgbotMetrics } from '../ops/metrics.ts';
import { appFromBoot, type BootConfig, ConfigError, connectRedis, loadBootConfig } from './boot.ts';
import { installProcessGuard } from './process-guard.ts';
import { loadSampleListingsIfEmpty } from './sample-listings.ts';
import { type Services, startServices } from './services.ts';
import { runShellOn } from './shell.ts';
import { untilShutdown } from './shutdown.ts';

/**
 * What a process runs: `start` everything this configuration turns on (the
 * shell when no platform token is set), or one role alone, in any number of
 * copies against one Redis.
 */
export type RoleName = 'start' | 'discord' | 'slack' | 'worker' | 'web';

type Source = Readonly<Record<string, string | undefined>>;

interface Parts {
  readonly discord: boolean;
  readonly slack: boolean;
  readonly worker: boolean;
  readonly web: boolean;
}

function partsOf(role: RoleName, boot: BootConfig): Parts {
  const platforms = enabledPlatforms(boot.env);
  if (role === 'discord' && !platforms.discord) {
    throw new ConfigError('imgbot discord needs DISCORD_TOKEN. Example: DISCORD_TOKEN=MTE…(bot token)');
  }
  if (role === 'slack' && !platforms.slack) {
    throw new ConfigError(
      'imgbot slack needs SLACK_BOT_TOKEN (or SLACK_CLIENT_ID/SECRET). Example: SLACK_BOT_TOKEN=xoxb-…',
    );
  }
  const all = role === 'start';
  return {
    discord: role === 'discord' || (all && platforms.discord),
    slack: role === 'slack' || (all && platforms.slack),
    worker: role === 'worker' || all,
    web: role === 'web' || (all && boot.env.WEB_PORT !== undefined),
  };
}

async function redisAnswersPing(app: App): Promise<boolean> {
  return (await app.redis.ping()) === 'PONG';
}

/**
 * Runs a role until SIGTERM/SIGINT: checks and waits for Redis, wires the
 * core with metrics, starts the health server (when HEALTH_PORT is set; not
 * ready until the rest is up), the adapters (before the workers, so a reminder
 * that came due while everything was down finds its platform) and the
 * workers, then on a signal stops the adapters, the workers and the health
 * server last, within SHUTDOWN_TIMEOUT_MS.
 */
export async function runRole(source: Source, role: RoleName): Promise<void> {
  const boot = await loadBootConfig(source);
  const metrics = new ImgbotMetrics();
  installProcessGuard({
    logger: boot.logger,
    onCaught: (kind) => metrics.processErrors.inc({ kind }),
    onOverwhelmed: () => {
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    },
  });
  const parts = partsOf(role, boot);
  const redis = await connectRedis(boot, role === 'start' ? 'start' : 'other');
  const app = appFromBoot(boot, { observer: createCommandObserver(boot.logger, metrics) });
  if (role === 'start' && !parts.discord && !parts.slack) {
    await loadSampleListingsIfEmpty(app, boot);
    const user = source.USER && /^[A-Za-z0-9_.-]{1,32}$/.test(source.USER) ? source.USER : 'me';
    // The local operator of a fresh install is its moderator, in the shell and on the web.
    const { startWeb } = await import('./web.ts');
    const web = await startWeb(app, boot, { localUsers: [{ name: user, moderator: true }] });
    process.stderr.write(`Web dashboard: ${web.url}/login (sign in as ${user})\n`);
    await runShellOn(app, boot, { user, mod: true, json: false }, async () => {
      await web.close();
      await redis.stop();
    });
    return;
  }
  metrics.measureRedisWith(async () => {
    const started = performance.now();
    await app.redis.ping();
    return (performance.now() - started) / 1000;
  });
  // The health server comes up before the adapters: a many-shard login takes a while, and
  // meanwhile /healthz says "alive" and /readyz "not ready yet" instead of refusing connections.
  let discordAdapter: DiscordAdapter | undefined;
  let services: Services | undefined;
  const checks: ReadinessCheck[] = [{ name: 'redis', check: () => redisAnswersPing(app) }];
  if (parts.discord)
    checks.push({ name: 'discord_gateway', check: () => discordAdapter?.gatewayReady() ?? false });
  if (parts.worker) checks.push({ name: 'workers', check: () => services?.running() ?? false });
  let health: HealthServer | undefined;
  if (boot.env.HEALTH_PORT !== undefined) {
    health = await startHealthServer({
      port: boot.env.HEALTH_PORT,
      host: boot.env.HEALTH_HOST,
      metrics,
      checks,
    });
    boot.logger.info({ port: health.port, host: boot.env.HEALTH_HOST }, 'health and metrics listening');
  }
  const stops: (() => Promise<void>)[] = [];
  // why dynamic: a platform's library (discord.js, Bolt) is loaded only by a role that uses it
  const discord = () => import('../bots/discord/start-discord.ts');
  const slack = () => import('../bots/slack/start-slack.ts');
  if (parts.discord) {
    const { startDiscordAdapter, shardPlanOf } = await discord();
    const adapter = await startDiscordAdapter(app, {
      token: boot.env.DISCORD_TOKEN as string,
      applicationId: boot.env.DISCORD_APPLICATION_ID,
      apiUrl: boot.env.DISCORD_API_URL,
      logger: boot.logger,
      shards: shardPlanOf(boot.env),
      onRateLimited: () => metrics.rateLimited.inc({ platform: 'discord' }),
    });
    discordAdapter = adapter;
    stops.push(() => adapter.stop());
  }
  if (parts.slack) stops.push(await (await slack()).startSlack(app, boot));
  if (parts.web) {
    const { startWeb } = await import('./web.ts');
    const web = await startWeb(app, boot);
    process.stderr.write(`imgbot web dashboard: ${web.url}\n`);
    stops.push(() => web.close());
  }
  if (parts.worker) {
    // A worker alone delivers over the platforms' REST APIs (no gateway needed).
    if (!parts.discord && boot.env.DISCORD_TOKEN)
      (await discord()).registerDiscordNotifier(app, boot.env.DISCORD_TOKEN, boot.env.DISCORD_API_URL);
    if (!parts.slack && enabledPlatforms(boot.env).slack)
      (await slack()).registerSlackNotifier(app, boot.env, boot.logger);
    services = await startServices(app, boot, { metrics });
  }
  // why these exact words: scripts and tests wait for them (the worker's predates the other roles)
  const running =
    role === 'worker' ? 'workers running; stop with Ctrl-C' : 'imgbot is running; stop with Ctrl-C';
  boot.logger.info({ role, ...parts }, running);
  await untilShutdown(boot.logger, boot.env.SHUTDOWN_TIMEOUT_MS, async () => {
    health?.markStopping();
    for (const stop of stops) await stop();
    await services?.close();
    await app.close();
    await redis.stop();
    await health?.close();
  });
}
