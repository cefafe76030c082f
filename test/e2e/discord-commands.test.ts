/**
 * The domain commands through the real Discord adapter: real discord.js, the
 * core's own registry on real Redis, the fake Discord. What a member sees for
 * a search and its paging, the FAQ, moderator forms and member-written text.
 */
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/core/commands/dispatch.ts';
import type { RawOptions } from '../../src/core/commands/resolve-options.ts';
import { bodyOf, FAKE_IDS, type Harness, MEMBER, MODERATOR, startHarness } from './discord-harness.ts';
import { autocomplete, buttonClick, chatInputCommand, modalSubmit, opt } from './fake-discord/index.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MENTION_TITLE = '@everyone free externship <@&123>';
/** What a member-written mention looks like once defused (zero-width space after `@` and `<@`). */
const DEFUSED_TITLE = '@\u200beveryone free externship <@\u200b&123>';

/** Hands-on listings must say who supervises, or the core holds them for review. */
const HANDS_ON = {
  hands_on: true,
  description: 'Supervised by the attending cardiologist; histories, exams and notes reviewed daily.',
};

/** A date `days` from now, as listings take it (always in the future, whatever the machine's date). */
function inDays(days: number): string {
  return DateTime.now().plus({ days }).toISODate() ?? '';
}

/** Publishes a listing through the core's /post, as a moderator would. Returns its id. */
async function seed(harness: Harness, fields: RawOptions): Promise<string> {
  const env = harness.app.as('seeder', { moderator: true, platform: 'discord' });
  const posted = await runCommand(
    'post',
    {
      type: 'observership',
      specialties: 'cardiology',
      institution: 'Bluewater Heights Medical Center',
      city: 'New York',
      state: 'NY',
      contact: 'observers@bluewater.example.org',
      ...fields,
    },
    env,
  );
  const id = posted.ids[0];
  if (posted.error || !id || !posted.title?.startsWith('Published')) {
    throw new Error(`seeding failed: ${posted.text} ${JSON.stringify(posted.fields)}`);
  }
  return id;
}

type Component = { custom_id: string; label: string };
const labels = (body: ReturnType<typeof bodyOf>) =>
  body.components?.flatMap((row) => row.components.map((c) => c.label)) ?? [];
const button = (body: ReturnType<typeof bodyOf>, label: string): Component | undefined =>
  body.components?.flatMap((row) => row.components).find((c) => c.label === label);

describe('Discord adapter on the core registry', () => {
  it('/observership specialty:cardiology state:NY shows the matching listings; Next page edits the message', async () => {
    h = await startHarness({ settings: { pageSize: 2 } });
    const { fake, callback, edit } = h;
    await seed(h, { title: 'Cardiology Observership Alpha', deadline: inDays(30) });
    await seed(h, { title: 'Cardiology Observership Beta', deadline: inDays(40) });
    await seed(h, { title: 'Cardiology Observership Gamma', deadline: inDays(50) });
    // Near misses: another state, another specialty, another type.
    await seed(h, { title: 'Cardiology Observership Jersey', city: 'Newark', state: 'NJ' });
    await seed(h, { title: 'Internal Medicine Observership', specialties: 'internal-medicine' });
    await seed(h, { title: 'Cardiology Externship', type: 'externship', ...HANDS_ON });

    const cmd = chatInputCommand({
      name: 'observership',
      options: [opt.string('specialty', 'cardiology'), opt.string('state', 'NY')],
      ...MEMBER,
    });
    fake.injectInteraction(cmd);
    const cb = bodyOf(await callback(cmd.token));
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource); // one round trip
    expect(cb.data?.flags).toBe(MessageFlags.Ephemeral); // search results are private until shared
    const first = bodyOf(await edit(cmd.token));
    const embed = first.embeds?.[0];
    expect(embed?.title).toBe('Observerships: cardiology · NY');
    expect(embed?.description).toMatch(/^3 listings match\. Showing 1-2, nearest deadline first/);
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      'Cardiology Observership Alpha',
      'Cardiology Observership Beta',
    ]);
    expect(embed?.fields?.[0]?.value).toContain('Bluewater Heights Medical Center · New York, NY');
    expect(embed?.footer?.text).toBe('Page 1 of 2');
    expect(labels(first)).toEqual(['Next page', 'Details 1', 'Details 2', 'Share in channel']);
    expect(first.allowed_mentions).toEqual({ parse: [] });

    const message = fake.interaction(cmd.token)?.original ?? undefined;
    const next = button(first, 'Next page');
    expect(next?.custom_id.length).toBeLessThanOrEqual(100);
    const click = buttonClick({ customId: next?.custom_id ?? '', message, ...MEMBER });
    fake.injectInteraction(click);
    expect(bodyOf(await callback(click.token)).type).toBe(InteractionResponseType.UpdateMessage);
    const second = bodyOf(await edit(click.token));
    expect(second.embeds?.[0]?.fields?.map((f) => f.name)).toEqual(['Cardiology Observership Gamma']);
    expect(second.embeds?.[0]?.footer?.text).toBe('Page 2 of 2');
    expect(labels(second)).toEqual(['Previous page', 'Details 1', 'Share in channel']);
    // The message the button sits on now shows page 2: no new message was posted.
    const shown = fake.interaction(click.token)?.componentMessage;
    expect(shown?.id).toBe(message?.id);
    expect(shown?.embeds[0]?.footer?.text).toBe('Page 2 of 2');
    expect(fake.requestsTo('POST', '/webhooks/:app/:token')).toEqual([]);
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('FAQ autocomplete offers at most 25 topics; /faq answers the picked one and a typed question', async () => {
    h = await startHarness();
    const { fake, callback, edit } = h;
    for (const typed of ['externship', 'how', 'a', '']) {
      const ac = autocomplete({ name: 'faq', options: [opt.string('question', typed, true)], ...MEMBER });
      fake.injectInteraction(ac);
      const body = bodyOf(await callback(ac.token));
      expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = (body.data as { choices: { name: string; value: string }[] }).choices;
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      if (typed === 'externship') {
        expect(choices).toContainEqual({
          name: 'How long do externships last?',
          value: 'externship-duration',
        });
      }
    }

    // Picking a choice sends its value as the option.
    const picked = chatInputCommand({
      name: 'faq',
      options: [opt.string('question', 'externship-duration')],
      ...MEMBER,
    });
    fake.injectInteraction(picked);
    const answer = bodyOf(await edit(picked.token));
    expect(answer.embeds?.[0]?.title).toBe('How long do externships last?');
    expect(answer.embeds?.[0]?.description).toMatch(/4-12 weeks/);
    expect(labels(answer)).toContain('Share in channel');
    expect(labels(answer)).toEqual(expect.arrayContaining(['Helpful', 'Not helpful']));
    const vote = buttonClick({
      customId: button(answer, 'Helpful')?.custom_id ?? '',
      message: fake.interaction(picked.token)?.original ?? undefined,
      ...MEMBER,
    });
    fake.injectInteraction(vote);
    expect(bodyOf(await callback(vote.token)).data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(bodyOf(await edit(vote.token)).embeds?.[0]?.title).toBe('Thanks for the feedback');

    const typed = chatInputCommand({
      name: 'faq',
      options: [opt.string('question', 'how many weeks does an externship usually last?')],
      ...MEMBER,
    });
    fake.injectInteraction(typed);
    expect(bodyOf(await edit(typed.token)).embeds?.[0]?.title).toBe('How long do externships last?');
  });

  it('refuses a member’s /post with the core’s text; a moderator’s form submission creates the listing', async () => {
    h = await startHarness();
    const { fake, callback, edit, app } = h;
    const inline = [
      opt.string('type', 'observership'),
      opt.string('city', 'New York'),
      opt.string('state', 'NY'),
      opt.string('deadline', inDays(60)),
    ];

    const member = chatInputCommand({ name: 'post', options: inline, ...MEMBER });
    fake.injectInteraction(member);
    const refused = bodyOf(await callback(member.token));
    expect(refused.type).toBe(InteractionResponseType.ChannelMessageWithSource); // no form opened
    expect(refused.data).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(String(refused.data?.content)).toBe('⚠️ Only moderators can use /post. Nothing was changed.');
    expect(await app.deps.listings.count()).toBe(0);

    // A U.S. listing without its state: said at once, before a form the moderator could not send.
    const stateless = chatInputCommand({
      name: 'post',
      options: inline.filter((o) => o.name !== 'state'),
      ...MODERATOR,
    });
    fake.injectInteraction(stateless);
    const early = bodyOf(await callback(stateless.token));
    expect(early.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(String(early.data?.content)).toMatch(/needs its state before the form opens.*state:NY/);

    const moderator = chatInputCommand({ name: 'post', options: inline, ...MODERATOR });
    fake.injectInteraction(moderator);
    const opened = bodyOf(await callback(moderator.token));
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const modal = opened.data as {
      custom_id: string;
      title: string;
      components: { component: { custom_id: string; required: boolean } }[];
    };
    expect(modal.title).toBe('Post a listing');
    // At most 5 inputs; type, city, state and deadline came as options.
    expect(modal.components.map((c) => [c.component.custom_id, c.component.required])).toEqual([
      ['title', true],
      ['institution', true],
      ['specialties', true],
      ['contact', false],
      ['description', false],
    ]);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);

    const submit = modalSubmit({
      customId: modal.custom_id,
      fields: {
        title: 'Cardiology Observership at Bluewater',
        institution: 'Bluewater Heights Medical Center',
        specialties: 'cardiology',
        contact: 'observers@bluewater.example.org',
        description: 'Rounds with the consult team; no direct patient contact.',
      },
      layout: 'label',
      ...MODERATOR,
    });
    fake.injectInteraction(submit);
    const published = bodyOf(await edit(submit.token));
    expect(published.embeds?.[0]?.title).toBe('Published: Cardiology Observership at Bluewater');
    expect(fake.interaction(submit.token)?.original?.flags).toBe(MessageFlags.Ephemeral);
    const id = /Listing (\S+) is live/.exec(published.embeds?.[0]?.description ?? '')?.[1] ?? '';
    expect(await app.deps.listings.get(id)).toMatchObject({
      title: 'Cardiology Observership at Bluewater',
      type: 'observership',
      city: 'New York',
      state: 'NY',
      status: 'published',
    });
  });

  it('a member holding the /setup mod_role opens the /post form (policy in core, not only hidden commands)', async () => {
    h = await startHarness();
    const { fake, callback, edit } = h;
    const post = () =>
      chatInputCommand({
        name: 'post',
        options: [opt.string('type', 'externship'), opt.string('city', 'Boston'), opt.string('state', 'MA')],
        ...MEMBER, // roles: [FAKE_IDS.memberRole], no Manage Server
      });
    const before = post();
    fake.injectInteraction(before);
    expect(bodyOf(await callback(before.token)).type).toBe(InteractionResponseType.ChannelMessageWithSource);

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

    const after = post();
    fake.injectInteraction(after);
    expect(bodyOf(await callback(after.token)).type).toBe(InteractionResponseType.Modal);
  });

  it('shows a listing titled with @everyone and a role mention as text, with no mentions allowed', async () => {
    h = await startHarness();
    const { fake, callback, edit } = h;
    const id = await seed(h, { title: MENTION_TITLE, type: 'externship', ...HANDS_ON });

    const search = chatInputCommand({
      name: 'externship',
      options: [opt.string('specialty', 'cardiology')],
      ...MEMBER,
    });
    fake.injectInteraction(search);
    const found = bodyOf(await edit(search.token));
    expect(found.allowed_mentions).toEqual({ parse: [] });
    expect(found.embeds?.[0]?.fields?.[0]?.name).toBe(DEFUSED_TITLE);
    expect(found.embeds?.[0]?.fields?.[0]?.value).toContain(`id: ${id}`);

    // Shared publicly: still nobody is pinged.
    const message = fake.interaction(search.token)?.original ?? undefined;
    const share = buttonClick({
      customId: button(found, 'Share in channel')?.custom_id ?? '',
      message,
      ...MEMBER,
    });
    fake.injectInteraction(share);
    const shared = bodyOf(await callback(share.token));
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(shared.data?.flags ?? 0).toBe(0);
    expect(shared.data).toMatchObject({ allowed_mentions: { parse: [] } });
    const sharedEmbeds = (shared.data as { embeds: { fields: { name: string }[] }[] }).embeds;
    expect(sharedEmbeds[0]?.fields[0]?.name).toBe(DEFUSED_TITLE);

    // The listing in full (/opportunity id:...) too.
    const details = chatInputCommand({ name: 'opportunity', options: [opt.string('id', id)], ...MEMBER });
    fake.injectInteraction(details);
    const full = bodyOf(await edit(details.token));
    expect(full.allowed_mentions).toEqual({ parse: [] });
    expect(full.embeds?.[0]?.title).toBe(DEFUSED_TITLE);
  });

  it('keeps personal data private: /mydata export and /reminders have no share button', async () => {
    h = await startHarness();
    const { fake, edit } = h;
    const exported = chatInputCommand({ name: 'mydata', options: [opt.subcommand('export')], ...MEMBER });
    fake.injectInteraction(exported);
    const file = await edit(exported.token);
    expect(bodyOf(file).embeds?.[0]?.title).toBe('Your data');
    expect(bodyOf(file).components).toEqual([]);
    expect(file.files.map((f) => f.filename)).toEqual(['imgbot-my-data.json']);
    expect(JSON.parse(file.files[0]?.data.toString() ?? '{}')).toMatchObject({ reminders: [] });
    expect(fake.interaction(exported.token)?.original?.flags).toBe(MessageFlags.Ephemeral);

    const list = chatInputCommand({ name: 'reminders', ...MEMBER });
    fake.injectInteraction(list);
    expect(labels(bodyOf(await edit(list.token)))).not.toContain('Share in channel');
    expect(fake.interaction(list.token)?.original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('autocompletes specialties and listing ids from the core', async () => {
    h = await startHarness();
    const { fake, callback } = h;
    const id = await seed(h, { title: 'Cardiology Observership Alpha' });
    const choicesFor = async (name: string, option: string, typed: string) => {
      const ac = autocomplete({ name, options: [opt.string(option, typed, true)], ...MEMBER });
      fake.injectInteraction(ac);
      return (bodyOf(await callback(ac.token)).data as { choices: { name: string; value: string }[] })
        .choices;
    };
    expect(await choicesFor('observership', 'specialty', 'cardio')).toContainEqual({
      name: 'Cardiology',
      value: 'cardiology',
    });
    expect(await choicesFor('opportunity', 'id', 'cardiology')).toContainEqual({
      name: `Cardiology Observership Alpha (${id})`,
      value: id,
    });
  });
});
