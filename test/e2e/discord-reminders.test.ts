/**
 * Reminders end to end on Discord: a slash command (or the "Remind me about
 * this" message command) through the real discord.js client, a delayed job on
 * real BullMQ, the reminder worker, and the DM through the fake Discord's REST.
 * Discord's answers to the DM (50007, 429) drive what the job system does.
 */
import { InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/core/commands/dispatch.ts';
import type { DeliveryOutcome, Notifier } from '../../src/core/ports/notifier.port.ts';
import type { Reply } from '../../src/core/reply.ts';
import { reminderJobId } from '../../src/jobs/queue-prefix.ts';
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
  rateLimited,
} from './fake-discord/index.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const USER = `discord:${FAKE_IDS.user}`;
const DM_POSTS = '/channels/:id/messages';
// why: a 2-second reminder on a loaded CI machine: BullMQ promotion, the worker and REST all add latency
const DELIVERY_WAIT_MS = 25_000;
const POLL = { timeout: DELIVERY_WAIT_MS, interval: 100 };

/** Runs `/remind when:<when> what:<what>` as the member and returns the reminder's id and due instant. */
async function remind(harness: Harness, when: string, what: string) {
  const cmd = chatInputCommand({
    name: 'remind',
    options: [opt.string('when', when), opt.string('what', what)],
    ...MEMBER,
  });
  harness.fake.injectInteraction(cmd);
  const answer = bodyOf(await harness.edit(cmd.token));
  expect(answer.embeds?.[0]?.title).toBe('Reminder set');
  expect(answer.components).toEqual([]); // personal: private and never shareable
  const id = answer.embeds?.[0]?.fields?.find((f) => f.name === 'Id')?.value.split(' ')[0] ?? '';
  const reminder = await harness.app.deps.reminders.store.get(id);
  if (!reminder) throw new Error(`no reminder ${id} in the store`);
  return { id, at: reminder.fireAt, dueAt: reminder.dueAt };
}

const labels = (body: ReturnType<typeof bodyOf>) =>
  body.components?.flatMap((row) => row.components.map((c) => c.label)) ?? [];
const posts = (harness: Harness) => harness.fake.requestsTo('POST', DM_POSTS);

// why: each test waits for a real delayed job; room for a slow machine beyond the default 30 s
describe('Discord reminders on BullMQ', { timeout: 60_000 }, () => {
  it('/remind when:"in 2 seconds" ends in a DM: DM channel opened, message posted, no mentions', async () => {
    h = await startHarness({ services: true });
    const { id, dueAt } = await remind(h, 'in 2 seconds', 'email Dr. Rivera @everyone about the letter');

    const dm = await h.dm(FAKE_IDS.user, DELIVERY_WAIT_MS);
    const [open] = h.fake.requestsTo('POST', '/users/@me/channels');
    expect(open?.body).toEqual({ recipient_id: FAKE_IDS.user });
    expect(dm.index).toBeGreaterThan(open?.index ?? Number.POSITIVE_INFINITY);
    expect(dm.receivedAt).toBeGreaterThanOrEqual(dueAt); // never early
    const body = bodyOf(dm);
    expect(body.embeds?.[0]).toMatchObject({
      title: 'Reminder',
      description: 'email Dr. Rivera @\u200beveryone about the letter',
    });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(labels(body)).toEqual(['Snooze 15 min', 'Snooze 1 hour', 'Tomorrow 09:00', 'Done']);
    await vi.waitFor(async () => {
      expect((await h?.app.deps.reminders.store.get(id))?.status).toBe('delivered');
    }, POLL);
    expect(posts(h)).toHaveLength(1);

    // The member presses "Snooze 15 min" in the DM: the reminder is pending again, 15 minutes on.
    const channelId = h.fake.state.dmChannelByRecipient.get(FAKE_IDS.user) ?? '';
    const message = h.fake.state.messages.find((m) => m.channel_id === channelId);
    const snooze = body.components?.[0]?.components[0]?.custom_id ?? '';
    const click = buttonClick({ customId: snooze, message, dm: true, channelId });
    const pressedAt = Date.now();
    h.fake.injectInteraction(click);
    expect(bodyOf(await h.edit(click.token)).embeds?.[0]?.title).toBe('Snoozed');
    const snoozed = await h.app.deps.reminders.store.get(id);
    expect(snoozed?.status).toBe('pending');
    expect(snoozed?.fireAt).toBeGreaterThanOrEqual(pressedAt + 15 * 60_000);
  });

  it('GIVEN DMs closed (50007) THEN the member is marked undeliverable after one attempt, no retries', async () => {
    h = await startHarness({ services: true });
    h.fake.respondAlways(
      'POST',
      DM_POSTS,
      discordError(403, DiscordErrorCode.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
    );
    const { id, at } = await remind(h, 'in 2 seconds', 'send CV to Dr. Rivera');

    const job = () => h?.app.reminderScheduler.queue.getJob(reminderJobId(id, at));
    // A failed job is final: BullMQ retries only jobs that go back to "delayed".
    await vi.waitFor(async () => expect(await (await job())?.getState()).toBe('failed'), POLL);
    expect((await job())?.attemptsMade).toBe(1);
    expect((await job())?.failedReason).toMatch(/member cannot be messaged: 50007/);
    expect((await h.app.deps.userSettings.getUser(USER)).undeliverable?.reason).toBe(
      '50007 cannot send messages to this user',
    );
    expect(posts(h)).toHaveLength(1);
    expect(posts(h)[0]?.response.status).toBe(403);
  });

  it('GIVEN DMs closed and the notice turned on THEN the member is told once in the channel they last used', async () => {
    h = await startHarness({ services: true });
    const setup = chatInputCommand({
      name: 'reminder-setup',
      options: [opt.boolean('dm_failure_notice', true)],
      ...MODERATOR,
    });
    h.fake.injectInteraction(setup);
    expect(bodyOf(await h.edit(setup.token)).embeds?.[0]?.title).toMatch(/reminder settings/i);
    // Every DM fails; the server channel the command came from still takes messages.
    h.fake.respondAlways(
      'POST',
      new RegExp(`^/channels/(?!${FAKE_IDS.textChannel}/)\\d+/messages$`),
      discordError(403, DiscordErrorCode.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
    );
    await remind(h, 'in 2 seconds', 'send CV to Dr. Rivera');
    await remind(h, 'in 2 seconds', 'call the clerkship office');

    const channelPosts = () => h?.fake.requestsTo('POST', `/channels/${FAKE_IDS.textChannel}/messages`) ?? [];
    await vi.waitFor(() => expect(channelPosts()).toHaveLength(1), POLL);
    const notice = bodyOf(channelPosts()[0] as Parameters<typeof bodyOf>[0]);
    expect(JSON.stringify(notice)).toContain(`<@${FAKE_IDS.user}>`);
    expect(notice.allowed_mentions).toEqual({ parse: [], users: [FAKE_IDS.user] });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the second reminder fails too, silently
    expect(channelPosts()).toHaveLength(1);
  });

  it('/remind with no options opens a form; /reminder-cancel autocompletes only the member’s own reminders', async () => {
    h = await startHarness();
    const bare = chatInputCommand({ name: 'remind', options: [], ...MEMBER });
    h.fake.injectInteraction(bare);
    const opened = bodyOf(await h.callback(bare.token));
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const modal = opened.data as {
      custom_id: string;
      title: string;
      components: { component: { custom_id: string } }[];
    };
    expect(modal.title).toBe('Set a reminder');
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(['when', 'what', 'repeat']);

    const submit = modalSubmit({
      customId: modal.custom_id,
      fields: { when: 'in 3 days', what: 'ask Dr. Rivera for the letter', repeat: '' },
      layout: 'label',
      ...MEMBER,
    });
    h.fake.injectInteraction(submit);
    const set = bodyOf(await h.edit(submit.token));
    expect(set.embeds?.[0]?.title).toBe('Reminder set');
    const id = set.embeds?.[0]?.fields?.find((f) => f.name === 'Id')?.value.split(' ')[0] ?? '';
    // Someone else's reminder is never offered.
    await runCommand(
      'remind',
      { when: 'in 2 days', what: 'ask about the letter, not yours' },
      h.app.as('1300000000000000999', { platform: 'discord' }),
    );

    const ac = autocomplete({
      name: 'reminder-cancel',
      options: [opt.string('id', 'letter', true)],
      ...MEMBER,
    });
    h.fake.injectInteraction(ac);
    const choices = (
      bodyOf(await h.callback(ac.token)).data as { choices: { name: string; value: string }[] }
    ).choices;
    expect(choices).toHaveLength(1);
    expect(choices[0]?.value).toBe(id);
    expect(choices[0]?.name).toMatch(/^ask Dr\. Rivera for the letter · .* \(/);
  });

  it('GIVEN a 429 with retry-after THEN the job waits that long and delivers once', async () => {
    h = await startHarness({ services: true });
    h.fake.respondOnce('POST', DM_POSTS, rateLimited(1.5));
    await remind(h, 'in 2 seconds', 'follow up with Mercy Hospital');

    const delivered = await h.dm(FAKE_IDS.user, DELIVERY_WAIT_MS);
    const [limited, retried, ...more] = posts(h);
    expect(limited?.response.status).toBe(429);
    expect(retried).toBe(delivered);
    expect(more).toEqual([]);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(1_500); // retry-after honoured
    expect(bodyOf(delivered).embeds?.[0]?.description).toBe('follow up with Mercy Hospital');
    // The DM channel was opened once and reused for the retry.
    expect(h.fake.requestsTo('POST', '/users/@me/channels')).toHaveLength(1);
  });

  it('"Remind me about this" DMs a link to the message at the time given', async () => {
    h = await startHarness({ services: true });
    const { fake, callback, edit } = h;
    const menu = messageContextMenu({ name: 'Remind me about this', ...MEMBER });
    fake.injectInteraction(menu);
    const modal = bodyOf(await callback(menu.token));
    expect(modal.type).toBe(InteractionResponseType.Modal);

    const submit = modalSubmit({
      customId: (modal.data as { custom_id: string }).custom_id,
      fields: { when: 'in 2 seconds' },
      layout: 'label',
      ...MEMBER,
    });
    fake.injectInteraction(submit);
    expect(bodyOf(await edit(submit.token)).embeds?.[0]?.title).toBe('Reminder set');

    const dm = await h.dm(FAKE_IDS.user, DELIVERY_WAIT_MS);
    const link = `https://discord.com/channels/${FAKE_IDS.guild}/${FAKE_IDS.textChannel}/${menu.data.target_id}`;
    expect(bodyOf(dm).embeds?.[0]?.description).toBe(link);
  });

  it('runs beside another platform’s adapter in one process: each reminder goes to its own platform', async () => {
    const slackSent: { to: string; message: Reply }[] = [];
    const slack: Notifier = {
      async sendDirect(to, message): Promise<DeliveryOutcome> {
        slackSent.push({ to, message });
        return { ok: true };
      },
      sendToChannel: async () => ({ ok: true }),
    };
    h = await startHarness({
      services: true,
      app: (app) => {
        app.notifier.register('slack', slack);
        return app;
      },
    });
    const slackMember = {
      actor: {
        userId: 'slack:T1:U1',
        communityId: 'slack:T1',
        displayName: 'U1',
        platformAdmin: false,
        roleIds: [],
      },
      deps: h.app.deps,
      registry: h.app.registry,
    };
    const set = await runCommand('remind', { when: 'in 2 seconds', what: 'Slack side' }, slackMember);
    expect(set.error).toBe(false);
    await remind(h, 'in 2 seconds', 'Discord side');

    const dm = await h.dm(FAKE_IDS.user, DELIVERY_WAIT_MS);
    expect(bodyOf(dm).embeds?.[0]?.description).toBe('Discord side');
    await vi.waitFor(() => expect(slackSent.map((s) => s.to)).toEqual(['slack:T1:U1']), POLL);
    expect(JSON.stringify(slackSent[0]?.message)).toContain('Slack side');
    expect(JSON.stringify(posts(h).map((p) => p.body))).not.toContain('Slack side');
  });
});
