import type { Hono } from 'hono';
import { boardPath, respond, type WebEnv } from '../context.ts';
import { html } from '../html.ts';

/** The start page: your communities' boards, or how to sign in. */
export function registerHomeRoutes(app: Hono<WebEnv>): void {
  app.get('/', async (c) => {
    const session = c.var.session;
    if (!session) {
      const local = c.var.deps.localUsers.length > 0;
      return respond(
        c,
        'imgbot',
        html`<p>Vetted observerships, externships and other clinical experience for International Medical Graduates, with deadline reminders and an application tracker.</p>
<p><a class="button" href="/login">Sign in</a></p>
${local ? html`<p>Or browse this computer's <a href="${boardPath('shell:local')}">listings</a> after signing in.</p>` : ''}`,
      );
    }
    return respond(
      c,
      `Welcome, ${session.displayName}`,
      html`<h2>Your communities</h2>
<ul>${session.memberships.map((m) => html`<li><a href="${boardPath(m.communityId)}">${m.name}</a>: listings</li>`)}</ul>
<p><a href="/me">My page</a>: reminders, tracker, alerts and settings.</p>`,
    );
  });
}
