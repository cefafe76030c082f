/**
 * Multi-workspace installs through Bolt's OAuth (SLACK_CLIENT_ID/SECRET):
 * /slack/install sends the admin to Slack's consent page with our scopes;
 * /slack/oauth_redirect exchanges the code (oauth.v2.access on the fake) and
 * stores the installation in Redis; requests from that workspace are then
 * authorized from Redis and use its own bot token, and so do DMs. An
 * uninstall removes the installation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/bots/slack/manifest.ts';
import { reply } from '../../src/core/reply.ts';
import { type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import { eventCallbackBody } from './fake-slack/index.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ oauth: true });
});
afterAll(async () => {
  await h?.close();
});

const TEAM = 'T0SECOND1';
const TOKEN = 'xoxb-second-workspace-token';

describe('Slack OAuth installs (installation store in Redis)', () => {
  it('installs a workspace, then serves it with its own token, and forgets it on uninstall', async () => {
    const install = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const consent = new URL(install.headers.get('location') ?? '');
    expect(consent.origin + consent.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(consent.searchParams.get('client_id')).toBe('1111.2222');
    expect(consent.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    const state = consent.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toContain(state);

    const code = h.fake.workspace.issueOAuthCode({
      teamId: TEAM,
      installer: 'U0INSTALL',
      botToken: TOKEN,
      scopes: BOT_SCOPES.join(','),
    });
    const callback = await fetch(
      `${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
      { headers: { cookie }, redirect: 'manual' },
    );
    expect(callback.status).toBe(200);
    expect((await h.fake.waitForCall('oauth.v2.access')).body.code).toBe(code);
    expect(await h.adapter.installations?.botToken(TEAM)).toBe(TOKEN);

    // A command from that workspace is authorized from Redis; its Web API calls carry its token.
    const { res, responseUrl } = await h.command('/imgbot', 'help', { team: TEAM });
    expect(res.status).toBe(200);
    await h.answer(responseUrl);
    const lookup = await h.fake.waitForCall('users.info');
    expect(lookup.headers.authorization).toBe(`Bearer ${TOKEN}`);

    // Reminders to its members go out with its token too.
    const sent = await h.adapter.notifier.sendDirect(
      `slack:${TEAM}:U0INSTALL`,
      reply({ text: 'Your reminder' }),
    );
    expect(sent).toEqual({ ok: true });
    const dm = await h.fake.waitForCall('chat.postMessage');
    expect(dm.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(dm.body.channel).toBe('U0INSTALL');

    // Uninstalling forgets the token; a delivery then waits for a reinstall (transient).
    const uninstalled = await h.post(eventCallbackBody({ type: 'app_uninstalled' }, { team_id: TEAM }));
    expect(uninstalled.status).toBe(200);
    await expect.poll(() => h.adapter.installations?.botToken(TEAM)).toBeUndefined();
    expect(
      await h.adapter.notifier.sendDirect(`slack:${TEAM}:U0INSTALL`, reply({ text: 'x' })),
    ).toMatchObject({
      ok: false,
      permanent: false,
    });
  });

  it('refuses a callback whose state was not issued by us (no installation stored)', async () => {
    const code = h.fake.workspace.issueOAuthCode({
      teamId: 'T0FORGED1',
      installer: 'U0EVIL001',
      botToken: 'xoxb-forged',
      scopes: 'chat:write',
    });
    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${code}&state=forged`, {
      redirect: 'manual',
    });
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(await h.adapter.installations?.botToken('T0FORGED1')).toBeUndefined();
  });

  it('a command from a workspace that never installed the app gets no answer and changes nothing', async () => {
    const { res, responseUrl } = await h.command('/imgbot', 'remind when:"in 1 hour" what:"x"', {
      team: 'T0UNKNOWN',
    });
    expect(res.status).toBe(200); // Bolt acks, then stops: authorization failed
    await h.adapter.installations?.storeInstallation({
      team: { id: 'T0SENTINL' },
      enterprise: undefined,
      user: { id: 'U0INSTALL', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-sentinel', scopes: [...BOT_SCOPES], id: 'B0S', userId: 'U0BOT' },
      isEnterpriseInstall: false,
    });
    const sentinel = await h.command('/imgbot', 'help', { team: 'T0SENTINL' });
    await h.answer(sentinel.responseUrl); // an installed workspace is answered meanwhile
    expect(h.fake.responsesTo(responseUrl)).toEqual([]);
    expect(await h.app.deps.reminders.store.listForUser('slack:T0UNKNOWN:U0MEMBER1')).toEqual([]);
  });
});
