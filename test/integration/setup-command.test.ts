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
