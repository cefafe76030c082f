import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('/setup', () => {
  it('lets a platform admin set the moderator role and announcement channel, audited', async () => {
    app = createTestApp();
    const admin = app.as('admin', { moderator: true, platform: 'discord' });
    const saved = await runTextCommand(
      '/setup mod_role:<@&111111111111111111> announce_channel:<#222222222222222222>',
      admin,
    );
    expect(saved.error).toBe(false);
    const community = await app.deps.userSettings.getCommunity('discord:guild1');
    expect(community).toMatchObject({
      modRoleId: '111111111111111111',
      announceChannel: 'discord:222222222222222222',
    });
    const [entry] = await app.deps.audit.list('discord:guild1', { limit: 5 });
    expect(entry).toMatchObject({ action: 'community.setup', actorId: 'discord:admin' });

    // A member holding the role is now a moderator; one without it is refused.
    const member = app.as('member', { platform: 'discord' });
    const refused = await runCommand('setup', {}, member);
    expect(refused.code).toBe('PERMISSION.MODERATOR_ONLY');
    const withRole = { ...member, actor: { ...member.actor, roleIds: ['111111111111111111'] } };
    const shown = await runCommand('setup', {}, withRole);
    expect(shown.error).toBe(false);
    expect(shown.fields.map((f) => f.value)).toContain('discord:222222222222222222');
  });

  it('builds Slack channel addresses with the team', async () => {
    app = createTestApp();
    const admin = app.as('admin', { moderator: true, platform: 'slack' });
    await runTextCommand('/setup announce_channel:<#C0123ABC|jobs>', admin);
    expect((await app.deps.userSettings.getCommunity('slack:T1')).announceChannel).toBe('slack:T1:C0123ABC');
  });
});

describe('/setup with names, as moderators type them', () => {
  it('GIVEN the shell THEN @Moderators and #opportunities are the local role and channel', async () => {
    app = createTestApp();
    const admin = app.as('admin', { moderator: true });
    const saved = await runTextCommand('/setup mod_role:@Moderators announce_channel:#opportunities', admin);
    expect(saved.error, saved.text).toBe(false);
    expect(saved.fields.map((f) => f.value)).toEqual(['@Moderators', '#opportunities']);
    expect(await app.deps.userSettings.getCommunity('shell:local')).toMatchObject({
      modRoleId: 'Moderators',
      announceChannel: 'shell:opportunities',
    });
    // A shell user holding the local role (imgbot shell --role Moderators) now moderates.
    const member = app.as('ana');
    expect((await runCommand('setup', {}, member)).code).toBe('PERMISSION.MODERATOR_ONLY');
    const holder = { ...member, actor: { ...member.actor, roleIds: ['Moderators'] } };
    expect((await runCommand('setup', {}, holder)).error).toBe(false);
  });

  it('GIVEN Slack THEN its link forms work, and a plain name is refused with the accepted forms', async () => {
    app = createTestApp();
    const admin = app.as('admin', { moderator: true, platform: 'slack' });
    const saved = await runTextCommand(
      '/setup mod_role:<!subteam^S0123ABC|@moderators> announce_channel:<#C0456DEF|opportunities>',
      admin,
    );
    expect(saved.error, saved.text).toBe(false);
    expect(await app.deps.userSettings.getCommunity('slack:T1')).toMatchObject({
      modRoleId: 'S0123ABC',
      announceChannel: 'slack:T1:C0456DEF',
    });
    const named = await runTextCommand('/setup announce_channel:#jobs', admin);
    expect(named).toMatchObject({ error: true, code: 'SETUP.UNRESOLVED_NAME' });
    expect(named.text).toContain('announce_channel: #jobs is only a name here.');
    expect(named.text).toContain('choose it from the # list');
    expect(named.text).toContain('Example: /setup announce_channel:<#C0123ABC|opportunities>');
    const role = await runTextCommand('/setup mod_role:@Moderators', admin);
    expect(role).toMatchObject({ error: true, code: 'SETUP.UNRESOLVED_NAME' });
    expect(role.text).toContain('<!subteam^S0123ABC>');
    // Nothing changed.
    expect((await app.deps.userSettings.getCommunity('slack:T1')).announceChannel).toBe('slack:T1:C0456DEF');
  });

  it('GIVEN Discord THEN a typed name says to pick from the list, with the id form as example', async () => {
    app = createTestApp();
    const admin = app.as('admin', { moderator: true, platform: 'discord' });
    const r = await runTextCommand('/setup mod_role:@Moderators', admin);
    expect(r).toMatchObject({ error: true, code: 'SETUP.UNRESOLVED_NAME' });
    expect(r.text).toContain('pick the role from the list');
    expect(r.text).toContain('Example: /setup mod_role:<@&123456789012345678>');
  });
});
