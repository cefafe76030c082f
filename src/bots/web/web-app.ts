import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { respond, type WebContext, type WebEnv } from './context.ts';
import { html } from './html.ts';
import { registerActRoutes } from './routes/act.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerBoardRoutes } from './routes/board.ts';
import { registerHomeRoutes } from './routes/home.ts';
import { registerMeRoutes } from './routes/me.ts';
import { registerModRoutes } from './routes/mod.ts';
import { csrfToken, randomId, validCsrf } from './security.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';
import type { WebDeps } from './web-deps.ts';

// why: uploads are listings files; 5 MB holds tens of thousands of rows
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The web adapter: parse (query, forms) -> core (commands, actions, use
 * cases) -> render (HTML). Every visitor gets a session id cookie; POSTs
 * must carry the CSRF token bound to it or are refused with 403.
 */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const given = getCookie(c, SESSION_COOKIE);
    const sid = given && /^[A-Za-z0-9_-]{43}$/.test(given) ? given : randomId();
    if (sid !== given) setSessionCookie(c, sid);
    c.set('sid', sid);
    c.set('csrf', csrfToken(deps.secret, sid));
    c.set('session', given ? await deps.sessions.get(sid) : undefined);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    if (c.req.method === 'POST') {
      const length = Number(c.req.header('content-length') ?? '0');
      if (length > MAX_BODY_BYTES) {
        return respond(
          c,
          'Too large',
          html`<p>That upload is larger than 5 MB. Split the file and try again.</p>`,
          { status: 400 },
        );
      }
      const form = await c.req.parseBody({ all: true }).catch(() => ({}));
      c.set('form', form as WebEnv['Variables']['form']);
      if (!validCsrf(deps.secret, sid, (form as Record<string, unknown>)._csrf)) {
        return respond(
          c,
          'Form expired',
          html`<p role="alert">This form could not be checked (its security token is missing or out of date), so nothing was changed. Go back, reload the page and try again.</p>`,
          { status: 403 },
        );
      }
    }
    await next();
  });
  registerHomeRoutes(app);
  registerAuthRoutes(app);
  registerBoardRoutes(app);
  registerActRoutes(app);
  registerMeRoutes(app);
  registerModRoutes(app);
  app.notFound((c) =>
    respond(
      c as WebContext,
      'Not found',
      html`<p>There is no page at this address. <a href="/">Start page</a></p>`,
      { status: 404 },
    ),
  );
  app.onError((err, c) => {
    deps.core.deps.logger.error({ err }, 'web request failed');
    return c.html(
      '<!doctype html><html lang="en"><title>Error</title><main><h1>Something went wrong</h1><p>Please try again.</p></main></html>',
      500,
    );
  });
  return app;
}
