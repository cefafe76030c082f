/**
 * Smoke test of the fake Discord: the real discord.js Client logs in (REST + gateway) and
 * answers injected interactions; every REST call is asserted on the fake's side.
 */
import { once } from 'node:events';
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  autocomplete,
  buttonClick,
  chatInputCommand,
  DiscordErrorCode,
  discordError,
  FAKE_IDS,
  FakeDiscord,
  type FakeDiscordOptions,
  makeBotUser,
  makeGuildCreate,
  makeUser,
  messageContextMenu,
  modalSubmit,
  opt,
  rateLimited,
  requestTo,
  resolvedUser,
  stringSelect,
} from './fake-discord/index.ts';

const CALLBACK = '/interactions/:id/:token/callback';
const ORIGINAL = '/webhooks/:app/:token/messages/@original';

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  // Client first: if the fake goes away under a live client, discord.js starts reconnecting.
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function start(options: FakeDiscordOptions = {}) {
  fake = await FakeDiscord.start(options);
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // `api` is the base *without* version; @discordjs/rest builds `${api}/v${version}${route}`.
    rest: { api: fake.restUrl },
  });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-token');
  await ready; // login() resolves on READY; clientReady waits for the GUILD_CREATEs too
  return { fake, client };
}

/** Runs `handler` for the next interaction and settles with its result (or its error). */
function nextInteraction<T>(c: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    c.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

describe('fake Discord + real discord.js Client', () => {
  it('logs in through GET /gateway/bot and the gateway handshake', async () => {
    const { fake, client } = await start({ heartbeatIntervalMs: 50 });

    const [gatewayBot] = fake.requests;
    expect(gatewayBot).toMatchObject({ method: 'GET', path: '/gateway/bot', apiVersion: 10 });
    expect(gatewayBot?.headers.authorization).toBe('Bot fake-token');
    expect(gatewayBot?.headers['user-agent']).toMatch(/^DiscordBot \(https:\/\/discord\.js\.org/);

    const session = fake.gateway.sessions[0]!;
    expect(session.query).toEqual({ v: '10', encoding: 'json' }); // no zlib-stream
    expect(session.identify).toMatchObject({
      token: 'fake-token',
      intents: 1,
      compress: false,
      shard: [0, 1],
    });
    expect(session.sent.filter((f) => f.op === 0).map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ]);
    expect(client.user?.id).toBe(FAKE_IDS.bot);
    expect(client.application?.id).toBe(FAKE_IDS.application);
    expect(client.guilds.cache.get(FAKE_IDS.guild)?.members.me?.id).toBe(FAKE_IDS.bot);
    expect(client.channels.cache.get(FAKE_IDS.textChannel)?.type).toBe(ChannelType.GuildText);

    // Heartbeats carry the last sequence and get ACKed (discord.js then reports a ping).
    // why: generous polls; a loaded CI machine may delay the 50 ms heartbeat timer
    await vi.waitFor(() => expect(session.heartbeats).toContain(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 10_000 });
  });

  it('answers a chat-input command with an ephemeral reply (204 callback)', async () => {
    const { fake, client } = await start();
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      expect(interaction.commandName).toBe('opportunities');
      expect(interaction.options.getSubcommand()).toBe('search');
      expect(interaction.options.getString('specialty')).toBe('IM');
      expect(interaction.memberPermissions?.has('SendMessages')).toBe(true);
      expect(interaction.channel?.id).toBe(FAKE_IDS.textChannel);
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    });
    const payload = chatInputCommand({
      name: 'opportunities',
      options: [opt.subcommand('search', [opt.string('specialty', 'IM')])],
    });
    expect(fake.injectInteraction(payload)).toBe(3);
    await handled;

    const callback = await fake.waitForRequest(requestTo('POST', CALLBACK));
    expect(callback.params).toEqual({ interactionId: payload.id, token: payload.token });
    expect(callback.body).toEqual({
      type: 4,
      data: { content: 'pong', flags: MessageFlags.Ephemeral, tts: false, enforce_nonce: false },
    });
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined(); // interaction routes are token-in-path
    expect(callback.response).toMatchObject({ status: 204, headers: {} });
    expect(fake.interaction(payload.token)?.original?.content).toBe('pong');
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('defers, edits @original and sends a follow-up', async () => {
    const { fake, client } = await start();
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply();
      const edited = await interaction.editReply('done');
      const followUp = await interaction.followUp({ content: 'psst', flags: MessageFlags.Ephemeral });
      return { edited, followUp };
    });
    const payload = chatInputCommand({ name: 'faq' });
    fake.injectInteraction(payload);
    const { edited, followUp } = await handled;

    const [defer] = fake.requestsTo('POST', CALLBACK);
    expect(defer?.body).toEqual({ type: 5, data: { flags: 0 } });
    const patch = await fake.waitForRequest(requestTo('PATCH', ORIGINAL));
    expect(patch.path).toBe(`/webhooks/${FAKE_IDS.application}/${payload.token}/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'done' });
    expect(patch.response.status).toBe(200);
    expect(edited.content).toBe('done');
    expect(edited.flags.has(MessageFlags.Loading)).toBe(false);

    const post = await fake.waitForRequest(requestTo('POST', '/webhooks/:app/:token'));
    expect(post.query.wait).toBe('true');
    expect(post.body).toMatchObject({ content: 'psst', flags: MessageFlags.Ephemeral });
    expect(followUp.content).toBe('psst');
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('opens a DM and sends to it', async () => {
    const { fake, client } = await start();
    const dm = await client.users.createDM(FAKE_IDS.user);
    expect(dm.type).toBe(ChannelType.DM);
    const open = await fake.waitForRequest(requestTo('POST', '/users/@me/channels'));
    expect(open.body).toEqual({ recipient_id: FAKE_IDS.user });
    expect(open.headers.authorization).toBe('Bot fake-token');

    const message = await client.users.send(FAKE_IDS.user, 'Your reminder: ERAS opens tomorrow');
    expect(message.channelId).toBe(dm.id);
    const send = await fake.waitForRequest(requestTo('POST', `/channels/${dm.id}/messages`));
    expect(send.body).toMatchObject({ content: 'Your reminder: ERAS opens tomorrow' });
    // discord.js reuses the cached DM channel: no second POST /users/@me/channels.
    expect(fake.requestsTo('POST', '/users/@me/channels')).toHaveLength(1);

    // Attachments go out as multipart: files[n] parts + the JSON body in payload_json.
    const withFile = await dm.send({
      content: 'CV attached',
      files: [{ attachment: Buffer.from('%PDF'), name: 'cv.pdf' }],
    });
    const upload = fake.requestsTo('POST', `/channels/${dm.id}/messages`)[1]!;
    expect(upload.bodyKind).toBe('multipart');
    expect(upload.body).toMatchObject({
      content: 'CV attached',
      attachments: [{ id: '0' }], // discord.js: string index, no filename,
    });
    expect(upload.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([
      ['files[0]', 'cv.pdf', '%PDF'],
    ]);
    expect(withFile.attachments.first()?.name).toBe('cv.pdf');
  });

  it('retries after a 429 (retry-after 0.2 s) and then succeeds', async () => {
    const { fake, client } = await start();
    const dm = await client.users.createDM(FAKE_IDS.user);
    fake.respondOnce('POST', '/channels/:id/messages', rateLimited(0.2));

    const message = await dm.send('hello');
    expect(message.content).toBe('hello');
    const [limited, retried] = fake.requestsTo('POST', '/channels/:id/messages');
    expect(limited?.response.status).toBe(429);
    expect(limited?.response.body).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.2,
      global: false,
    });
    expect(limited?.overridden).toBe(true);
    expect(retried?.response.status).toBe(200);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(200);
  });

  it('refuses what Discord refuses: over 2,000 characters, over 25 fields, over 6,000 in embeds', async () => {
    const { fake, client } = await start();
    const dm = await client.users.createDM(FAKE_IDS.user);
    const field = { name: 'n', value: 'v' };
    for (const message of [
      { content: 'x'.repeat(2_001) },
      { embeds: [{ fields: Array.from({ length: 26 }, () => field) }] },
      { embeds: [{ description: 'd'.repeat(4_000) }, { description: 'd'.repeat(2_001) }] },
    ]) {
      const error = await dm.send(message).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 400, code: DiscordErrorCode.InvalidFormBody });
    }
    expect((await dm.send({ content: 'x'.repeat(2_000) })).content).toHaveLength(2_000);
    expect(fake.requestsTo('POST', '/channels/:id/messages').map((r) => r.response.status)).toEqual([
      400, 400, 400, 200,
    ]);
  });

  it('surfaces a 403 50007 as DiscordAPIError', async () => {
    const { fake, client } = await start();
    const dm = await client.users.createDM(FAKE_IDS.user);
    fake.respondOnce(
      'POST',
      '/channels/:id/messages',
      discordError(403, DiscordErrorCode.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
    );

    const error = await dm.send('hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50007, status: 403, message: 'Cannot send messages to this user' });
    expect(fake.requestsTo('POST', '/channels/:id/messages')).toHaveLength(1); // 4xx is not retried
  });

  it('builds autocomplete, button, select, modal and message-context payloads discord.js accepts', async () => {
    const { fake, client } = await start();

    const auto = nextInteraction(client, async (i) => {
      if (!i.isAutocomplete()) throw new Error('expected autocomplete');
      expect(i.options.getFocused(true)).toMatchObject({ name: 'specialty', value: 'Ps' });
      await i.respond([{ name: 'Psychiatry', value: 'psych' }]);
    });
    fake.injectInteraction(
      autocomplete({
        name: 'opportunities',
        options: [opt.subcommand('search', [opt.string('specialty', 'Ps', true)])],
      }),
    );
    await auto;

    const button = nextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('expected button');
      expect(i.customId).toBe('faq:more');
      await i.update({ content: 'expanded', components: [] });
    });
    fake.injectInteraction(buttonClick({ customId: 'faq:more' }));
    await button;

    const select = nextInteraction(client, async (i) => {
      if (!i.isStringSelectMenu()) throw new Error('expected string select');
      expect(i.values).toEqual(['im', 'fm']);
      await i.deferUpdate();
    });
    fake.injectInteraction(stringSelect({ customId: 'pick', values: ['im', 'fm'] }));
    await select;

    const modal = nextInteraction(client, async (i) => {
      if (!i.isModalSubmit()) throw new Error('expected modal submit');
      expect(i.fields.getTextInputValue('when')).toBe('tomorrow 9am');
      await i.reply({ content: 'saved', flags: MessageFlags.Ephemeral });
    });
    fake.injectInteraction(modalSubmit({ customId: 'remind', fields: { when: 'tomorrow 9am' } }));
    await modal;

    const context = nextInteraction(client, async (i) => {
      if (!i.isMessageContextMenuCommand()) throw new Error('expected message context menu');
      expect(i.targetMessage.content).toBe('Is the Step 2 deadline in March?');
      await i.reply('Looking it up');
    });
    fake.injectInteraction(messageContextMenu({ name: 'Answer FAQ' }));
    await context;

    const types = fake.requestsTo('POST', CALLBACK).map((r) => (r.body as { type: number }).type);
    expect(types).toEqual([8, 7, 6, 4, 4]);
    expect(fake.requestsTo('POST', CALLBACK).every((r) => r.response.status === 204)).toBe(true);
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('handles a DM command with a resolved user option and a label-layout modal', async () => {
    const { fake, client } = await start();
    const mentor = makeUser({ id: '1300000000000000999', username: 'mentor' });

    const dmCommand = nextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat-input command');
      expect(i.inGuild()).toBe(false);
      expect(i.user.id).toBe(FAKE_IDS.user);
      expect(i.options.getUser('who')?.username).toBe('mentor');
      await i.reply('ok');
    });
    fake.injectInteraction(
      chatInputCommand({
        name: 'thank',
        dm: true,
        options: [opt.user('who', mentor.id)],
        resolved: resolvedUser(mentor, false),
      }),
    );
    await dmCommand;

    const modal = nextInteraction(client, async (i) => {
      if (!i.isModalSubmit()) throw new Error('expected modal submit');
      expect(i.fields.getTextInputValue('note')).toBe('thanks!');
      await i.deferReply({ flags: MessageFlags.Ephemeral });
    });
    fake.injectInteraction(
      modalSubmit({ customId: 'n', fields: { note: 'thanks!' }, layout: 'label', dm: true }),
    );
    await modal;

    const bodies = fake.requestsTo('POST', CALLBACK).map((r) => r.body);
    expect(bodies[1]).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('echoes registered commands (with ids and type) and 404s unknown routes', async () => {
    const { fake, client } = await start();
    const global = await client.application!.commands.set([{ name: 'ping', description: 'Ping' }]);
    expect([...global.values()].map((c) => c.name)).toEqual(['ping']);
    const guild = await client.application!.commands.set(
      [{ name: 'faq', description: 'FAQ' }],
      FAKE_IDS.guild,
    );
    expect(guild.first()).toMatchObject({
      guildId: FAKE_IDS.guild,
      type: 1,
      applicationId: FAKE_IDS.application,
    });
    expect(guild.first()?.id).toMatch(/^\d{17,19}$/);
    const fetched = await client.application!.commands.fetch({ guildId: FAKE_IDS.guild });
    expect(fetched.map((c) => c.id)).toEqual(guild.map((c) => c.id));
    expect(fake.requestsTo('PUT', '/applications/:app/guilds/:guild/commands')[0]?.body).toEqual([
      { name: 'faq', description: 'FAQ' }, // discord.js omits type for chat-input commands
    ]);

    const error = await client.rest.get(`/guilds/${FAKE_IDS.guild}/bans`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(fake.unhandledRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /guilds/${FAKE_IDS.guild}/bans`,
    ]);
  });
});

describe('fake Discord shards', () => {
  /** Opens a raw gateway connection and sends IDENTIFY with `shard` once HELLO arrives. */
  async function identifyRaw(f: FakeDiscord, shard: [number, number]) {
    const socket = new WebSocket(`${f.gatewayUrl}?v=10&encoding=json`);
    const frames: { op: number; t: string | null; d: unknown }[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      frames.push(frame);
      if (frame.op === 10) {
        socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, properties: {}, shard } }));
      }
    });
    return { socket, frames, closed };
  }

  it('GIVEN IDENTIFY with a shard id not below the count THEN closes with 4010 Invalid shard', async () => {
    fake = await FakeDiscord.start();
    const { closed } = await identifyRaw(fake, [2, 2]);
    expect(await closed).toBe(4010);
    expect(fake.gateway.identifiedShards).toEqual([]);
  });

  it('GIVEN shard [1, 2] THEN READY and GUILD_CREATE carry only the guilds Discord puts on shard 1', async () => {
    const onShard1 = (BigInt(FAKE_IDS.guild) + (1n << 22n)).toString();
    fake = await FakeDiscord.start({
      guilds: [
        makeGuildCreate({ botUser: makeBotUser() }),
        makeGuildCreate({ botUser: makeBotUser(), id: onShard1 }),
      ],
    });
    const f = fake;
    const { socket, frames } = await identifyRaw(f, [1, 2]);
    await vi.waitFor(() => expect(frames.some((fr) => fr.t === 'GUILD_CREATE')).toBe(true));
    const ready = frames.find((fr) => fr.t === 'READY')?.d as { guilds: { id: string }[]; shard: number[] };
    expect(ready.shard).toEqual([1, 2]);
    expect(ready.guilds.map((g) => g.id)).toEqual([onShard1]);
    expect(frames.filter((fr) => fr.t === 'GUILD_CREATE').map((fr) => (fr.d as { id: string }).id)).toEqual([
      onShard1,
    ]);
    expect(f.gateway.identifiedShards).toEqual([[1, 2]]);
    // A DM interaction goes to shard 0, which nobody runs here.
    expect(() => f.injectInteraction(chatInputCommand({ name: 'ping', dm: true }))).toThrow('on shard 0');
    socket.close();
  });
});
