import { randomBytes } from 'node:crypto';
import type { App } from '../app.ts';
import { serveWeb, type WebServer } from '../bots/web/start-web.ts';
import type { WebDeps } from '../bots/web/web-deps.ts';
import { RedisWebSessionStore } from '../store/web-sessions.redis-store.ts';
import type { BootConfig } from './boot.ts';
import { parseListingText } from './listing-file.ts';

// why: the web adapter's conventional port when WEB_PORT is not set (imgbot web, npm start without tokens)
const DEFAULT_WEB_PORT = 8080;

/** The web adapter's dependencies from a wired app and the environment. */
export function webDepsFromApp(
  app: App,
  boot: BootConfig,
  opts: { baseUrl: string; localUsers?: WebDeps['localUsers'] },
): WebDeps {
  const env = boot.env;
  return {
    core: { deps: app.deps, registry: app.registry },
    sessions: new RedisWebSessionStore(app.redis, app.keys),
    // A random secret per process signs CSRF tokens; several copies behind a balancer need the same one.
    secret: env.WEB_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    baseUrl: opts.baseUrl,
    localUsers: opts.localUsers ?? [],
    trustProxy: env.WEB_TRUST_PROXY ?? false,
    ...(env.DISCORD_APPLICATION_ID && env.DISCORD_CLIENT_SECRET
      ? {
          discord: {
            clientId: env.DISCORD_APPLICATION_ID,
            clientSecret: env.DISCORD_CLIENT_SECRET,
            webUrl: env.DISCORD_WEB_URL ?? 'https://discord.com',
            apiUrl: env.DISCORD_API_URL ?? 'https://discord.com/api',
            botToken: env.DISCORD_TOKEN,
          },
        }
      : {}),
    ...(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET
      ? {
          slack: {
            clientId: env.SLACK_CLIENT_ID,
            clientSecret: env.SLACK_CLIENT_SECRET,
            webUrl: env.SLACK_WEB_URL ?? 'https://slack.com',
            apiUrl: env.SLACK_API_URL ?? 'https://slack.com/api/',
            botToken: env.SLACK_BOT_TOKEN,
          },
        }
      : {}),
    parseListingFile: parseListingText,
  };
}

/**
 * Starts the web dashboard for this process: on WEB_HOST:WEB_PORT (default
 * 127.0.0.1:8080), reachable at WEB_BASE_URL (default the listening address).
 */
export async function startWeb(
  app: App,
  boot: BootConfig,
  opts: { localUsers?: WebDeps['localUsers'] } = {},
): Promise<WebServer> {
  const host = boot.env.WEB_HOST ?? '127.0.0.1';
  const port = boot.env.WEB_PORT ?? DEFAULT_WEB_PORT;
  let baseUrl = boot.env.WEB_BASE_URL ?? '';
  const depsFor = (listening: string) => {
    baseUrl ||= listening;
    return webDepsFromApp(app, boot, { ...opts, baseUrl });
  };
  const server = await serveWeb(depsFor, { host, port }).catch((err: NodeJS.ErrnoException) => {
    // With no WEB_PORT chosen, a busy default port is not the newcomer's problem: take a free one.
    if (err.code === 'EADDRINUSE' && boot.env.WEB_PORT === undefined)
      return serveWeb(depsFor, { host, port: 0 });
    throw err;
  });
  boot.logger.info({ url: baseUrl }, 'web dashboard listening');
  return server;
}
