/**
 * A small fake Discord (REST + gateway on one 127.0.0.1 port) that the *real* discord.js v14
 * Client can log into:
 *
 *   const fake = await FakeDiscord.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
 *   await client.login('fake-token');       // GET /api/v10/gateway/bot -> ws://.../gateway
 *   fake.injectInteraction(chatInputCommand({ name: 'ping' }));
 *   const req = await fake.waitForRequest(requestTo('POST', '/interactions/:id/:token/callback'));
 *   ...
 *   await client.destroy(); await fake.close();
 *
 * Destroy the client *before* closing the fake: a client whose gateway socket drops
 * unexpectedly keeps trying to reconnect.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { APIInteraction, APIUser, ApplicationFlags, GatewayGuildCreateDispatchData } from 'discord.js';
import { FakeGateway } from './gateway.ts';
import { makeBotUser, makeGuildCreate } from './objects.ts';
import { FakeRest, pathMatches } from './rest.ts';
import { FakeState, type InteractionRecord } from './state.ts';
import type { PathPattern, RecordedRequest, RequestPredicate, Responder } from './types.ts';

export interface FakeDiscordOptions {
  /** Only accept this bot token (REST `Authorization: Bot <token>` and IDENTIFY). Default: any. */
  token?: string | null;
  applicationId?: string;
  applicationFlags?: ApplicationFlags | 0;
  botUser?: APIUser;
  /** Guilds announced in READY and streamed as GUILD_CREATE. Default: one test guild. */
  guilds?: GatewayGuildCreateDispatchData[];
  /** Discord uses 41250 ms; lower it to observe heartbeats in a test. */
  heartbeatIntervalMs?: number;
  /** Initial interaction callbacks later than this get 10062 Unknown interaction (Discord: 3 s). */
  callbackDeadlineMs?: number;
  /** Default 10, like discord.js. */
  apiVersion?: number;
  /** Shards `GET /gateway/bot` recommends (what discord.js runs with `shards: 'auto'`). Default 1. */
  shards?: number;
  /** `session_start_limit.max_concurrency`: shards that may identify at once (Discord: 1 for small bots). */
  maxConcurrency?: number;
}

export class FakeDiscord {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Pass as `rest.api` to the Client: discord.js appends `/v10` + route itself. */
  readonly restUrl: string;
  /** Returned by `GET /gateway/bot`; discord.js appends `?v=10&encoding=json`. */
  readonly gatewayUrl: string;
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  private readonly rest: FakeRest;
  private readonly sockets = new Set<Socket>();
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly server: Server,
    port: number,
    state: FakeState,
    gateway: FakeGateway,
    rest: FakeRest,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.restUrl = `${this.baseUrl}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.state = state;
    this.gateway = gateway;
    this.rest = rest;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const botUser = options.botUser ?? makeBotUser();
    const opts: Required<FakeDiscordOptions> = {
      token: options.token ?? null,
      // Modern bots: application id == bot user id.
      applicationId: options.applicationId ?? botUser.id,
      applicationFlags: options.applicationFlags ?? 0,
      botUser,
      guilds: options.guilds ?? [makeGuildCreate({ botUser })],
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      callbackDeadlineMs: options.callbackDeadlineMs ?? 3_000,
      apiVersion: options.apiVersion ?? 10,
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
    };
    const state = new FakeState(botUser, opts.applicationId, opts.guilds);
    let fake: FakeDiscord | null = null;
    const gatewayUrl = () => fake?.gatewayUrl ?? '';
    const gateway = new FakeGateway({
      botUser,
      applicationId: opts.applicationId,
      applicationFlags: opts.applicationFlags,
      guilds: opts.guilds,
      heartbeatIntervalMs: opts.heartbeatIntervalMs,
      apiVersion: opts.apiVersion,
      expectedToken: opts.token,
      url: gatewayUrl,
    });
    const rest = new FakeRest(
      () => ({
        state,
        gatewayUrl: gatewayUrl(),
        callbackDeadlineMs: opts.callbackDeadlineMs,
        shards: opts.shards,
        maxConcurrency: opts.maxConcurrency,
      }),
      opts.apiVersion,
      opts.token,
    );
    const server = createServer((req, res) => rest.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/gateway') {
        gateway.handleUpgrade(req, socket, head);
      } else {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    fake = new FakeDiscord(server, port, state, gateway, rest);
    const created = fake;
    server.on('connection', (socket: Socket) => {
      created.sockets.add(socket);
      socket.once('close', () => created.sockets.delete(socket));
    });
    return fake;
  }

  /** Every REST request so far, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.rest.requests;
  }

  /** Requests no default route or override handled (answered 404). Assert this is empty. */
  get unhandledRequests(): RecordedRequest[] {
    return this.rest.requests.filter((r) => r.unhandled);
  }

  requestsTo(method: string, pattern: PathPattern): RecordedRequest[] {
    const upper = method.toUpperCase();
    return this.rest.requests.filter((r) => r.method === upper && pathMatches(pattern, r.path));
  }

  /**
   * Answer the next matching request with `responder` (FIFO if several are queued), then fall back
   * to the default behaviour. Patterns are relative to `/api/v10`, e.g. `/channels/:id/messages`.
   * Returns a function removing the override if it was not used.
   */
  respondOnce(method: string, pattern: PathPattern, responder: Responder): () => void {
    return this.rest.respond(method, pattern, responder, true);
  }

  /** Like `respondOnce` but stays until removed (returned function) or `clearOverrides()`. */
  respondAlways(method: string, pattern: PathPattern, responder: Responder): () => void {
    return this.rest.respond(method, pattern, responder, false);
  }

  clearOverrides(): void {
    this.rest.clearOverrides();
  }

  /**
   * Resolves with the first recorded request matching `predicate`, including requests recorded
   * before the call (use `r.index >= n` in the predicate to only look at newer ones).
   */
  waitForRequest(predicate: RequestPredicate, timeoutMs = 2_000): Promise<RecordedRequest> {
    return this.rest.waitForRequest(predicate, timeoutMs);
  }

  /**
   * Deliver an INTERACTION_CREATE and remember its id/token, so the callback and webhook routes
   * accept it. Inject only after the client is ready: discord.js queues non-guild events until then.
   * Returns the dispatch's sequence number.
   */
  injectInteraction(payload: APIInteraction, on: { shard?: number } = {}): number {
    this.state.registerInteraction(payload, Date.now());
    // Discord sends a guild's interactions on the shard owning the guild, DM ones on shard 0.
    const route =
      on.shard !== undefined ? on : { guildId: payload.guild_id, shard: payload.guild_id ? undefined : 0 };
    const [seq] = this.gateway.dispatch('INTERACTION_CREATE', payload, route);
    return seq ?? -1;
  }

  /**
   * Any other dispatch (e.g. `MESSAGE_CREATE`, `GUILD_MEMBER_ADD`), to the shard owning its
   * `guild_id` (every session when it has none). Returns its sequence number.
   */
  dispatch(event: string, data: unknown): number {
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    return this.gateway.dispatch(event, data, typeof guildId === 'string' ? { guildId } : {})[0] ?? -1;
  }

  /** Server-side view of an injected interaction (acknowledged? "@original" message? follow-ups). */
  interaction(token: string): InteractionRecord | undefined {
    return this.state.interactions.get(token);
  }

  /** Stops HTTP + WebSocket servers and kills every socket. Idempotent. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.rest.close();
      await this.gateway.close();
      const serverClosed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
      await serverClosed;
    })();
    return this.closed;
  }
}
