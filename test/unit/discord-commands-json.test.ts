import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildCommandsJson } from '../../src/bots/discord/commands-json.ts';
import { createRegistry } from '../../src/core/command-list.ts';
import { defineCommand } from '../../src/core/commands/command.ts';
import {
  booleanOption,
  channelOption,
  choiceOption,
  integerOption,
  roleOption,
  stringOption,
} from '../../src/core/commands/options.ts';
import { Registry } from '../../src/core/commands/registry.ts';
import { remindAboutMessage } from '../../src/core/reminders/remind-message.action.ts';
import { reply } from '../../src/core/reply.ts';

const REMIND_MESSAGE_COMMAND = remindAboutMessage.label;

const handler = async () => reply({ text: 'ok' });
const isChatInput = (
  c: RESTPostAPIApplicationCommandsJSONBody,
): c is RESTPostAPIChatInputApplicationCommandsJSONBody => c.type === ApplicationCommandType.ChatInput;
const specialties = Array.from({ length: 30 }, (_, i) => `specialty-${i}`) as [string, ...string[]];

function fixtureRegistry() {
  return new Registry({
    commands: [
      defineCommand({
        name: 'observership',
        description: 'Find observerships',
        group: 'opportunities',
        permission: 'member',
        options: {
          specialty: stringOption({
            description: 'Specialty',
            example: 'cardiology',
            autocomplete: 'specialty',
          }),
          state: stringOption({ description: 'U.S. state', example: 'NY', maxLength: 20 }),
          type: choiceOption({
            description: 'Listing type',
            example: 'observership',
            choices: ['observership', 'externship'],
          }),
          paid: booleanOption({ description: 'Paid only', example: 'yes' }),
          page: integerOption({ description: 'Page', example: '1', min: 1, max: 50, required: true }),
          field: choiceOption({
            description: 'A long enumeration',
            example: 'specialty-1',
            choices: specialties,
          }),
        },
        examples: ['/observership specialty:cardiology'],
        handler,
      }),
      defineCommand({
        name: 'post',
        description: 'Post a listing',
        group: 'opportunities',
        permission: 'moderator',
        options: {
          title: stringOption({ description: 'Title', example: 'Cardiology observership', required: true }),
          type: choiceOption({
            description: 'Type',
            example: 'observership',
            choices: ['observership', 'externship'],
            required: true,
          }),
        },
        form: { title: 'New listing', inputs: ['title'] },
        examples: ['/post type:observership'],
        handler,
      }),
      defineCommand({
        name: 'setup',
        description: 'Setup',
        group: 'moderation',
        permission: 'moderator',
        options: {
          mod_role: roleOption({ description: 'Moderator role', example: '1' }),
          announce_channel: channelOption({ description: 'Channel', example: '1' }),
        },
        examples: ['/setup'],
        handler,
      }),
      ...['add', 'list'].map((sub) =>
        defineCommand({
          name: `track ${sub}`,
          description: `Tracker ${sub}`,
          group: 'tracker',
          permission: 'member',
          personal: true,
          options: {},
          examples: [`/track ${sub}`],
          handler,
        }),
      ),
      defineCommand({
        name: 'remind',
        description: 'Remind me',
        group: 'reminders',
        permission: 'member',
        options: {
          when: stringOption({ description: 'When', example: 'tomorrow', required: true }),
          what: stringOption({ description: 'What', example: 'call', required: true }),
        },
        examples: ['/remind when:tomorrow'],
        handler,
      }),
    ],
    actions: [],
    autocompleters: { specialty: async () => [] },
  });
}

describe('buildCommandsJson', () => {
  const json = buildCommandsJson(fixtureRegistry());
  const byName = new Map(json.filter(isChatInput).map((c) => [c.name, c]));

  it('GIVEN typed options THEN Discord option types, choices, min/max, max_length and autocomplete', () => {
    const options = byName.get('observership')?.options ?? [];
    expect(options.map((o) => o.name)).toEqual(['page', 'specialty', 'state', 'type', 'paid', 'field']); // required first
    expect(options[0]).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: 1,
      max_value: 50,
      required: true,
    });
    expect(options[1]).toMatchObject({
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
      required: false,
    });
    expect(options[2]).toMatchObject({ type: ApplicationCommandOptionType.String, max_length: 20 });
    expect(options[3]).toMatchObject({
      choices: [
        { name: 'observership', value: 'observership' },
        { name: 'externship', value: 'externship' },
      ],
    });
    expect(options[4]).toMatchObject({ type: ApplicationCommandOptionType.Boolean });
    // 30 choices do not fit Discord's 25: offered through autocomplete instead.
    expect(options[5]).toMatchObject({ autocomplete: true });
    expect(options[5]).not.toHaveProperty('choices');
  });

  it('GIVEN role and channel options THEN ROLE and CHANNEL types (text channels only)', () => {
    expect(byName.get('setup')?.options).toEqual([
      expect.objectContaining({ name: 'mod_role', type: ApplicationCommandOptionType.Role }),
      expect.objectContaining({
        name: 'announce_channel',
        type: ApplicationCommandOptionType.Channel,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      }),
    ]);
  });

  it('GIVEN moderator commands THEN default_member_permissions is Manage Guild; members see the rest', () => {
    expect(byName.get('post')).toMatchObject({ default_member_permissions: '32' });
    expect(byName.get('setup')).toMatchObject({ default_member_permissions: '32' });
    expect(byName.get('observership')).not.toHaveProperty('default_member_permissions');
    expect(byName.get('track')).not.toHaveProperty('default_member_permissions');
  });

  it('GIVEN a form command THEN its form inputs are optional inline (the modal asks for them)', () => {
    const options = byName.get('post')?.options ?? [];
    expect(options.map((o) => [o.name, 'required' in o && o.required])).toEqual([
      ['type', true],
      ['title', false],
    ]);
  });

  it('GIVEN "track add" and "track list" THEN one /track with SUB_COMMAND options', () => {
    const track = byName.get('track');
    expect(track?.description).toBe('Application tracker: add, list');
    expect(track?.options?.map((o) => [o.type, o.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'add'],
      [ApplicationCommandOptionType.Subcommand, 'list'],
    ]);
  });

  it('GIVEN /remind THEN the "Remind me about this" message command is added', () => {
    expect(json.find((c) => c.name === REMIND_MESSAGE_COMMAND)).toEqual({
      type: ApplicationCommandType.Message,
      name: REMIND_MESSAGE_COMMAND,
    });
  });

  it('GIVEN 26 options THEN generation refuses with the command name', () => {
    const options = Object.fromEntries(
      Array.from({ length: 26 }, (_, i) => [`o${i}`, stringOption({ description: 'x', example: 'x' })]),
    );
    const registry = new Registry({
      commands: [
        defineCommand({
          name: 'big',
          description: 'Big',
          group: 'general',
          permission: 'member',
          options,
          examples: [],
          handler,
        }),
      ],
      actions: [],
      autocompleters: {},
    });
    expect(() => buildCommandsJson(registry)).toThrow('/big has 26 options; Discord allows 25.');
  });
});

describe('the real registry', () => {
  const json = buildCommandsJson(createRegistry());

  it('GIVEN every core command THEN names, descriptions and option counts fit Discord', () => {
    expect(json.length).toBeGreaterThan(0);
    expect(json.length).toBeLessThanOrEqual(100);
    for (const command of json.filter(isChatInput)) {
      expect(command.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      const options = command.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      for (const option of options.flatMap((o) => ('options' in o && o.options ? [o, ...o.options] : [o]))) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ('choices' in option && option.choices) expect(option.choices.length).toBeLessThanOrEqual(25);
      }
    }
    expect(json.map((c) => c.name)).toContain('setup');
  });
});
