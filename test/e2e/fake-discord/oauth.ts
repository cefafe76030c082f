/**
 * Discord's OAuth2 endpoints on the fake Discord, for "Sign in with Discord":
 * the browser's authorize page (approves at once and redirects back with a
 * code), the token exchange, and what a user token reads (`/users/@me`,
 * `/users/@me/guilds`); the bot token reads the bot's guilds and a member's
 * roles. Added as overrides, so the fake's other routes are untouched.
 */
import { randomBytes } from 'node:crypto';
import type { FakeDiscord } from './server.ts';
import type { FakeRequest, FakeResponse } from './types.ts';

/** A person who can sign in, and their guilds as `/users/@me/guilds` lists them. */
export interface OAuthPerson {
  readonly id: string;
  readonly username: string;
  readonly guilds: readonly { id: string; name: string; permissions: string }[];
  /** Role ids per guild id (what the bot reads in `/guilds/:g/members/:u`). */
  readonly roles?: Readonly<Record<string, readonly string[]>>;
}

export interface DiscordOAuthFake {
  /** Who the next authorize request signs in as. */
  signInAs(person: OAuthPerson): void;
  /** Token exchanges seen, with the client id and secret they carried. */
  readonly exchanges: { clientId: string; clientSecret: string; code: string; redirectUri: string }[];
}

/** Installs the OAuth2 routes; `clientSecret` is the only secret the token endpoint accepts. */
export function installDiscordOAuth(
  fake: FakeDiscord,
  opts: { clientId: string; clientSecret: string; botGuilds: readonly { id: string; name: string }[] },
): DiscordOAuthFake {
  let next: OAuthPerson | undefined;
  const codes = new Map<string, OAuthPerson>();
  const tokens = new Map<string, OAuthPerson>();
  const exchanges: DiscordOAuthFake['exchanges'] = [];
  const bearer = (req: FakeRequest) =>
    tokens.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const isBot = (req: FakeRequest) => (req.headers.authorization ?? '').startsWith('Bot ');
  const unauthorized: FakeResponse = { status: 401, body: { message: '401: Unauthorized', code: 0 } };

  fake.respondAlways('GET', '/oauth2/authorize', (req) => {
    const person = next;
    if (!person || req.query.client_id !== opts.clientId) return { status: 400, body: 'unknown client' };
    const code = randomBytes(8).toString('hex');
    codes.set(code, person);
    const back = new URL(req.query.redirect_uri ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', req.query.state ?? '');
    return { status: 302, headers: { location: back.toString() }, body: '' };
  });
  fake.respondAlways('POST', '/oauth2/token', (req) => {
    const form = new URLSearchParams(req.rawBody ?? '');
    const code = form.get('code') ?? '';
    exchanges.push({
      clientId: form.get('client_id') ?? '',
      clientSecret: form.get('client_secret') ?? '',
      code,
      redirectUri: form.get('redirect_uri') ?? '',
    });
    const person = codes.get(code);
    codes.delete(code);
    if (!person || form.get('client_secret') !== opts.clientSecret) {
      return { status: 400, body: { error: 'invalid_grant' } };
    }
    const token = randomBytes(12).toString('hex');
    tokens.set(token, person);
    return { status: 200, body: { access_token: token, token_type: 'Bearer', scope: 'identify guilds' } };
  });
  fake.respondAlways('GET', '/users/@me', (req) => {
    if (isBot(req)) return { status: 200, body: fake.state.botUser };
    const person = bearer(req);
    return person
      ? { status: 200, body: { id: person.id, username: person.username, global_name: null } }
      : unauthorized;
  });
  fake.respondAlways('GET', '/users/@me/guilds', (req) => {
    if (isBot(req)) return { status: 200, body: opts.botGuilds };
    const person = bearer(req);
    return person ? { status: 200, body: person.guilds } : unauthorized;
  });
  fake.respondAlways('GET', /^\/guilds\/(\d+)\/members\/(\d+)$/, (req) => {
    if (!isBot(req)) return unauthorized;
    const [, guild, user] = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(req.path) ?? [];
    const person = [...tokens.values()].find((p) => p.id === user);
    const roles = guild ? person?.roles?.[guild] : undefined;
    return person
      ? { status: 200, body: { roles: roles ?? [], user: { id: person.id } } }
      : { status: 404, body: { message: 'Unknown Member', code: 10007 } };
  });
  return {
    signInAs(person) {
      next = person;
    },
    exchanges,
  };
}
