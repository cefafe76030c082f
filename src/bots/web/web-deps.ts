import type { InvocationEnv } from '../../core/commands/dispatch.ts';
import type { ImportRowInput } from '../../core/opportunities/import-listings.ts';
import type { Result } from '../../core/result.ts';
import type { WebSessionStore } from './session.port.ts';

/** A listings file read from an upload (the runtime's CSV/JSON reader). */
export interface UploadedListingFile {
  readonly rows: readonly ImportRowInput[];
  /** What a row number counts: spreadsheet rows or JSON items. */
  readonly unit: 'row' | 'item';
  /** CSV rows whose text starts on another line. */
  readonly lines: ReadonlyMap<number, number>;
}

/** Discord OAuth2 settings (scopes identify + guilds). */
export interface DiscordSignIn {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the browser goes to approve, default `https://discord.com`. */
  readonly webUrl: string;
  /** REST base, default `https://discord.com/api` (tests: the fake). */
  readonly apiUrl: string;
  /** The bot token, to read the member's roles in a guild (for the community's moderator role). */
  readonly botToken?: string;
}

/** Sign in with Slack (OpenID Connect) settings. */
export interface SlackSignIn {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the browser goes to approve, default `https://slack.com`. */
  readonly webUrl: string;
  /** Web API base ending in `/`, default `https://slack.com/api/`. */
  readonly apiUrl: string;
  /** Bot token, to ask whether the member is a workspace admin (`users.info`). */
  readonly botToken?: string;
}

/** Everything the web adapter needs, passed in by the runtime (it never opens Redis itself). */
export interface WebDeps {
  readonly core: Omit<InvocationEnv, 'actor'>;
  readonly sessions: WebSessionStore;
  /** HMAC key for CSRF tokens (set WEB_SESSION_SECRET when running several copies). */
  readonly secret: string;
  /** Public base URL, e.g. `http://127.0.0.1:8080`; `https:` turns on Secure cookies. */
  readonly baseUrl: string;
  /** Local sign-in (127.0.0.1 only): shell users who may sign in without a platform. */
  readonly localUsers: readonly { readonly name: string; readonly moderator: boolean }[];
  readonly discord?: DiscordSignIn;
  readonly slack?: SlackSignIn;
  /** Reads an uploaded CSV/JSON listings file (the same reader as `imgbot import`). */
  parseListingFile(text: string, name: string): Result<UploadedListingFile>;
  /** Behind a reverse proxy: read the client address from `X-Forwarded-For` (for the sign-in rate limit). */
  readonly trustProxy?: boolean;
  /** `fetch` for OAuth calls (tests may pass their own). */
  readonly fetch?: typeof fetch;
}
