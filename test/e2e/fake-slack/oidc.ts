/**
 * "Sign in with Slack" (OpenID Connect) on the fake Slack: the browser's
 * authorize page (approves at once, redirects back with a code),
 * `openid.connect.token` and `openid.connect.userInfo`. Added as overrides;
 * `users.info` (is the member an admin?) stays the fake's own.
 */
import { randomBytes } from 'node:crypto';
import { FAKE_TEAM_ID } from './identity.ts';
import type { FakeSlack } from './server.ts';

export interface SlackOidcFake {
  /** Who the next authorize request signs in as (a user id of the fake workspace). */
  signInAs(userId: string, name: string): void;
}

/** Installs the OpenID Connect methods; only `clientSecret` is accepted at the token endpoint. */
export function installSlackOidc(
  fake: FakeSlack,
  opts: { clientId: string; clientSecret: string; teamName?: string },
): SlackOidcFake {
  let next: { userId: string; name: string } | undefined;
  const codes = new Map<string, { userId: string; name: string }>();
  const tokens = new Map<string, { userId: string; name: string }>();

  fake.respondAlways('/openid/connect/authorize', (call) => {
    if (!next || call.body.client_id !== opts.clientId) return { status: 400, body: 'unknown client' };
    const code = randomBytes(8).toString('hex');
    codes.set(code, next);
    const back = new URL(String(call.body.redirect_uri ?? ''));
    back.searchParams.set('code', code);
    back.searchParams.set('state', String(call.body.state ?? ''));
    return { status: 302, headers: { location: back.toString() }, body: '' };
  });
  fake.respondAlways('openid.connect.token', (call) => {
    const person = codes.get(String(call.body.code ?? ''));
    codes.delete(String(call.body.code ?? ''));
    if (!person || call.body.client_secret !== opts.clientSecret) {
      return { body: { ok: false, error: 'invalid_code' } };
    }
    const token = `xoxp-${randomBytes(8).toString('hex')}`;
    tokens.set(token, person);
    return { body: { ok: true, access_token: token, token_type: 'Bearer', id_token: 'unused-in-tests' } };
  });
  fake.respondAlways('openid.connect.userInfo', (call) => {
    const person = tokens.get(call.token ?? '');
    if (!person) return { body: { ok: false, error: 'invalid_auth' } };
    return {
      body: {
        ok: true,
        sub: person.userId,
        name: person.name,
        'https://slack.com/user_id': person.userId,
        'https://slack.com/team_id': FAKE_TEAM_ID,
        'https://slack.com/team_name': opts.teamName ?? 'Fake IMG Workspace',
      },
    };
  });
  return {
    signInAs(userId, name) {
      next = { userId, name };
    },
  };
}
