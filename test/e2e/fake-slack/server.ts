/**
 * A fake Slack Web API (plus response_url sink) on 127.0.0.1, for driving the
 * real @slack/bolt App / WebClient offline.
 *
 * Point Bolt at it with `clientOptions: { slackApiUrl: fake.apiUrl }`.
 * WebClient builds request URLs as `${slackApiUrl}${method}` (it appends a
 * trailing "/" if missing), so apiUrl is `http://127.0.0.1:<port>/api/`.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultApiAnswer, FakeWorkspace, type JsonObject, SUPPORTED_METHODS } from './handlers.ts';

/** `method` of calls recorded by the response_url sink. */
export const RESPONSE_URL_METHOD = 'response_url';

export interface FakeCall {
  readonly seq: number;
  /** Web API method (`chat.postMessage`), RESPONSE_URL_METHOD, or the raw path for unrouted requests. */
  readonly method: string;
  readonly httpMethod: string;
  readonly path: string;
  /** For response_url POSTs: the `<id>` of `/response/<id>`. */
  readonly responseId: string | undefined;
  /**
   * Parsed body (query string merged in). WebClient form-encodes every call and
   * JSON-stringifies object arguments, so known JSON fields (blocks, view, ...)
   * are decoded back here; other values stay strings ("true", "123").
   */
  readonly body: JsonObject;
  readonly rawBody: string;
  readonly contentType: string;
  readonly headers: IncomingHttpHeaders;
  readonly token: string | undefined;
  readonly receivedAt: number;
  /** What the fake answered. */
  readonly status: number;
  readonly answer: unknown;
}

export interface FakeReply {
  /** HTTP status, default 200. Slack's Web API only uses 200 and 429 meaningfully. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless it is a string. Default: the built-in answer. */
  body?: unknown;
  /** Hold the answer back, e.g. to exceed Bolt's 3 s ack window. */
  delayMs?: number;
}
export type ReplySource = FakeReply | ((call: FakeCall) => FakeReply);
/** Either a partial body (`{ channel: 'U404' }`, compared per key) or a predicate. */
export type CallFilter = JsonObject | ((call: FakeCall) => boolean);
export type CallMatcher = string | ((call: FakeCall) => boolean);

interface Override {
  readonly method: string;
  readonly reply: ReplySource;
  readonly when: CallFilter | undefined;
  readonly once: boolean;
}

interface Waiter {
  readonly match: (call: FakeCall) => boolean;
  readonly nth: number;
  readonly resolve: (call: FakeCall) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'user_auth_blocks', 'unfurls']);

function parseBody(raw: string, contentType: string, query: URLSearchParams): JsonObject {
  const body: JsonObject = Object.fromEntries(query);
  if (contentType.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw || '{}');
      if (typeof parsed === 'object' && parsed !== null) Object.assign(body, parsed);
    } catch {
      body.__invalid_json = raw;
    }
    return body;
  }
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = value;
    if (JSON_FIELDS.has(key)) {
      try {
        body[key] = JSON.parse(value);
      } catch {
        // keep the string; Slack would answer invalid_blocks etc.
      }
    }
  }
  return body;
}

function filterMatches(filter: CallFilter | undefined, call: FakeCall): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(call);
  return Object.entries(filter).every(([k, v]) => JSON.stringify(call.body[k]) === JSON.stringify(v));
}

const toPredicate = (m: CallMatcher) => (typeof m === 'string' ? (c: FakeCall) => c.method === m : m);

export class FakeSlack {
  readonly workspace = new FakeWorkspace();
  private readonly recorded: FakeCall[] = [];
  private overrides: Override[] = [];
  private waiters: Waiter[] = [];
  private readonly delays = new Set<NodeJS.Timeout>();
  private responseSeq = 0;
  private closed = false;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => {
      fake.handle(req, res).catch(() => res.destroy());
    });
    return fake;
  }

  /** Value for `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get calls(): readonly FakeCall[] {
    return this.recorded;
  }

  callsTo(method: string): FakeCall[] {
    return this.recorded.filter((c) => c.method === method);
  }

  /** Calls the fake does not implement (unknown Web API methods, unrouted paths). */
  get unknownCalls(): FakeCall[] {
    return this.recorded.filter(
      (c) => c.method !== RESPONSE_URL_METHOD && !SUPPORTED_METHODS.includes(c.method),
    );
  }

  /** A fresh response_url to put into slash command / interaction payloads. */
  newResponseUrl(): string {
    this.responseSeq += 1;
    return `${this.baseUrl}/response/${this.responseSeq}`;
  }

  /** POSTs received by the given response_url (or by all of them). */
  responsesTo(responseUrl?: string): FakeCall[] {
    const id = responseUrl?.split('/response/')[1];
    return this.callsTo(RESPONSE_URL_METHOD).filter((c) => id === undefined || c.responseId === id);
  }

  /** Answer the next matching call of `method` with `reply`; queued FIFO. */
  respondOnce(method: string, reply: ReplySource, when?: CallFilter): void {
    this.overrides.push({ method, reply, when, once: true });
  }

  /** Answer every matching call of `method` with `reply` (latest registration wins). Returns an undo. */
  respondAlways(method: string, reply: ReplySource, when?: CallFilter): () => void {
    const override: Override = { method, reply, when, once: false };
    this.overrides.push(override);
    return () => {
      this.overrides = this.overrides.filter((o) => o !== override);
    };
  }

  /** Shorthand: `{ ok: false, error }` with HTTP 200, the way Slack reports API errors. */
  failAlways(method: string, error: string, when?: CallFilter): () => void {
    return this.respondAlways(method, { body: { ok: false, error } }, when);
  }

  /**
   * Resolves with the `nth` call matching `match` (already recorded or future).
   * Rejects after `timeoutMs`, listing what did arrive.
   */
  waitForCall(match: CallMatcher, timeoutMs = 2000, nth = 1): Promise<FakeCall> {
    const predicate = toPredicate(match);
    const found = this.recorded.filter(predicate)[nth - 1];
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<FakeCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        const seen = this.recorded.map((c) => c.method).join(', ') || 'none';
        reject(
          new Error(
            `fake-slack: no call #${nth} matching ${typeof match === 'string' ? match : 'predicate'} in ${timeoutMs} ms; saw: ${seen}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push({ match: predicate, nth, resolve, reject, timer });
    });
  }

  /** Forget calls and overrides (users and counters stay). */
  reset(): void {
    this.recorded.length = 0;
    this.overrides = [];
  }

  /** Stops listening and destroys keep-alive sockets so the test process can exit. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.delays) clearTimeout(t);
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('fake-slack closed'));
    }
    this.waiters = [];
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // fetch (undici) keeps connections alive; close() alone would wait for them.
    this.server.closeAllConnections();
    await done;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const contentType = req.headers['content-type'] ?? '';
    const body = parseBody(rawBody, contentType, url.searchParams);
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const responseMatch = /^\/response\/([\w-]+)$/.exec(url.pathname);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const draft = {
      seq: this.recorded.length + 1,
      method: apiMatch?.[1] ?? (responseMatch ? RESPONSE_URL_METHOD : url.pathname),
      httpMethod: req.method ?? 'GET',
      path: url.pathname,
      responseId: responseMatch?.[1],
      body,
      rawBody,
      contentType,
      headers: req.headers,
      token: bearer ?? (typeof body.token === 'string' ? body.token : undefined),
      receivedAt: Date.now(),
      status: 200,
      answer: undefined as unknown,
    };
    const reply = this.pickReply(draft, apiMatch !== null, responseMatch !== null);
    const call: FakeCall = { ...draft, status: reply.status ?? 200, answer: reply.body };
    this.record(call);
    const send = () => {
      if (res.destroyed) return;
      const isText = typeof reply.body === 'string';
      res.writeHead(call.status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...reply.headers,
      });
      res.end(isText ? reply.body : JSON.stringify(reply.body));
    };
    if (!reply.delayMs) return send();
    const timer = setTimeout(() => {
      this.delays.delete(timer);
      send();
    }, reply.delayMs);
    this.delays.add(timer);
  }

  private pickReply(call: FakeCall, isApi: boolean, isResponseUrl: boolean): FakeReply {
    const matching = this.overrides.filter((o) => o.method === call.method && filterMatches(o.when, call));
    const override = matching.find((o) => o.once) ?? matching.filter((o) => !o.once).at(-1);
    if (override?.once) this.overrides = this.overrides.filter((o) => o !== override);
    const custom = typeof override?.reply === 'function' ? override.reply(call) : override?.reply;
    const fallback: FakeReply = isApi
      ? { body: defaultApiAnswer(call, this.workspace) }
      : isResponseUrl
        ? { body: { ok: true } }
        : { status: 404, body: { ok: false, error: 'fake_slack_unrouted' } };
    return { ...fallback, ...custom, body: custom?.body ?? fallback.body };
  }

  private record(call: FakeCall): void {
    this.recorded.push(call);
    for (const w of [...this.waiters]) {
      const hit = this.recorded.filter(w.match)[w.nth - 1];
      if (hit === undefined) continue;
      clearTimeout(w.timer);
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(hit);
    }
  }
}
