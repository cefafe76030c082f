/** `imgbot deploy-commands` against the fake: what it sends and what it prints. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCommandsJson } from '../../src/bots/discord/commands-json.ts';
import { deployCommandsCommand } from '../../src/bots/discord/start-discord.ts';
import { createRegistry } from '../../src/core/command-list.ts';
import { TEST_TOKEN } from './discord-harness.ts';
import { FAKE_IDS, FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function capture() {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}

describe('imgbot deploy-commands', () => {
  it('sends the command JSON generated from the core registry and prints what changed', async () => {
    fake = await FakeDiscord.start({ token: TEST_TOKEN });
    const env = {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: fake.restUrl,
      LOG_LEVEL: 'silent',
    };
    const expected = buildCommandsJson(createRegistry());

    const first = capture();
    await deployCommandsCommand(env, { guild: FAKE_IDS.guild }, first.out);
    const [put] = fake.requestsTo('PUT', '/applications/:app/guilds/:guild/commands');
    expect(put?.body).toEqual(expected);
    expect(put?.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(put?.response.status).toBe(200); // the fake checks names, descriptions and counts as Discord does
    // What members and moderators notice in Discord's command picker:
    const sent = put?.body as { name: string; type: number; [k: string]: unknown }[];
    const cmd = (name: string) => sent.find((c) => c.name === name);
    const option = (name: string, key: string) =>
      (cmd(name)?.options as { name: string; [k: string]: unknown }[] | undefined)?.find(
        (o) => o.name === key,
      );
    expect(cmd('post')?.default_member_permissions).toBe('32'); // Manage Server: hidden from members
    expect(cmd('setup')?.default_member_permissions).toBe('32');
    expect(cmd('observership')).not.toHaveProperty('default_member_permissions');
    expect(option('faq', 'question')).toMatchObject({ type: 3, autocomplete: true });
    expect(option('observership', 'specialty')).toMatchObject({ autocomplete: true });
    expect(option('opportunity', 'id')).toMatchObject({ autocomplete: true, required: true });
    expect(option('observership', 'max_fee')).toMatchObject({ type: 4, min_value: 0 });
    expect(option('observership', 'hands_on')).toMatchObject({ type: 5 }); // yes/no
    expect(option('opportunities', 'type')?.choices).toContainEqual({
      name: 'sub-internship',
      value: 'sub-internship',
    });
    expect(cmd('Remind me about this')).toEqual({ type: 3, name: 'Remind me about this' });
    const names = expected.map((c) => (c.type === 3 ? c.name : `/${c.name}`)).join(', ');
    expect(first.text()).toContain(
      `Discord commands (guild ${FAKE_IDS.guild}):\n  added (${expected.length}): ${names}`,
    );
    expect(first.text()).toContain(
      `Invite URL: https://discord.com/oauth2/authorize?client_id=${FAKE_IDS.application}&scope=bot+applications.commands&permissions=52224`,
    );

    // Discord's echo (ids, versions, defaults) is not a change: nothing is sent again.
    const second = capture();
    await deployCommandsCommand(env, { guild: FAKE_IDS.guild }, second.out);
    expect(second.text()).toContain(`unchanged: ${expected.length}\n  Nothing to change; nothing sent.`);
    expect(fake.requestsTo('PUT', '/applications/:app/guilds/:guild/commands')).toHaveLength(1);

    // A command that is no longer in the registry is reported as removed.
    fake.state.globalCommands.push({ ...fake.state.guildCommands.get(FAKE_IDS.guild)![0]!, name: 'retired' });
    const global = capture();
    await deployCommandsCommand(env, {}, global.out);
    expect(global.text()).toMatch(
      /Discord commands \(global\):\n {2}added \(\d+\): .*\n {2}removed \(1\): \/retired/,
    );
    expect(fake.requestsTo('PUT', '/applications/:app/commands')[0]?.body).toEqual(expected);
  });

  it('accepts DISCORD_API_URL copied with the version and a trailing slash', async () => {
    fake = await FakeDiscord.start({ token: TEST_TOKEN });
    const out = capture();
    await deployCommandsCommand(
      {
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_IDS.application,
        DISCORD_API_URL: `${fake.restUrl}/v10/`,
        LOG_LEVEL: 'silent',
      },
      {},
      out.out,
    );
    expect(out.text()).toMatch(/^Discord commands \(global\):\n {2}added/);
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('refuses without a token or with a bad guild id, saying what to set', async () => {
    await expect(deployCommandsCommand({ LOG_LEVEL: 'silent' }, {})).rejects.toThrow(
      /deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID/,
    );
    await expect(
      deployCommandsCommand(
        { DISCORD_TOKEN: TEST_TOKEN, DISCORD_APPLICATION_ID: FAKE_IDS.application, LOG_LEVEL: 'silent' },
        { guild: 'dev' },
      ),
    ).rejects.toThrow('--guild must be a numeric server id (got "dev")');
  });
});
