/**
 * A fake of Slack's Socket Mode endpoint: `apps.connections.open` on the fake
 * Web API hands out a ws:// URL to this server, which greets the client with
 * `hello` and then pushes envelopes (slash_commands, interactive, events_api)
 * the way Slack does, resolving each with the client's acknowledgement.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { FAKE_APP_ID } from './identity.ts';
import type { FakeSlack } from './server.ts';

export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
  readonly receivedAt: number;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export class FakeSocketMode {
  private socket: WebSocket | undefined;
  private connected: Promise<void>;
  private markConnected!: () => void;
  private readonly pending = new Map<string, (ack: SocketAck) => void>();
  readonly appTokens: string[] = [];

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    this.connected = new Promise((resolve) => {
      this.markConnected = resolve;
    });
    wss.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => this.onMessage(data));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake-socket-mode', approximate_connection_time: 3600 },
          connection_info: { app_id: FAKE_APP_ID },
        }),
      );
      this.markConnected();
    });
  }

  /** Starts the server and makes `apps.connections.open` on the fake answer with its URL. */
  static async start(fake: FakeSlack): Promise<FakeSocketMode> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    const server = new FakeSocketMode(wss, `ws://127.0.0.1:${port}/link/?ticket=fake`);
    fake.respondAlways('apps.connections.open', (call) => {
      server.appTokens.push(call.token ?? '');
      return { body: { ok: true, url: server.url } };
    });
    return server;
  }

  /** Resolves once a client connected (and got `hello`). */
  waitConnected(): Promise<void> {
    return this.connected;
  }

  /** Pushes one envelope; resolves with the client's ack for it. */
  send(type: EnvelopeType, payload: unknown, extra: Record<string, unknown> = {}): Promise<SocketAck> {
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.pending.set(envelopeId, resolve));
    this.socket?.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...extra,
      }),
    );
    return acked;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onMessage(data: RawData): void {
    const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
    const resolve = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
    if (!resolve || !message.envelope_id) return;
    this.pending.delete(message.envelope_id);
    resolve({ envelope_id: message.envelope_id, payload: message.payload, receivedAt: Date.now() });
  }
}
