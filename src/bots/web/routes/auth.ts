import type { Hono } from 'hono';
import { SHELL_COMMUNITY } from '../../../core/identity.ts';
import { field, respond, type WebContext, type WebEnv } from '../context.ts';
import { html } from '../html.ts';
import { randomId, safeNext } from '../security.ts';
import { SESSION_TTL_MS, setSessionCookie } from '../session-cookie.ts';
import { loginRateLimited, signIn } from '../sign-in.ts';
import { registerDiscordSignIn } from './oauth-discord.ts';
import { registerSlackSignIn } from './oauth-slack.ts';

function loginPage(c: WebContext, problem?: string): Promise<Response> {
  const { localUsers, discord, slack } = c.var.deps;
  const next = safeNext(c.req.query('next') ?? field(c, 'next'));
  const q = `?next=${encodeURIComponent(next)}`;
  const local =
    localUsers.length > 0
      ? html`<h2>Local sign-in</h2>
<p>This bot runs on this computer without Discord or Slack; sign in as a shell user to see the same data as <code>npm start</code>.</p>
<form class="stack" method="post" action="/login/local">
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="next" value="${next}">
<label>Shell user
<select name="user">${localUsers.map((u) => html`<option value="${u.name}">${u.name}${u.moderator ? ' (moderator)' : ''}</option>`)}</select>
</label>
<button type="submit">Sign in</button>
</form>`
      : '';
  const platforms = html`${discord ? html`<p><a class="button" href="/auth/discord${q}">Sign in with Discord</a></p>` : ''}
${slack ? html`<p><a class="button" href="/auth/slack${q}">Sign in with Slack</a></p>` : ''}`;
  const none =
    !local && !discord && !slack ? html`<p>No sign-in method is configured on this server.</p>` : '';
  return respond(
    c,
    'Sign in',
    html`${problem ? html`<p role="alert" class="reply error">${problem}</p>` : ''}
<p>Sign in with the account you use in your community, so you see your own reminders, tracker and alerts.</p>
${platforms}${local}${none}`,
    { status: problem ? 400 : 200 },
  );
}

/** Sign-in page, local sign-in, sign-out, and the Discord and Slack OAuth flows. */
export function registerAuthRoutes(app: Hono<WebEnv>): void {
  app.get('/login', (c) => loginPage(c));
  app.post('/login/local', async (c) => {
    const limited = await loginRateLimited(c);
    if (limited) return limited;
    const name = field(c, 'user');
    const user = c.var.deps.localUsers.find((u) => u.name === name);
    if (!user) return loginPage(c, `"${name}" is not a local user of this bot. Choose one from the list.`);
    return signIn(
      c,
      {
        userId: `shell:${user.name}`,
        displayName: user.name,
        via: 'local',
        memberships: [
          { communityId: SHELL_COMMUNITY, name: 'This computer', platformAdmin: user.moderator, roleIds: [] },
        ],
        createdAt: Date.now(),
      },
      field(c, 'next'),
    );
  });
  app.post('/logout', async (c) => {
    await c.var.deps.sessions.remove(c.var.sid);
    const sid = randomId();
    setSessionCookie(c, sid);
    void SESSION_TTL_MS;
    return c.redirect('/', 303);
  });
  registerDiscordSignIn(app);
  registerSlackSignIn(app);
}
