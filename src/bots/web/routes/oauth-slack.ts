import type { Hono } from 'hono';
import { z } from 'zod';
import { respond, type WebContext, type WebEnv } from '../context.ts';
import { html } from '../html.ts';
import { beginOAuth, callbackUrl } from '../oauth-state.ts';
import { randomId } from '../security.ts';
import { oauthCallbackStart, signIn } from '../sign-in.ts';
import type { SlackSignIn } from '../web-deps.ts';

const PROVIDER = 'slack';

const tokenSchema = z.object({ ok: z.literal(true), access_token: z.string().min(1) });
const userInfoSchema = z.object({
  ok: z.literal(true),
  name: z.string().optional(),
  'https://slack.com/user_id': z.string(),
  'https://slack.com/team_id': z.string(),
  'https://slack.com/team_name': z.string().optional(),
});
const usersInfoSchema = z.object({
  ok: z.literal(true),
  user: z.object({ is_admin: z.boolean().optional(), is_owner: z.boolean().optional() }),
});

async function call<T>(
  c: WebContext,
  s: SlackSignIn,
  method: string,
  schema: z.ZodType<T>,
  init: { token?: string; form?: Record<string, string> },
): Promise<T> {
  const res = await (c.var.deps.fetch ?? fetch)(`${s.apiUrl}${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: new URLSearchParams(init.form ?? {}),
  });
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`Slack ${method} did not answer as expected`);
  return parsed.data;
}

/** Workspace admins and owners moderate, as in the Slack adapter; asked with the bot token when there is one. */
async function isWorkspaceAdmin(c: WebContext, s: SlackSignIn, user: string): Promise<boolean> {
  if (!s.botToken) return false;
  try {
    const info = await call(c, s, 'users.info', usersInfoSchema, { token: s.botToken, form: { user } });
    return Boolean(info.user.is_admin || info.user.is_owner);
  } catch {
    return false;
  }
}

/** Sign in with Slack (OpenID Connect: scopes `openid` and `profile`). */
export function registerSlackSignIn(app: Hono<WebEnv>): void {
  app.get('/auth/slack', (c) => {
    const s = c.var.deps.slack;
    if (!s) return c.notFound();
    const q = new URLSearchParams({
      response_type: 'code',
      scope: 'openid profile',
      client_id: s.clientId,
      state: beginOAuth(c, PROVIDER),
      nonce: randomId(),
      redirect_uri: callbackUrl(c, PROVIDER),
    });
    return c.redirect(`${s.webUrl}/openid/connect/authorize?${q}`, 302);
  });
  app.get('/auth/slack/callback', async (c) => {
    const s = c.var.deps.slack;
    if (!s) return c.notFound();
    const started = await oauthCallbackStart(c, PROVIDER, 'Slack');
    if (started instanceof Response) return started;
    const { next, code } = started;
    try {
      const token = await call(c, s, 'openid.connect.token', tokenSchema, {
        form: {
          client_id: s.clientId,
          client_secret: s.clientSecret,
          code,
          redirect_uri: callbackUrl(c, PROVIDER),
        },
      });
      const me = await call(c, s, 'openid.connect.userInfo', userInfoSchema, { token: token.access_token });
      const team = me['https://slack.com/team_id'];
      const user = me['https://slack.com/user_id'];
      return signIn(
        c,
        {
          userId: `slack:${team}:${user}`,
          displayName: me.name ?? user,
          via: 'slack',
          memberships: [
            {
              communityId: `slack:${team}`,
              name: me['https://slack.com/team_name'] ?? team,
              platformAdmin: await isWorkspaceAdmin(c, s, user),
              roleIds: [],
            },
          ],
          createdAt: Date.now(),
        },
        next,
      );
    } catch (err) {
      c.var.deps.core.deps.logger.warn({ err }, 'Slack sign-in failed');
      return respond(
        c,
        'Sign-in failed',
        html`<p role="alert">Slack sign-in did not work just now. <a href="/login">Try again</a>.</p>`,
        { status: 400 },
      );
    }
  });
}
