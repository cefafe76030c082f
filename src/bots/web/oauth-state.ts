import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { WebContext } from './context.ts';
import { randomId, safeNext } from './security.ts';

const STATE_COOKIE = 'imgbot_oauth';
// why: ten minutes is ample to approve a sign-in; a stale state is refused
const STATE_TTL_S = 10 * 60;

/**
 * The OAuth `state` of a sign-in: a random value kept in a short-lived
 * HttpOnly cookie with the `next=` path, and compared on the way back, so a
 * callback started by someone else's browser is refused.
 */
export function beginOAuth(c: WebContext, provider: string): string {
  const state = randomId();
  const next = safeNext(c.req.query('next'));
  setCookie(c, STATE_COOKIE, `${provider}|${state}|${encodeURIComponent(next)}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.baseUrl.startsWith('https:'),
    path: '/auth',
    maxAge: STATE_TTL_S,
  });
  return state;
}

/** The `next=` path of a callback whose state matches the cookie; undefined when it does not. */
export function finishOAuth(c: WebContext, provider: string): string | undefined {
  const cookie = getCookie(c, STATE_COOKIE);
  deleteCookie(c, STATE_COOKIE, { path: '/auth' });
  const [p, state, next] = (cookie ?? '').split('|');
  const given = c.req.query('state');
  if (p !== provider || !state || !given || state !== given) return undefined;
  return safeNext(decodeURIComponent(next ?? '/'));
}

/** The redirect URI registered with the provider: `<base>/auth/<provider>/callback`. */
export function callbackUrl(c: WebContext, provider: string): string {
  return `${c.var.deps.baseUrl}/auth/${provider}/callback`;
}
