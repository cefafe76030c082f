/**
 * Shared types of the fake Discord (REST + gateway) used by the e2e tests.
 *
 * Paths are always *relative to the versioned API base*, i.e. what discord.js calls a
 * "route": `/channels/123/messages`, never `/api/v10/channels/123/messages`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file part of a `multipart/form-data` request (discord.js sends them as `files[n]`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** What the fake received, before it decided on an answer. */
export interface FakeRequest {
  /** 0-based position in the request log. */
  index: number;
  /** `Date.now()` when the request was fully read. */
  receivedAt: number;
  method: string;
  /**
   * Route relative to `/api/v{version}`, without query string, percent-decoded per segment
   * (discord.js sends `/messages/%40original`; recorded as `/messages/@original`).
   */
  path: string;
  /** API version taken from the URL (`10` for `/api/v10/...`), `null` when the URL had none. */
  apiVersion: number | null;
  query: Record<string, string>;
  /** Lower-cased header names; repeated headers are joined with `, `. */
  headers: Record<string, string>;
  /**
   * Parsed JSON body. For multipart requests this is the parsed `payload_json` part
   * (discord.js puts the JSON body there when files are attached). `null` when there was none.
   */
  body: unknown;
  bodyKind: 'none' | 'json' | 'multipart' | 'text';
  /** Raw text body when `bodyKind` is `text` (or JSON that failed to parse). */
  rawBody: string | null;
  files: RecordedFile[];
  /** Path parameters of the default route that matched (e.g. `{ channelId: '1' }`). */
  params: Record<string, string>;
  /** Default route pattern that matched, e.g. `POST /channels/:channelId/messages`; null if none. */
  route: string | null;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface RecordedRequest extends FakeRequest {
  response: RecordedResponse;
  /** True when a test override (`respondOnce` / `respondAlways`) produced the answer. */
  overridden: boolean;
  /** True when neither an override nor a default route matched (answered 404). */
  unhandled: boolean;
}

/**
 * An answer. `body: undefined` sends no body and no content type (required for 204: an empty
 * body with `application/json` makes @discordjs/rest call `res.json()` and throw).
 * Objects/arrays are JSON-encoded with `Content-Type: application/json`.
 */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (to simulate slow Discord). */
  delayMs?: number;
}

export type Responder = FakeResponse | ((request: FakeRequest) => FakeResponse);

/** `:name` segments match one path segment; a RegExp is tested against the relative path. */
export type PathPattern = string | RegExp;

export type RequestPredicate = (request: RecordedRequest) => boolean;
