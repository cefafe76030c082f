/**
 * The Discord adapter end to end on a fixture registry: real discord.js, real
 * Redis, the fake Discord. Covers every path of the router independently of
 * the domain commands (those have their own e2e file).
 */
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureRegistry, MENTION_TITLE } from './discord-fixtures.ts';
import { bodyOf, FAKE_IDS, type Harness, MEMBER, MODERATOR, startHarness } from './discord-harness.ts';
import {
  autocomplete,
  buttonClick,
  chatInputCommand,
  DiscordErrorCode,
  discordError,
  messageContextMenu,
  modalSubmit,
  opt,
} from './fake-discord/index.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  h = await startHarness({ registry: fixtureRegistry() });
  return h;
}

describe('Discord router (fixture commands)', () => {
  it('answers a quick command privately in one round trip: an embed with a signed next-page button and share', async () => {
    const { fake, callback, edit } = await start();
    const cmd = chatInputCommand({ name: 'find', options: [opt.string('query', 'cardio')], ...MEMBER });
    fake.injectInteraction(cmd);

    const cb = bodyOf(await callback(cmd.token));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.data?.flags).toBe(MessageFlags.Ephemeral);
    const answer = bodyOf(await edit(cmd.token));
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    expect(answer.embeds?.[0]).toMatchObject({ title: 'Results', footer: { text: 'Page 1/2' } });
    // The member-written title shows as text: no role pill, no @everyone.
    expect(answer.embeds?.[0]?.fields?.[0]?.name).toBe(
      MENTION_TITLE.replace('@e', '@\u200be').replace('<@', '<@\u200b'),
    );
    const labels = answer.components?.flatMap((r) => r.components.map((c) => c.label));
    expect(labels).toEqual(['Next page', 'Share in channel']);
    // One REST call: no deferral and no edit of the original.
    expect(fake.requestsTo('PATCH', '/webhooks/:app/:token/messages/@original')).toEqual([]);
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('defers a command whose core overruns the answer budget, then edits the answer in', async () => {
    h = await startHarness({ registry: fixtureRegistry(), answerBudgetMs: 20 });
    const { fake, callback, edit } = h;
    const cmd = chatInputCommand({ name: 'slow', ...MEMBER });
    fake.injectInteraction(cmd);
    expect(bodyOf(await callback(cmd.token))).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const edited = await edit(cmd.token);
    expect(edited.method).toBe('PATCH');
    expect(bodyOf(edited).embeds?.[0]?.title).toBe('Slow answer');
  });

  it('pages by updating the message the button is on, in the initial response', async () => {
    const { fake, edit, callback } = await start();
    const cmd = chatInputCommand({ name: 'find', ...MEMBER });
    fake.injectInteraction(cmd);
    await edit(cmd.token);
    const message = fake.interaction(cmd.token)?.original;
    const next = message?.components?.[0];
    const customId =
      next && 'components' in next ? (next.components[0] as { custom_id: string }).custom_id : '';

    const click = buttonClick({ customId, message: message ?? undefined, ...MEMBER });
    fake.injectInteraction(click);
    expect(bodyOf(await callback(click.token)).type).toBe(InteractionResponseType.UpdateMessage);
    const edited = bodyOf(await edit(click.token));
    expect(edited.embeds?.[0]?.footer?.text).toBe('Page 2/2');
    expect(edited.allowed_mentions).toEqual({ parse: [] });
    // The same message now shows page 2 (Discord edits the message a button sits on).
    expect(fake.interaction(click.token)?.componentMessage?.id).toBe(message?.id);
    expect(fake.interaction(click.token)?.componentMessage?.embeds[0]?.footer?.text).toBe('Page 2/2');
  });

  it('answers a forged or stale button with a friendly private error', async () => {
    const { fake, callback } = await start();
    for (const customId of ['a|fixture.page|2|AAAAAAAAAA', 'legacy:next']) {
      const click = buttonClick({ customId, ...MEMBER });
      fake.injectInteraction(click);
      const body = bodyOf(await callback(click.token));
      expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(body.data).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
      expect(String(body.data?.content)).toMatch(/no longer valid.*Run the command again/);
    }
  });

  it('shares a private answer publicly, without pinging anyone', async () => {
    const { fake, edit, callback } = await start();
    const cmd = chatInputCommand({ name: 'find', ...MEMBER });
    fake.injectInteraction(cmd);
    const answer = bodyOf(await edit(cmd.token));
    const shareId = answer.components?.[0]?.components[1]?.custom_id ?? '';
    const message = fake.interaction(cmd.token)?.original ?? undefined;

    const click = buttonClick({ customId: shareId, message, ...MEMBER });
    fake.injectInteraction(click);
    const shared = bodyOf(await callback(click.token));
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(shared.data?.flags ?? 0).toBe(0); // public
    expect(shared.data).toMatchObject({
      content: `Shared by <@${FAKE_IDS.user}>`,
      allowed_mentions: { parse: [] },
      embeds: [expect.objectContaining({ title: 'Results' })],
    });
  });

  it('keeps personal answers private and without a share button', async () => {
    const { fake, edit } = await start();
    const cmd = chatInputCommand({
      name: 'track',
      options: [opt.subcommand('add', [opt.string('program', 'Mayo')])],
    });
    fake.injectInteraction(cmd);
    const answer = bodyOf(await edit(cmd.token));
    expect(answer.embeds?.[0]?.description).toBe(`Mayo for discord:${FAKE_IDS.user}`);
    expect(answer.components).toEqual([]);
    expect(fake.interaction(cmd.token)?.original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('refuses a member a moderator form before opening it, with the core’s text', async () => {
    const { fake, callback } = await start();
    const cmd = chatInputCommand({ name: 'propose', options: [opt.string('kind', 'externship')], ...MEMBER });
    fake.injectInteraction(cmd);
    const body = bodyOf(await callback(cmd.token));
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(body.data?.content)).toContain('Only moderators can use /propose. Nothing was changed.');
  });

  it('opens a form for a moderator and runs the command with inline options plus the inputs', async () => {
    const { fake, callback, edit } = await start();
    const cmd = chatInputCommand({
      name: 'propose',
      options: [opt.string('kind', 'externship')],
      ...MODERATOR,
    });
    fake.injectInteraction(cmd);
    const modal = bodyOf(await callback(cmd.token));
    expect(modal.type).toBe(InteractionResponseType.Modal);
    const data = modal.data as {
      custom_id: string;
      title: string;
      components: { component: { custom_id: string } }[];
    };
    expect(data.title).toBe('New listing');
    expect(data.components.map((c) => c.component.custom_id)).toEqual(['title', 'details']);
    expect(data.custom_id.length).toBeLessThanOrEqual(100);

    const submit = modalSubmit({
      customId: data.custom_id,
      fields: { title: 'Cardiology externship @here', details: '' },
      layout: 'label',
      ...MODERATOR,
    });
    fake.injectInteraction(submit);
    const answer = bodyOf(await edit(submit.token));
    expect(answer.content).toBe('Created externship "Cardiology externship @\u200bhere"');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it('makes holders of the /setup moderator role moderators (core policy, not only hidden commands)', async () => {
    const { fake, edit, callback } = await start();
    const setup = chatInputCommand({
      name: 'setup',
      options: [
        opt.role('mod_role', FAKE_IDS.memberRole),
        opt.channel('announce_channel', FAKE_IDS.textChannel),
      ],
      ...MODERATOR,
    });
    fake.injectInteraction(setup);
    expect(bodyOf(await edit(setup.token)).embeds?.[0]?.title).toBe('Community setup saved');
    const community = await h?.app.deps.userSettings.getCommunity(`discord:${FAKE_IDS.guild}`);
    expect(community).toMatchObject({
      modRoleId: FAKE_IDS.memberRole,
      announceChannel: `discord:${FAKE_IDS.textChannel}`,
    });

    const withRole = chatInputCommand({
      name: 'propose',
      options: [opt.string('kind', 'externship')],
      ...MEMBER,
    });
    fake.injectInteraction(withRole); // default roles: [FAKE_IDS.memberRole]
    expect(bodyOf(await callback(withRole.token)).type).toBe(InteractionResponseType.Modal);
  });

  it('answers autocomplete with at most 25 choices of the core source', async () => {
    const { fake, callback } = await start();
    for (const typed of ['car', 'psy']) {
      const ac = autocomplete({ name: 'find', options: [opt.string('query', typed, true)], ...MEMBER });
      fake.injectInteraction(ac);
      const body = bodyOf(await callback(ac.token));
      expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = (body.data as { choices: { name: string; value: string }[] }).choices;
      expect(choices).toHaveLength(25); // the source offers 40
      expect(choices[0]).toEqual({ name: `${typed} result 0`, value: 'v0' });
    }
  });

  it('answers a source slower than its budget with an empty list instead of letting Discord time out', async () => {
    h = await startHarness({ registry: fixtureRegistry(), autocompleteBudgetMs: 200 });
    const { fake, callback } = h;
    const ac = autocomplete({ name: 'find', options: [opt.string('query', 'slow', true)], ...MEMBER });
    fake.injectInteraction(ac);
    const body = bodyOf(await callback(ac.token));
    expect(body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it('"Remind me about this" asks when, then runs /remind with a link to the message', async () => {
    const { fake, callback, edit } = await start();
    const menu = messageContextMenu({ name: 'Remind me about this', ...MEMBER });
    fake.injectInteraction(menu);
    const modal = bodyOf(await callback(menu.token));
    expect(modal.type).toBe(InteractionResponseType.Modal);
    const customId = (modal.data as { custom_id: string }).custom_id;

    const submit = modalSubmit({ customId, fields: { when: 'tomorrow 9am' }, layout: 'label', ...MEMBER });
    fake.injectInteraction(submit);
    const answer = bodyOf(await edit(submit.token));
    const link = `https://discord.com/channels/${FAKE_IDS.guild}/${FAKE_IDS.textChannel}/${menu.data.target_id}`;
    expect(answer.content).toBe(`Reminder set: ${link} (tomorrow 9am)`);
  });

  it('clips an oversized reply to Discord’s limits, so the member gets it instead of an error', async () => {
    const { fake, edit } = await start();
    const cmd = chatInputCommand({ name: 'huge', ...MEMBER });
    fake.injectInteraction(cmd);
    const answer = await edit(cmd.token);
    expect(answer.response.status).toBeLessThan(300); // the fake refuses what Discord would (50035)
    const embed = bodyOf(answer).embeds?.[0];
    expect(embed?.title?.length).toBe(256);
    expect(embed?.fields?.length).toBeLessThanOrEqual(25);
    expect(embed?.fields?.at(-1)?.value).toMatch(/^…and \d+ more not shown/);
    expect(embed?.fields?.[0]?.value.length).toBe(1_024);
    const rows = bodyOf(answer).components ?? [];
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(rows.flatMap((r) => r.components).every((c) => c.label.length <= 80)).toBe(true);

    const plain = chatInputCommand({ name: 'huge', options: [opt.boolean('plain', true)], ...MEMBER });
    fake.injectInteraction(plain);
    const text = await edit(plain.token);
    expect(text.response.status).toBeLessThan(300);
    expect(bodyOf(text).content).toHaveLength(2_000);
    expect(bodyOf(text).content?.endsWith('…')).toBe(true);
    expect(fake.requestsTo('POST', '/webhooks/:app/:token')).toEqual([]); // no apology follow-ups
  });

  it('turns a failure after deferring into a private follow-up with a reference', async () => {
    h = await startHarness({ registry: fixtureRegistry(), answerBudgetMs: 20 });
    const { fake, followUp } = h;
    fake.respondOnce(
      'PATCH',
      '/webhooks/:app/:token/messages/@original',
      discordError(400, DiscordErrorCode.InvalidFormBody, 'Invalid Form Body'),
    );
    const cmd = chatInputCommand({ name: 'slow', ...MEMBER });
    fake.injectInteraction(cmd);
    const apology = bodyOf(await followUp(cmd.token));
    expect(apology.flags).toBe(MessageFlags.Ephemeral);
    expect(apology.content).toMatch(/Something went wrong on our side.*reference [a-z0-9]+/);
  });

  it('shows the core’s error text for a handler that throws and for bad options', async () => {
    const { fake, edit } = await start();
    const boom = chatInputCommand({ name: 'boom', ...MEMBER });
    fake.injectInteraction(boom);
    expect(bodyOf(await edit(boom.token)).content).toMatch(
      /^⚠️ Something went wrong on our side while running \/boom/,
    );

    const bad = chatInputCommand({ name: 'find', options: [opt.integer('page', 99)], ...MEMBER });
    fake.injectInteraction(bad);
    expect(bodyOf(await edit(bad.token)).content).toBe(
      '⚠️ Option page of /find must be at most 9 (got "99"). Example: page:1',
    );
  });
});
