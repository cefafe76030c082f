import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import type { Env } from '../../config/env.ts';
import { createRegistry } from '../../core/command-list.ts';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import { type BootConfig, ConfigError } from '../../runtime/boot.ts';
import { manifestJson } from './manifest.ts';
import { parseModeratorList } from './slack-actor.ts';
import {
  createSlackBolt,
  type SlackAdapterCore,
  type SlackAdapterOptions,
  type SlackBolt,
} from './slack-app.ts';
import { SlackNotifier } from './slack-notifier.ts';

/** A running Slack adapter. */
export interface SlackAdapter extends SlackBolt {
  /** HTTP mode: the port the receiver listens on (useful with port 0). */
  readonly port?: number;
  stop(): Promise<void>;
}

// why: in-flight requests get this long to finish on shutdown before their sockets are cut
const DRAIN_MS = 5_000;

async function closeServer(stopping: Promise<unknown>, server: Server | undefined): Promise<void> {
  server?.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const drained = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      server?.closeAllConnections();
      resolve();
    }, DRAIN_MS);
  });
  await Promise.race([stopping.then(() => undefined), drained]);
  clearTimeout(timer);
  server?.closeAllConnections(); // why: Slack keeps sockets alive; without this close() waits for them
  await stopping.catch(() => undefined);
}

/**
 * Starts the Slack adapter: checks the token (auth.test) so a wrong one fails
 * here with a clear message, then listens (HTTP on the port) or connects
 * (Socket Mode).
 */
export async function startSlackAdapter(
  core: SlackAdapterCore,
  opts: SlackAdapterOptions,
): Promise<SlackAdapter> {
  const wired = createSlackBolt(core, opts);
  try {
    await wired.bolt.init();
  } catch (err) {
    throw new Error(`Slack start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { mode } = opts;
  if (mode.kind === 'socket') {
    await wired.bolt.start();
    opts.logger.info({ mode: 'socket', oauth: Boolean(opts.oauth) }, 'slack adapter connected');
    return { ...wired, stop: async () => void (await wired.bolt.stop()) };
  }
  const server = (await wired.bolt.start({ port: mode.port, host: mode.host })) as Server;
  const port = (server.address() as AddressInfo | null)?.port;
  opts.logger.info({ mode: 'http', port, oauth: Boolean(opts.oauth) }, 'slack adapter listening');
  let stopped = false;
  return {
    ...wired,
    ...(port !== undefined ? { port } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeServer(wired.bolt.stop(), server);
    },
  };
}

/**
 * The adapter's options from the validated environment. Socket Mode when
 * SLACK_APP_TOKEN is set (it needs no public URL), else HTTP on PORT with
 * SLACK_SIGNING_SECRET; OAuth when SLACK_CLIENT_ID/SECRET are set.
 */
export function slackOptionsFromEnv(env: Env, logger: CoreLogger): SlackAdapterOptions {
  const oauth = env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET;
  if (oauth && env.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET (installs through OAuth), not both.',
    );
  }
  if (oauth && !env.SLACK_STATE_SECRET) {
    throw new ConfigError(
      'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID (it protects the install flow). Example: SLACK_STATE_SECRET=a-long-random-string',
    );
  }
  if (!oauth && !env.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN is not set. Example: SLACK_BOT_TOKEN=xoxb-…');
  }
  let mode: SlackAdapterOptions['mode'];
  if (env.SLACK_APP_TOKEN) mode = { kind: 'socket', appToken: env.SLACK_APP_TOKEN, port: env.PORT };
  else if (env.SLACK_SIGNING_SECRET)
    mode = { kind: 'http', signingSecret: env.SLACK_SIGNING_SECRET, port: env.PORT };
  else
    throw new ConfigError(
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required. Example: SLACK_APP_TOKEN=xapp-…',
    );
  return {
    mode,
    ...(oauth
      ? {
          oauth: {
            clientId: env.SLACK_CLIENT_ID as string,
            clientSecret: env.SLACK_CLIENT_SECRET as string,
            stateSecret: env.SLACK_STATE_SECRET as string,
          },
        }
      : { botToken: env.SLACK_BOT_TOKEN }),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    moderators: parseModeratorList(env.SLACK_MODERATORS),
    logger,
  };
}

/**
 * Registers the Slack notifier alone (no Bolt, no listeners): for processes
 * that deliver reminders without running the adapter, such as `imgbot worker`.
 * With OAuth the workspace tokens come from the installation store it is handed.
 */
export function registerSlackNotifier(app: SlackAdapterCore, env: Env, logger: CoreLogger): void {
  const token = env.SLACK_BOT_TOKEN;
  const installations = app.slackStores.installations;
  const notifier = new SlackNotifier({
    tokenFor: token ? async () => token : (teamId) => installations.botToken(teamId),
    logger,
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
  });
  app.notifier.register('slack', notifier);
}

/** `imgbot start` with Slack tokens set: the adapter, stopped by the returned function. */
export async function startSlack(app: SlackAdapterCore, boot: BootConfig): Promise<() => Promise<void>> {
  const adapter = await startSlackAdapter(app, slackOptionsFromEnv(boot.env, boot.logger));
  return () => adapter.stop();
}

/**
 * `imgbot slack-manifest [--url BASE]`: prints the app manifest generated
 * from the registry. With a URL, an HTTP-mode app whose request URLs point at
 * `BASE/slack/events`; without, a Socket Mode app.
 */
export async function slackManifestCommand(
  opts: { url?: string },
  out: Writable = process.stdout,
): Promise<void> {
  if (opts.url !== undefined) {
    let ok = false;
    try {
      ok = new URL(opts.url).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new ConfigError(
        `--url must be the public https:// address of the bot (got "${opts.url}"). Example: --url https://imgbot.example.org`,
      );
    }
  }
  out.write(manifestJson(createRegistry(), opts.url !== undefined ? { url: opts.url } : {}));
}
