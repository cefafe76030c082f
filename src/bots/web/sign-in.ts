import { getConnInfo } from '@hono/node-server/conninfo';
import { here, respond, type WebContext } from './context.ts';
import { html } from './html.ts';
import { finishOAuth } from './oauth-state.ts';
import { randomId, safeNext } from './security.ts';
import type { WebSession } from './session.port.ts';
import { SESSION_TTL_MS, setSessionCookie } from './session-cookie.ts';

// why: ten sign-in attempts per address per ten minutes stops guessing without bothering people
const LOGIN_LIMIT = 10;
const LOGIN_WINDOW_MS = 10 * 60 * 1000;

function clientAddress(c: WebContext): string {
  if (c.var.deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Counts a sign-in attempt; a refusal page (429) when this address has made too many. */
export async function loginRateLimited(c: WebContext): Promise<Response | undefined> {
  const limiter = c.var.deps.core.deps.rateLimiter;
  const { allowed, resetAt } = await limiter.consume(
    `web-login:${clientAddress(c)}`,
    LOGIN_LIMIT,
    LOGIN_WINDOW_MS,
  );
  if (allowed) return undefined;
  const minutes = Math.max(1, Math.ceil((resetAt - Date.now()) / 60_000));
  return respond(
    c,
    'Too many sign-in attempts',
    html`<p role="alert">Too many sign-in attempts from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.</p>`,
    { status: 429 },
  );
}

/**
 * The common start of an OAuth callback: the sign-in rate limit, then the
 * state cookie and the `code` the provider sent back. Either the page to
 * answer with (429, or 400 when the provider did not confirm), or where to
 * go after sign-in and the code to exchange.
 */
export async function oauthCallbackStart(
  c: WebContext,
  provider: string,
  providerName: string,
): Promise<Response | { next: string; code: string }> {
  const limited = await loginRateLimited(c);
  if (limited) return limited;
  const next = finishOAuth(c, provider);
  const code = c.req.query('code');
  if (next && code) return { next, code };
  return respond(
    c,
    'Sign-in failed',
    html`<p role="alert">${providerName} did not confirm this sign-in (it was cancelled or is out of date). <a href="/login">Try again</a>.</p>`,
    { status: 400 },
  );
}

/** Starts a session under a fresh id (the old id is dropped, so a planted id is useless) and goes to `next`. */
export async function signIn(c: WebContext, session: WebSession, next: unknown): Promise<Response> {
  const sessions = c.var.deps.sessions;
  const sid = randomId();
  await sessions.save(sid, session, SESSION_TTL_MS);
  await sessions.remove(c.var.sid);
  setSessionCookie(c, sid);
  return c.redirect(safeNext(next), 303);
}

/** Sends a visitor to the sign-in page, coming back here (or to `next`) afterwards. */
export function toSignIn(c: WebContext, next?: string): Response {
  return c.redirect(`/login?next=${encodeURIComponent(next ?? here(c))}`, 303);
}
