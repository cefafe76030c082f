import { type AppOptions, App as BoltApp, type HTTPReceiverOptions } from '@slack/bolt';
import type { DeliveryDedupe } from '../../core/ports/delivery-dedupe.port.ts';
import type { InstallationRecord, InstallationStore } from '../../core/ports/installation.port.ts';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { WiredCore } from '../../core/wired-core.ts';
import { type BoltInstallations, boltInstallations } from './bolt-installations.ts';
import { dedupeEvents } from './dedupe.ts';
import { createHttpReceiver, EVENTS_PATH } from './http-receiver.ts';
import { registerListeners } from './listeners/index.ts';
import { BOT_SCOPES } from './manifest.ts';
import { type ConfiguredModerators, SlackActorResolver } from './slack-actor.ts';
import type { SlackDeps } from './slack-deps.ts';
import { boltLogger } from './slack-logger.ts';
import { SlackNotifier, type TokenLookup } from './slack-notifier.ts';

/** How Slack reaches the bot: signed HTTP requests on a port, or a Socket Mode websocket. */
export type SlackMode =
  | { readonly kind: 'http'; readonly signingSecret: string; readonly port: number; readonly host?: string }
  /** `port`: where the OAuth install pages listen (Socket Mode has no other HTTP). */
  | { readonly kind: 'socket'; readonly appToken: string; readonly port?: number };

/** Multi-workspace installs through Slack's OAuth; installations live in Redis. */
export interface SlackOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
}

export interface SlackAdapterOptions {
  readonly mode: SlackMode;
  /** One workspace: its bot token (`xoxb-…`). Exactly one of `botToken` and `oauth`. */
  readonly botToken?: string;
  readonly oauth?: SlackOAuth;
  /** Web API base URL (Bolt's `clientOptions.slackApiUrl`); default Slack's own. */
  readonly slackApiUrl?: string;
  readonly moderators?: ConfiguredModerators;
  readonly logger: CoreLogger;
  /** How long a modal submission may work before the modal closes (Slack waits 3 s). */
  readonly submitBudgetMs?: number;
  /** The receiver's clock for the request-timestamp window (tests). */
  readonly now?: () => number;
}

/** The stores the Slack adapter is handed by the composition root (it builds none itself). */
export interface SlackStores {
  /** OAuth installs: one record per workspace, with its bot token. */
  readonly installations: InstallationStore<InstallationRecord>;
  /** Which Slack deliveries (events, slash commands) were already handled. */
  readonly dedupe: DeliveryDedupe;
}

/** The core as the Slack adapter gets it: the wired core and its Slack stores. */
export interface SlackAdapterCore extends WiredCore {
  readonly slackStores: SlackStores;
}

/** The wired Slack adapter before it is started. */
export interface SlackBolt {
  readonly bolt: BoltApp;
  readonly deps: SlackDeps;
  readonly notifier: SlackNotifier;
  /** Set in OAuth mode. */
  readonly installations?: BoltInstallations;
}

// why: leaves ~1 s of Slack's 3 s for the network and the answer itself
const DEFAULT_SUBMIT_BUDGET_MS = 2_000;
const HEALTH_PATH = '/healthz';

function oauthOptions(opts: SlackAdapterOptions, store: BoltInstallations) {
  const oauth = opts.oauth;
  if (!oauth) return {};
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: store,
    installerOptions: {
      // why: /slack/install sends the admin straight to Slack's consent page (no extra "Add to Slack" page)
      directInstall: true,
      ...(opts.slackApiUrl ? { clientOptions: { slackApiUrl: opts.slackApiUrl } } : {}),
      ...(opts.mode.kind === 'socket' && opts.mode.port !== undefined ? { port: opts.mode.port } : {}),
    },
  };
}

function boltOptions(opts: SlackAdapterOptions, store: BoltInstallations): AppOptions {
  const logger = boltLogger(opts.logger);
  const common: AppOptions = {
    logger,
    // why: Bolt mutates clientOptions (adds its logger) and shares it, so each App gets a fresh object
    clientOptions: opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {},
    convoStore: false,
    deferInitialization: true,
    ...(opts.botToken ? { token: opts.botToken } : {}),
  };
  const oauth = oauthOptions(opts, store);
  if (opts.mode.kind === 'socket') {
    // why: Bolt hands installerOptions.clientOptions to the Socket Mode client, whose
    // apps.connections.open must reach SLACK_API_URL too (with or without OAuth)
    const installerOptions = {
      ...oauth.installerOptions,
      ...(opts.slackApiUrl ? { clientOptions: { slackApiUrl: opts.slackApiUrl } } : {}),
    };
    return { ...common, ...oauth, installerOptions, socketMode: true, appToken: opts.mode.appToken };
  }
  const health = {
    path: HEALTH_PATH,
    method: 'GET',
    handler: (_req: unknown, res: { writeHead(s: number): void; end(b: string): void }) => {
      res.writeHead(200);
      res.end('ok');
    },
  };
  const receiverOptions: HTTPReceiverOptions = {
    signingSecret: opts.mode.signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    customRoutes: [health],
    ...oauth,
  };
  return { ...common, receiver: createHttpReceiver(receiverOptions, opts.now) };
}

/**
 * Builds the Slack adapter on a wired core: the real Bolt App (HTTP receiver
 * with the timestamp check, or Socket Mode; one token or OAuth with the
 * installation store it is handed), the event dedupe, every listener, and the
 * notifier for `slack:` addresses. `startSlackAdapter` starts it.
 */
export function createSlackBolt(core: SlackAdapterCore, opts: SlackAdapterOptions): SlackBolt {
  if (Boolean(opts.botToken) === Boolean(opts.oauth)) {
    throw new Error('The Slack adapter needs either a bot token (one workspace) or OAuth settings, not both');
  }
  const installations = boltInstallations(core.slackStores.installations);
  const bolt = new BoltApp(boltOptions(opts, installations));
  const deps: SlackDeps = {
    core: { deps: core.deps, registry: core.registry },
    actors: new SlackActorResolver(core.deps.userSettings, opts.logger, {
      ...(opts.moderators ? { moderators: opts.moderators } : {}),
    }),
    dedupe: core.slackStores.dedupe,
    logger: opts.logger,
    submitBudgetMs: opts.submitBudgetMs ?? DEFAULT_SUBMIT_BUDGET_MS,
  };
  bolt.use(dedupeEvents(deps.dedupe));
  registerListeners(bolt, deps, opts.oauth ? installations : undefined);
  bolt.error(async (err) => {
    opts.logger.error({ err: err.message, code: err.code }, 'slack listener error');
  });
  const botToken = opts.botToken;
  const tokenFor: TokenLookup = botToken ? async () => botToken : (teamId) => installations.botToken(teamId);
  const notifier = new SlackNotifier({
    tokenFor,
    logger: opts.logger,
    clientLogger: boltLogger(opts.logger, 'slack-notifier'),
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
  });
  core.notifier.register('slack', notifier);
  return { bolt, deps, notifier, ...(opts.oauth ? { installations } : {}) };
}
