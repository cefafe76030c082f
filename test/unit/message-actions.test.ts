/**
 * Entry points declared in the core: a message action becomes Discord's
 * context-menu command and Slack's message shortcut (and its manifest entry)
 * with nothing written in either adapter.
 */
import { ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildCommandsJson } from '../../src/bots/discord/commands-json.ts';
import { buildManifest } from '../../src/bots/slack/manifest.ts';
import {
  ACTIONS,
  AUTOCOMPLETERS,
  COMMANDS,
  createRegistry,
  MESSAGE_ACTIONS,
} from '../../src/core/command-list.ts';
import { defineCommand } from '../../src/core/commands/command.ts';
import type { InvocationEnv } from '../../src/core/commands/dispatch.ts';
import { checkPermission } from '../../src/core/commands/dispatch.ts';
import { messageActionOptions, runQuestion } from '../../src/core/commands/entry-points.ts';
import { defineMessageAction } from '../../src/core/commands/message-action.ts';
import { stringOption } from '../../src/core/commands/options.ts';
import { Registry } from '../../src/core/commands/registry.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { remindAboutMessage } from '../../src/core/reminders/remind-message.action.ts';
import { reply } from '../../src/core/reply.ts';

const noteCommand = defineCommand({
  name: 'note',
  description: 'Save a note about a message',
  group: 'general',
  permission: 'member',
  options: {
    about: stringOption({ description: 'What the note is about', example: 'a link', required: true }),
    text: stringOption({ description: 'The note', example: 'ask about fees', required: true }),
  },
  examples: ['/note about:x text:y'],
  handler: async (input) => reply({ text: `${input.text} (${input.about})` }),
});

const saveNote = defineMessageAction({
  id: 'save_note',
  label: 'Save a note',
  description: 'Keep a note about this message',
  command: 'note',
  linkOption: 'about',
  ask: ['text'],
});

function registryWith(
  messageActions = [...MESSAGE_ACTIONS, saveNote],
  commands = [...COMMANDS, noteCommand],
) {
  return new Registry({ commands, actions: ACTIONS, autocompleters: AUTOCOMPLETERS, messageActions });
}

describe('message actions come from the core declaration', () => {
  it('GIVEN a second declaration THEN Discord gets a context-menu command for each', () => {
    const menus = buildCommandsJson(registryWith()).filter((c) => c.type === ApplicationCommandType.Message);
    expect(menus).toEqual([
      { type: ApplicationCommandType.Message, name: 'Remind me about this' },
      { type: ApplicationCommandType.Message, name: 'Save a note' },
    ]);
  });

  it('GIVEN a second declaration THEN the Slack manifest gets a message shortcut for each', () => {
    expect(buildManifest(registryWith()).features.shortcuts).toEqual([
      {
        name: 'Remind me about this',
        type: 'message',
        callback_id: 'remind_message',
        description: remindAboutMessage.description,
      },
      { name: 'Save a note', type: 'message', callback_id: 'save_note', description: saveNote.description },
    ]);
  });

  it('GIVEN the link option renamed in the declaration only THEN the registry refuses to start', () => {
    const renamed = { ...remindAboutMessage, linkOption: 'text' };
    expect(() => registryWith([renamed])).toThrow(
      'Message action remind_message: /remind has no option text for the link',
    );
  });

  it.each<[string, Partial<typeof saveNote>, string]>([
    ['an unknown command', { command: 'nope' }, 'runs /nope, which is not registered'],
    ['an option the command lacks', { ask: ['text', 'colour'] }, 'cannot ask colour'],
    ['a required option not asked', { ask: [] }, 'must ask text, which /note requires'],
    ['a label over 32 characters', { label: 'x'.repeat(33) }, 'label must be 1-32 characters'],
    ['an id Slack cannot take', { id: 'Save Note' }, 'id must match'],
  ])('GIVEN %s THEN the registry refuses with the reason', (_, change, message) => {
    expect(() => registryWith([{ ...saveNote, ...change }])).toThrow(message);
  });

  it('GIVEN the answers of a form THEN only the asked options and the link are passed on', () => {
    expect(
      messageActionOptions(saveNote, { text: 'fees?', about: 'forged', other: 1 }, 'https://x/1'),
    ).toEqual({
      text: 'fees?',
      about: 'https://x/1',
    });
  });

  it('the real registry offers "Remind me about this" asking when and repeat', () => {
    expect(createRegistry().messageActions()).toEqual([remindAboutMessage]);
    expect(remindAboutMessage.ask).toEqual(['when', 'repeat']);
  });
});

describe('free text and permission checks', () => {
  const env = (registry: Registry): InvocationEnv => ({
    actor: {
      userId: 'shell:a',
      communityId: 'shell:local',
      displayName: 'a',
      platformAdmin: false,
      roleIds: [],
    },
    deps: {} as CoreDeps, // why: neither path below reaches a store
    registry,
  });

  it('GIVEN a registry without a question entry THEN free text gets FAQ.UNAVAILABLE', async () => {
    const answer = await runQuestion('how long is an externship', env(registryWith()));
    expect(answer).toMatchObject({ error: true, code: 'FAQ.UNAVAILABLE' });
    expect(answer.text).toContain('/help');
  });

  it('GIVEN a member command THEN the check allows it without reading any store', async () => {
    expect(await checkPermission(noteCommand, env(registryWith()))).toBeUndefined();
  });
});
