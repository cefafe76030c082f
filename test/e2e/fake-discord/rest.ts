/**
 * HTTP side of the fake: parses and records every request, lets tests override answers, then
 * falls back to the default routes (routes.ts). Unknown routes get Discord's 404 JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { discordError, notFound } from './responses.ts';
import { defaultRoutes, type Route, type RouteContext } from './routes.ts';
import type {
  FakeRequest,
  FakeResponse,
  PathPattern,
  RecordedFile,
  RecordedRequest,
  RequestPredicate,
  Responder,
} from './types.ts';

interface CompiledPattern {
  regex: RegExp;
  keys: string[];
}

/** `/channels/:id/messages` -> regex with one capture per `:name`; `*` matches any one segment. */
export function compilePattern(pattern: string): CompiledPattern {
  const keys: string[] = [];
  const source = pattern
    .replace(/^\/api\/v\d+(?=\/)/, '') // accept full paths too
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), keys };
}

export function pathMatches(pattern: PathPattern, path: string): boolean {
  return typeof pattern === 'string' ? compilePattern(pattern).regex.test(path) : pattern.test(path);
}

/** Predicate for `waitForRequest`: same method (case-insensitive) and path pattern. */
export function requestTo(method: string, pattern: PathPattern): RequestPredicate {
  return (req) => req.method === method.toUpperCase() && pathMatches(pattern, req.path);
}

interface Override {
  method: string;
  pattern: PathPattern;
  responder: Responder;
  once: boolean;
}

interface Waiter {
  predicate: RequestPredicate;
  resolve(req: RecordedRequest): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const compiledRoutes = defaultRoutes.map((route) => ({ route, ...compilePattern(route.pattern) }));

function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const { route, regex, keys } of compiledRoutes) {
    if (route.method !== method) continue;
    const match = regex.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    keys.forEach((key, i) => {
      params[key] = match[i + 1] ?? '';
    });
    return { route, params };
  }
  return null;
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = req.headers['content-type'] ?? '';
  const files: RecordedFile[] = [];
  if (raw.length === 0) return { body: null, bodyKind: 'none' as const, rawBody: null, files };
  if (contentType.startsWith('multipart/form-data')) {
    // Let undici's fetch implementation parse multipart for us; malformed bodies end up as text.
    const form = await new Response(raw, { headers: { 'content-type': contentType } })
      .formData()
      .catch(() => null);
    if (!form) return { body: null, bodyKind: 'text' as const, rawBody: raw.toString('utf8'), files };
    let body: unknown = null;
    const fields: Record<string, string> = {};
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
        else fields[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, data });
      }
    }
    if (body === null && Object.keys(fields).length > 0) body = fields;
    return { body, bodyKind: 'multipart' as const, rawBody: null, files };
  }
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/json')) {
    try {
      return { body: JSON.parse(text) as unknown, bodyKind: 'json' as const, rawBody: null, files };
    } catch {
      // fall through: recorded as text so the test can see the malformed body
    }
  }
  return { body: null, bodyKind: 'text' as const, rawBody: text, files };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // keep the malformed JSON visible to the test
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private overrides: Override[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly context: () => RouteContext,
    private readonly apiVersion: number,
    private readonly expectedToken: string | null,
  ) {}

  respond(method: string, pattern: PathPattern, responder: Responder, once: boolean): () => void {
    const override: Override = { method: method.toUpperCase(), pattern, responder, once };
    this.overrides.push(override);
    return () => {
      this.overrides = this.overrides.filter((o) => o !== override);
    };
  }

  clearOverrides(): void {
    this.overrides = [];
  }

  waitForRequest(predicate: RequestPredicate, timeoutMs: number): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const log = this.requests.map((r) => `  ${r.method} ${r.path} -> ${r.response.status}`).join('\n');
          reject(
            new Error(
              `fake-discord: no matching request within ${timeoutMs} ms. Recorded:\n${log || '  (none)'}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Node `request` listener. Never throws; a crash in the fake answers 500 and is recorded. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    this.process(req).then(
      (response) => this.send(res, response),
      (error: unknown) => this.send(res, { status: 500, body: { message: String(error), code: 0 } }),
    );
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('fake-discord closed while waiting for a request'));
    }
    this.waiters.clear();
  }

  private async process(req: IncomingMessage): Promise<FakeResponse> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    // discord-api-types' Routes percent-encode arguments, e.g. `@original` arrives as `%40original`;
    // record and match the decoded form so tests can write `/messages/@original`.
    const path = (versioned?.[2] ?? url.pathname).split('/').map(safeDecode).join('/');
    const apiVersion = versioned ? Number(versioned[1]) : null;
    const matched = apiVersion === this.apiVersion ? matchRoute(method, path) : null;
    const request: FakeRequest = {
      index: this.requests.length,
      receivedAt: 0,
      method,
      path,
      apiVersion,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      ...(await readBody(req)),
      params: matched?.params ?? {},
      route: matched ? `${matched.route.method} ${matched.route.pattern}` : null,
    };
    request.index = this.requests.length; // body reading is async: take the slot now
    request.receivedAt = Date.now();

    const override = this.overrides.find((o) => o.method === method && pathMatches(o.pattern, path));
    let response: FakeResponse;
    let crashed = false;
    try {
      if (override) {
        if (override.once) this.overrides = this.overrides.filter((o) => o !== override);
        response =
          typeof override.responder === 'function' ? override.responder(request) : override.responder;
      } else if (!matched) {
        response = notFound();
      } else if (matched.route.auth && !this.authorized(request.headers.authorization)) {
        response = discordError(401, 0, '401: Unauthorized');
      } else {
        response = matched.route.handle(request, this.context());
      }
    } catch (error) {
      // A bug in a responder/route: answer 500 (discord.js retries 5xx `rest.retries` times) and
      // flag the request as unhandled so `unhandledRequests` assertions catch it.
      crashed = true;
      response = { status: 500, body: { message: `fake-discord internal error: ${String(error)}`, code: 0 } };
    }
    this.record({
      ...request,
      response: { status: response.status, headers: response.headers ?? {}, body: response.body },
      overridden: override !== undefined,
      unhandled: crashed || (!override && !matched),
    });
    return response;
  }

  private authorized(header: string | undefined): boolean {
    if (!header?.startsWith('Bot ')) return false;
    return this.expectedToken === null || header === `Bot ${this.expectedToken}`;
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.waiters) {
      if (!waiter.predicate(request)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(request);
    }
  }

  private send(res: ServerResponse, response: FakeResponse): void {
    const write = () => {
      if (res.destroyed) return;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = v;
      let payload: string | undefined;
      // A 204 must not carry a JSON content type: @discordjs/rest would try to parse the empty body.
      if (response.body !== undefined && response.status !== 204) {
        payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        headers['content-type'] ??= typeof response.body === 'string' ? 'text/plain' : 'application/json';
      }
      res.writeHead(response.status, headers);
      res.end(payload);
    };
    if (!response.delayMs) {
      write();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      write();
    }, response.delayMs);
    this.timers.add(timer);
  }
}
