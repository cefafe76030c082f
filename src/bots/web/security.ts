import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Small security pieces of the web adapter: unguessable ids, CSRF tokens
 * bound to the browser's session id, and `next=` targets limited to the
 * site's own paths.
 */

/** A random id for a session cookie or an OAuth state (32 bytes, URL-safe). */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/** The CSRF token of a session id: an HMAC, so nothing needs storing and it cannot be forged. */
export function csrfToken(secret: string, sid: string): string {
  return createHmac('sha256', secret).update(`csrf:${sid}`).digest('base64url');
}

/** True when `given` is the session's token (constant-time compare). */
export function validCsrf(secret: string, sid: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const want = Buffer.from(csrfToken(secret, sid));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * A `next=` target: only a path of this site (`/c/x/listings?state=NY`).
 * Absolute URLs, protocol-relative `//host`, backslashes and control
 * characters fall back to `fallback`, so sign-in cannot redirect elsewhere.
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const u = new URL(next, 'http://site.invalid');
    if (u.origin !== 'http://site.invalid') return fallback;
    return `${u.pathname}${u.search}`;
  } catch {
    return fallback;
  }
}
