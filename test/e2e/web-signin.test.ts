/**
 * Sign in with Discord (OAuth2: identify + guilds) and Sign in with Slack
 * (OpenID Connect) in a real headless Chromium, against the project's fake
 * Discord and fake Slack with their OAuth endpoints. The signed-in person
 * acts as their platform identity (`discord:<id>`, `slack:<team>:<user>`),
 * and moderator rights follow the core's policy: Manage Server or the
 * community's moderator role on Discord, workspace admin on Slack.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { type DiscordOAuthFake, installDiscordOAuth } from './fake-discord/oauth.ts';
import { FakeDiscord } from './fake-discord/server.ts';
import { FAKE_TEAM_ID } from './fake-slack/identity.ts';
import { installSlackOidc, type SlackOidcFake } from './fake-slack/oidc.ts';
import { FakeSlack } from './fake-slack/server.ts';
import { expectAccessible, launchBrowser, type WebHarness, webHarness } from './web-harness.ts';

const GUILD = '1300000000000000100';
const OTHER_GUILD = '1300000000000000999';
const MOD_ROLE = '1300000000000000400';
// why: MANAGE_GUILD (1 << 5) as Discord sends permissions, a decimal string
const MANAGE_GUILD = String(1 << 5);
const CLIENT = { clientId: '1300000000000000001', clientSecret: 'fake-client-secret' };

let browser: Browser;
let discord: FakeDiscord;
let slack: FakeSlack;
let discordOAuth: DiscordOAuthFake;
let slackOidc: SlackOidcFake;
let w: WebHarness;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(() => browser?.close());
beforeEach(async () => {
  discord = await FakeDiscord.start();
  slack = await FakeSlack.start();
  discordOAuth = installDiscordOAuth(discord, { ...CLIENT, botGuilds: [{ id: GUILD, name: 'IMG Hub' }] });
  slackOidc = installSlackOidc(slack, { clientId: 'slack-client', clientSecret: 'slack-secret-123' });
  w = await webHarness(browser, {
    deps: {
      localUsers: [],
      discord: { ...CLIENT, webUrl: discord.baseUrl, apiUrl: discord.restUrl, botToken: 'fake-bot-token' },
      slack: {
        clientId: 'slack-client',
        clientSecret: 'slack-secret-123',
        webUrl: slack.baseUrl,
        apiUrl: `${slack.baseUrl}/api/`,
        botToken: 'xoxb-fake',
      },
    },
  });
});
afterEach(async () => {
  await w.close();
  await discord.close();
  await slack.close();
});

async function signInWith(provider: 'Discord' | 'Slack', next = '/mod'): Promise<number | undefined> {
  const { page } = w;
  await page.goto(w.url(`/login?next=${encodeURIComponent(next)}`));
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(w.url(next)) && r.request().method() === 'GET'),
    page.getByRole('link', { name: `Sign in with ${provider}` }).click(),
  ]);
  return res.status();
}

describe('web dashboard: sign in with Discord and Slack', () => {
  it('GIVEN a Discord user with Manage Server THEN they sign in as discord:<id> and may moderate that guild only', async () => {
    discordOAuth.signInAs({
      id: '1300000000000000501',
      username: 'rivera',
      guilds: [
        { id: GUILD, name: 'IMG Hub', permissions: MANAGE_GUILD },
        { id: OTHER_GUILD, name: 'Elsewhere', permissions: MANAGE_GUILD },
      ],
    });
    await w.page.goto(w.url('/login'));
    await expectAccessible(w.page, 'sign-in page with providers');
    expect(await signInWith('Discord')).toBe(200);
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Moderation');
    expect(await w.page.getByText('Signed in as rivera').count()).toBe(1);
    expect(discordOAuth.exchanges).toEqual([
      expect.objectContaining({
        clientSecret: CLIENT.clientSecret,
        redirectUri: w.url('/auth/discord/callback'),
      }),
    ]);
    // Only the guild the bot is in is a community here; the board of the other is refused.
    expect((await w.page.goto(w.url(`/c/discord%3A${GUILD}/listings`)))?.status()).toBe(200);
    expect((await w.page.goto(w.url(`/c/discord%3A${OTHER_GUILD}/listings`)))?.status()).toBe(403);
    // The same identity as in chat: a reminder set with /remind on Discord is on My page.
    const chat = w.h.app.as('1300000000000000501', { platform: 'discord' });
    const set = await runTextCommand('/remind when:"in 2 days" what:"call the program office"', {
      ...chat,
      actor: { ...chat.actor, communityId: `discord:${GUILD}` },
    });
    expect(set.error, set.text).toBe(false);
    await w.page.goto(w.url('/me'));
    expect(await w.page.getByText('call the program office').count()).toBeGreaterThan(0);
  });

  it('GIVEN Discord members THEN the community moderator role moderates and a plain member gets 403', async () => {
    const admin = w.h.app.as('1300000000000000101', { platform: 'discord', moderator: true });
    const setup = await runTextCommand(`/setup mod_role:${MOD_ROLE}`, {
      ...admin,
      actor: { ...admin.actor, communityId: `discord:${GUILD}` },
    });
    expect(setup.error, setup.text).toBe(false);
    discordOAuth.signInAs({
      id: '1300000000000000502',
      username: 'amina',
      guilds: [{ id: GUILD, name: 'IMG Hub', permissions: '0' }],
      roles: { [GUILD]: [MOD_ROLE] },
    });
    expect(await signInWith('Discord')).toBe(200);
    await w.page.getByRole('button', { name: 'Sign out' }).click();
    discordOAuth.signInAs({
      id: '1300000000000000503',
      username: 'kofi',
      guilds: [{ id: GUILD, name: 'IMG Hub', permissions: '0' }],
    });
    expect(await signInWith('Discord')).toBe(403);
  });

  it('GIVEN a tampered OAuth state THEN the callback is refused and nobody is signed in', async () => {
    const res = await w.page.goto(w.url('/auth/discord/callback?code=abc&state=forged'));
    expect(res?.status()).toBe(400);
    expect((await w.page.goto(w.url('/me')))?.url()).toContain('/login?next=%2Fme');
  });

  it('GIVEN Slack users THEN a workspace admin moderates as slack:<team>:<user>, a member gets 403', async () => {
    slack.workspace.setUser('U0ADMIN', { is_admin: true });
    slackOidc.signInAs('U0ADMIN', 'Dr. Admin');
    expect(await signInWith('Slack')).toBe(200);
    expect(await w.page.getByText('Signed in as Dr. Admin').count()).toBe(1);
    expect((await w.page.goto(w.url(`/c/slack%3A${FAKE_TEAM_ID}/listings`)))?.status()).toBe(200);
    await w.page.getByRole('button', { name: 'Sign out' }).click();
    slackOidc.signInAs('U0MEMBER', 'Member');
    expect(await signInWith('Slack')).toBe(403);
  });
});
