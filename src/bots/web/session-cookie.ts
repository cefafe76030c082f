import { setCookie } from 'hono/cookie';
import type { WebContext } from './context.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'imgbot_sid';
// why: a sign-in lasts a week, like most community dashboards; then the person signs in again
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS. */
export function setSessionCookie(c: WebContext, sid: string): void {
  setCookie(c, SESSION_COOKIE, sid, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.baseUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}
