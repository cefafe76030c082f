import type { Hono } from 'hono';
import { z } from 'zod';
import { respond, type WebContext, type WebEnv } from '../context.ts';
import { html } from '../html.ts';
import { beginOAuth, callbackUrl } from '../oauth-state.ts';
import type { WebMembership } from '../session.port.ts';
import { oauthCallbackStart, signIn } from '../sign-in.ts';
import type { DiscordSignIn } from '../web-deps.ts';

const PROVIDER = 'discord';
// why: Discord permission bits: ADMINISTRATOR (1 << 3) and MANAGE_GUILD (1 << 5), as the bot's policy reads them
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

const tokenSchema = z.object({ access_token: z.string().min(1) });
const userSchema = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullish() });
const guildSchema = z.object({ id: z.string(), name: z.string(), permissions: z.string().optional() });
const memberSchema = z.object({ roles: z.array(z.string()) });

async function getJson<T>(c: WebContext, url: string, auth: string, schema: z.ZodType<T>): Promise<T> {
  const res = await (c.var.deps.fetch ?? fetch)(url, { headers: { authorization: auth } });
  if (!res.ok) throw new Error(`Discord answered ${res.status} for ${new URL(url).pathname}`);
  return schema.parse(await res.json());
}

async function exchange(c: WebContext, d: DiscordSignIn, code: string): Promise<string> {
  const res = await (c.var.deps.fetch ?? fetch)(`${d.apiUrl}/v10/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: callbackUrl(c, PROVIDER),
      client_id: d.clientId,
      client_secret: d.clientSecret,
    }),
  });
  if (!res.ok) throw new Error(`Discord refused the sign-in code (${res.status})`);
  return tokenSchema.parse(await res.json()).access_token;
}

/**
 * The person's communities: their guilds that the bot is also in (when the
 * bot token is known), with Manage Server / Administrator from the guild
 * list and their roles read with the bot token, so the core's moderator
 * policy (admin or the community's moderator role) decides as in Discord.
 */
async function memberships(
  c: WebContext,
  d: DiscordSignIn,
  token: string,
  userId: string,
): Promise<WebMembership[]> {
  const api = `${d.apiUrl}/v10`;
  const guilds = await getJson(c, `${api}/users/@me/guilds`, `Bearer ${token}`, z.array(guildSchema));
  const botGuilds = d.botToken
    ? new Set(
        (await getJson(c, `${api}/users/@me/guilds`, `Bot ${d.botToken}`, z.array(guildSchema))).map(
          (g) => g.id,
        ),
      )
    : undefined;
  const out: WebMembership[] = [];
  for (const g of guilds) {
    if (botGuilds && !botGuilds.has(g.id)) continue;
    const perms = BigInt(g.permissions ?? '0');
    const roleIds = d.botToken
      ? (await getJson(c, `${api}/guilds/${g.id}/members/${userId}`, `Bot ${d.botToken}`, memberSchema)).roles
      : [];
    out.push({
      communityId: `discord:${g.id}`,
      name: g.name,
      platformAdmin: (perms & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n,
      roleIds,
    });
  }
  return out;
}

/** Sign in with Discord: OAuth2 authorization code with the scopes `identify` and `guilds`. */
export function registerDiscordSignIn(app: Hono<WebEnv>): void {
  app.get('/auth/discord', (c) => {
    const d = c.var.deps.discord;
    if (!d) return c.notFound();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: d.clientId,
      scope: 'identify guilds',
      state: beginOAuth(c, PROVIDER),
      redirect_uri: callbackUrl(c, PROVIDER),
      prompt: 'none',
    });
    return c.redirect(`${d.webUrl}/oauth2/authorize?${q}`, 302);
  });
  app.get('/auth/discord/callback', async (c) => {
    const d = c.var.deps.discord;
    if (!d) return c.notFound();
    const started = await oauthCallbackStart(c, PROVIDER, 'Discord');
    if (started instanceof Response) return started;
    const { next, code } = started;
    try {
      const token = await exchange(c, d, code);
      const user = await getJson(c, `${d.apiUrl}/v10/users/@me`, `Bearer ${token}`, userSchema);
      return signIn(
        c,
        {
          userId: `discord:${user.id}`,
          displayName: user.global_name ?? user.username,
          via: 'discord',
          memberships: await memberships(c, d, token, user.id),
          createdAt: Date.now(),
        },
        next,
      );
    } catch (err) {
      c.var.deps.core.deps.logger.warn({ err }, 'Discord sign-in failed');
      return respond(
        c,
        'Sign-in failed',
        html`<p role="alert">Discord sign-in did not work just now. <a href="/login">Try again</a>.</p>`,
        { status: 400 },
      );
    }
  });
}
