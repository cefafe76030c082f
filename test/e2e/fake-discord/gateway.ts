/**
 * WebSocket side of the fake: a Discord gateway speaking JSON (no compression), sharded as
 * Discord shards: a session that identified with `shard: [id, count]` gets READY and
 * GUILD_CREATE for the guilds with `(guild_id >> 22) % count === id` only, and guild events
 * (interactions included) are routed to that shard; DMs go to shard 0.
 *
 * Handshake as discord.js (@discordjs/ws) expects it:
 *   client connects to `<url from GET /gateway/bot>?v=10&encoding=json`
 *   <- HELLO (op 10, heartbeat_interval)
 *   -> IDENTIFY (op 2) ...................... -> HEARTBEAT (op 1) at random(0..interval), then every interval
 *   <- READY (op 0, s=1) ..................... <- HEARTBEAT_ACK (op 11)
 *   <- GUILD_CREATE per guild (only with the Guilds intent; READY lists them as unavailable and
 *      discord.js' client only becomes ready once each one arrived, or after waitGuildTimeout)
 * Every dispatch (op 0) carries the next sequence number `s`; the client echoes the last one
 * in its heartbeats and RESUME.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type APIUser,
  type ApplicationFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  GatewayIntentBits,
  GatewayOpcodes,
} from 'discord.js';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './objects.ts';

/** What the fake sends: op 0 dispatches have `s` and `t`, every other op has them null. */
export interface GatewayFrame {
  op: GatewayOpcodes;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** What the client sent, after JSON parsing. */
export interface ClientFrame {
  op: number;
  d: unknown;
}

export interface GatewaySession {
  sessionId: string;
  socket: WebSocket;
  /** Query string of the connection URL (`v`, `encoding`, maybe `compress`). */
  query: Record<string, string>;
  identify: GatewayIdentifyData | null;
  /** Sequence number of the last dispatch sent on this session. */
  sequence: number;
  /** `d` of every heartbeat received (the client's last seen sequence, or null). */
  heartbeats: (number | null)[];
  received: ClientFrame[];
  sent: GatewayFrame[];
}

export interface GatewayOptions {
  botUser: APIUser;
  applicationId: string;
  applicationFlags: ApplicationFlags | 0;
  guilds: GatewayGuildCreateDispatchData[];
  heartbeatIntervalMs: number;
  apiVersion: number;
  /** null: accept any non-empty token. */
  expectedToken: string | null;
  /** Used for resume_gateway_url. */
  url: () => string;
}

/** The shard a guild's events arrive on, as Discord computes it. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The `[id, count]` a session identified with (no `shard` field means the one shard `[0, 1]`). */
export function shardOfSession(session: GatewaySession): [number, number] {
  const shard = session.identify?.shard;
  return shard ? [shard[0], shard[1]] : [0, 1];
}

/** Whether a guild's events (or, without a guild, DM events) go to this session. */
function sessionGets(session: GatewaySession, guildId: string | undefined): boolean {
  const [id, count] = shardOfSession(session);
  return guildId === undefined ? id === 0 : shardOfGuild(guildId, count) === id;
}

/** Close codes Discord uses; the 4xxx ones drive discord.js' reconnect/resume decisions. */
const Close = {
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidAPIVersion: 4012,
} as const;

/**
 * Events: `connection` (session), `identify` (session), `heartbeat` (session, seq),
 * `frame` (session, ClientFrame), `close` (session, code), `socketError` (session, Error).
 */
export class FakeGateway extends EventEmitter {
  readonly sessions: GatewaySession[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  /** Sessions waiting for HELLO while the gateway is held; null when not held. */
  private held: GatewaySession[] | null = null;

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  /** Hook for the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  }

  /** Sessions that completed IDENTIFY and are still open. */
  get activeSessions(): GatewaySession[] {
    return this.sessions.filter((s) => s.identify !== null && s.socket.readyState === s.socket.OPEN);
  }

  /** The `[id, count]` of every IDENTIFY received so far, in arrival order. */
  get identifiedShards(): [number, number][] {
    return this.sessions.filter((s) => s.identify !== null).map(shardOfSession);
  }

  /**
   * Sends a dispatch to every active session that Discord would send it to: with `shard`, the
   * sessions of that shard id; else, for a payload with a `guild_id`, the sessions of the shard
   * owning that guild; else every session (unsharded events). Returns the sequence number(s) used.
   */
  dispatch(t: string, d: unknown, route: { shard?: number; guildId?: string } = {}): number[] {
    const sessions = this.activeSessions.filter((session) => {
      if (route.shard !== undefined) return shardOfSession(session)[0] === route.shard;
      return route.guildId === undefined || sessionGets(session, route.guildId);
    });
    if (sessions.length === 0) {
      const where = route.shard !== undefined ? ` on shard ${route.shard}` : '';
      throw new Error(`fake-discord: no identified gateway session${where} to send ${t} to`);
    }
    return sessions.map((session) => this.sendDispatch(session, t, d));
  }

  /**
   * While held, new connections get no HELLO (the client waits, not ready, as when Discord's
   * gateway is unreachable); `release()` greets every waiting one.
   */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const session of waiting) if (session.socket.readyState === session.socket.OPEN) this.hello(session);
  }

  /** Drop every connection with `code` (e.g. 4000 to make discord.js resume, 1000 to reconnect). */
  closeSessions(code: number, reason = 'fake-discord closeSessions'): void {
    for (const session of this.sessions) session.socket.close(code, reason);
  }

  close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    const session: GatewaySession = {
      sessionId: snowflake().slice(-16) + Math.random().toString(16).slice(2, 18),
      socket,
      query,
      identify: null,
      sequence: 0,
      heartbeats: [],
      received: [],
      sent: [],
    };
    this.sessions.push(session);
    socket.on('message', (data, isBinary) => this.onMessage(session, data, isBinary));
    socket.on('close', (code) => this.emit('close', session, code));
    // An unhandled 'error' on a ws socket would crash the test process (e.g. ECONNRESET).
    socket.on('error', (error) => this.emit('socketError', session, error));
    this.emit('connection', session);
    if (query.v !== String(this.options.apiVersion) || query.encoding !== 'json' || query.compress) {
      // Only ?v=<apiVersion>&encoding=json is implemented (no etf, no zlib-stream).
      socket.close(
        Close.InvalidAPIVersion,
        `fake-discord supports only v=${this.options.apiVersion}&encoding=json`,
      );
      return;
    }
    if (this.held) this.held.push(session);
    else this.hello(session);
  }

  private hello(session: GatewaySession): void {
    this.send(session, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private send(session: GatewaySession, frame: Omit<GatewayFrame, 's' | 't'> & Partial<GatewayFrame>): void {
    const full: GatewayFrame = { s: null, t: null, ...frame };
    session.sent.push(full);
    session.socket.send(JSON.stringify(full));
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): number {
    session.sequence += 1;
    this.send(session, { op: GatewayOpcodes.Dispatch, t, s: session.sequence, d });
    return session.sequence;
  }

  private onMessage(session: GatewaySession, data: RawData, isBinary: boolean): void {
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error('binary');
      frame = JSON.parse(data.toString()) as ClientFrame;
    } catch {
      session.socket.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    session.received.push(frame);
    this.emit('frame', session, frame);
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat: {
        const seq = typeof frame.d === 'number' ? frame.d : null;
        session.heartbeats.push(seq);
        this.send(session, { op: GatewayOpcodes.HeartbeatAck, d: null });
        this.emit('heartbeat', session, seq);
        return;
      }
      case GatewayOpcodes.Identify:
        this.onIdentify(session, frame.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(session, frame.d as { token: string; session_id: string; seq: number });
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.VoiceStateUpdate:
        // Accepted and recorded, no answer (tests can inspect `received`).
        if (!session.identify) session.socket.close(Close.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        session.socket.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private tokenOk(token: unknown): boolean {
    if (typeof token !== 'string' || token.length === 0) return false;
    return this.options.expectedToken === null || token === this.options.expectedToken;
  }

  private onIdentify(session: GatewaySession, identify: GatewayIdentifyData): void {
    if (session.identify) {
      session.socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!this.tokenOk(identify?.token)) {
      session.socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const [shardId, shardCount] = identify.shard ?? [0, 1];
    if (!(shardCount >= 1 && shardId >= 0 && shardId < shardCount)) {
      session.socket.close(4010, 'Invalid shard.'); // Discord's close code for a bad [id, count]
      return;
    }
    session.identify = identify;
    const { botUser, applicationId, applicationFlags } = this.options;
    const guilds = this.options.guilds.filter((g) => shardOfGuild(g.id, shardCount) === shardId);
    this.sendDispatch(session, 'READY', {
      v: this.options.apiVersion,
      user: { ...botUser, mfa_enabled: false, email: null, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.options.url(),
      shard: identify.shard ?? [0, 1],
      application: { id: applicationId, flags: applicationFlags },
    });
    // Discord only streams GUILD_CREATE (lazy guild loading) to clients with the Guilds intent.
    if ((identify.intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of guilds) this.sendDispatch(session, 'GUILD_CREATE', guild);
    }
    this.emit('identify', session);
  }

  private onResume(
    session: GatewaySession,
    resume: { token: string; session_id: string; seq: number },
  ): void {
    const previous = this.sessions.find((s) => s !== session && s.sessionId === resume?.session_id);
    if (!previous || !this.tokenOk(resume.token)) {
      // d:false = "not resumable, identify again" (discord.js then reconnects and identifies).
      this.send(session, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    // Take over the old session. Missed events are not replayed (the fake does not buffer them).
    session.sessionId = previous.sessionId;
    session.identify = previous.identify;
    session.sequence = Math.max(previous.sequence, resume.seq);
    this.sendDispatch(session, 'RESUMED', null);
  }
}
