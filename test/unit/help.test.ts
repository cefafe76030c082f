import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/core/command-list.ts';
import { type Command, defineCommand } from '../../src/core/commands/command.ts';
import { type InvocationEnv, resolveTextCommand, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { booleanOption, choiceOption, idOption, stringOption } from '../../src/core/commands/options.ts';
import { parseCommandLine } from '../../src/core/commands/parse-line.ts';
import { Registry } from '../../src/core/commands/registry.ts';
import { tokensToOptions } from '../../src/core/commands/resolve-options.ts';
import { validateOptions } from '../../src/core/commands/validate-options.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { completeCommandName, helpCommand } from '../../src/core/general/help.command.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { SettingsStore } from '../../src/core/ports/settings.port.ts';
import type { Reply } from '../../src/core/reply.ts';
import { reply } from '../../src/core/reply.ts';
import { defaultCoreSettings } from '../../src/core/settings.ts';

// `/help` over a small registry of test commands (so other engineers' commands cannot break it)...

const done = async () => reply({ text: 'done' });

const TEST_COMMANDS: Command[] = [
  helpCommand,
  defineCommand({
    name: 'externship',
    description: 'Find externships by specialty and state',
    group: 'opportunities',
    permission: 'member',
    options: {
      specialty: choiceOption({
        description: 'Specialty to search',
        example: 'internal medicine',
        choices: ['cardiology', 'internal medicine', 'pediatrics'],
        required: true,
      }),
      state: stringOption({ description: 'Two-letter state', example: 'NY' }),
      paid: booleanOption({ description: 'Only paid positions', example: 'yes' }),
    },
    examples: [
      '/externship specialty:cardiology state:NY',
      '/externship specialty:"internal medicine" paid:yes',
    ],
    handler: done,
  }),
  defineCommand({
    name: 'remind',
    description: 'Remind me of something later',
    group: 'reminders',
    permission: 'member',
    options: {
      when: stringOption({ description: 'When', example: 'in 2 weeks', required: true }),
      what: stringOption({ description: 'What', example: 'email Dr. Rivera', required: true }),
    },
    examples: ['/remind when:"in 2 weeks" what:"email Dr. Rivera"'],
    handler: done,
  }),
  defineCommand({
    name: 'track add',
    description: 'Track an application',
    group: 'tracker',
    permission: 'member',
    options: { listing: idOption({ description: 'Listing id', example: 'ext-42', required: true }) },
    examples: ['/track add listing:ext-42'],
    handler: done,
  }),
  defineCommand({
    name: 'track list',
    description: 'Show your applications',
    group: 'tracker',
    permission: 'member',
    options: {},
    examples: ['/track list'],
    handler: done,
  }),
  defineCommand({
    name: 'approve',
    description: 'Publish a pending listing',
    group: 'moderation',
    permission: 'moderator',
    options: { listing: idOption({ description: 'Listing id', example: 'ext-42', required: true }) },
    examples: ['/approve listing:ext-42'],
    handler: done,
  }),
];

const testRegistry = new Registry({
  commands: TEST_COMMANDS,
  actions: [],
  autocompleters: { 'command-name': completeCommandName },
});

/** Nobody has settings: default zone, no moderator role. */
const noSettings = { getUser: async () => ({}), getCommunity: async () => ({}) };

function envFor(moderator: boolean): InvocationEnv {
  const deps = {
    settings: defaultCoreSettings,
    clock: { now: () => Date.UTC(2027, 0, 10) },
    logger: silentLogger,
    userSettings: noSettings as Pick<SettingsStore, 'getUser' | 'getCommunity'> as SettingsStore,
  } as Partial<CoreDeps> as CoreDeps;
  const actor = {
    userId: 'shell:amina',
    communityId: 'shell:local',
    displayName: 'amina',
    platformAdmin: moderator,
    roleIds: [],
  };
  return { actor, deps, registry: testRegistry };
}

const member = envFor(false);
const moderator = envFor(true);

function field(answer: Reply, name: string): string | undefined {
  return answer.fields.find((f) => f.name === name)?.value;
}

describe('/help', () => {
  it('GIVEN a member THEN each member command is listed under its group', async () => {
    const answer = await runTextCommand('/help', member);
    expect(answer.error).toBe(false);
    expect(answer.ephemeral).toBe(true);
    expect(answer.fields.map((f) => f.name)).toEqual([
      'Find opportunities',
      'Reminders',
      'Application tracker',
      'General',
    ]);
    expect(field(answer, 'Find opportunities')).toBe('/externship: Find externships by specialty and state');
    expect(field(answer, 'Reminders')).toBe('/remind: Remind me of something later');
    expect(field(answer, 'Application tracker')).toBe(
      '/track add: Track an application\n/track list: Show your applications',
    );
    expect(field(answer, 'General')).toContain('/help:');
  });

  it('GIVEN a member THEN moderator commands are hidden', async () => {
    const answer = await runTextCommand('/help', member);
    expect(field(answer, 'Moderators')).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain('/approve');
  });

  it('GIVEN a moderator THEN moderator commands are shown too', async () => {
    const answer = await runTextCommand('/help', moderator);
    expect(field(answer, 'Moderators')).toBe('/approve: Publish a pending listing');
    expect(field(answer, 'Find opportunities')).toBeDefined();
  });

  it('GIVEN command:<name> THEN every option with (required) marks, choices and an example', async () => {
    const answer = await runTextCommand('/help command:externship', member);
    expect(answer.error).toBe(false);
    expect(answer.title).toBe('/externship');
    expect(answer.fields.map((f) => f.name)).toEqual(['specialty (required)', 'state', 'paid']);
    expect(field(answer, 'specialty (required)')).toBe(
      'Specialty to search One of: cardiology, internal medicine, pediatrics. Example: specialty:"internal medicine"',
    );
    expect(field(answer, 'state')).toBe('Two-letter state Example: state:NY');
    expect(answer.text).toContain('Usage: /externship specialty:<text> [state:…] [paid:…]');
    expect(answer.text).toContain('/externship specialty:cardiology state:NY');
    expect(answer.text).toContain('/externship specialty:"internal medicine" paid:yes');
  });

  it.each([['/help command:/externship'], ['/help externship'], ['/help command:EXTERNSHIP']])(
    'GIVEN %j THEN the same command detail',
    async (line) => {
      const answer = await runTextCommand(line, member);
      expect(answer.title).toBe('/externship');
    },
  );

  it('GIVEN a moderator command by name THEN its detail says moderators only', async () => {
    const answer = await runTextCommand('/help command:approve', member);
    expect(answer.title).toBe('/approve (moderators only)');
  });

  it('GIVEN a subcommand by its full name THEN its detail', async () => {
    const answer = await runTextCommand('/help command:"track add"', member);
    expect(answer.title).toBe('/track add');
    expect(answer.fields.map((f) => f.name)).toEqual(['listing (required)']);
  });

  it('GIVEN command:track THEN its subcommands with their usage', async () => {
    const answer = await runTextCommand('/help command:track', member);
    expect(answer.error).toBe(false);
    expect(answer.title).toBe('/track');
    expect(answer.text).toBe('/track add: Track an application\n/track list: Show your applications');
    expect(answer.fields).toEqual([
      { name: '/track add', value: 'Usage: /track add listing:<text>' },
      { name: '/track list', value: 'Usage: /track list' },
    ]);
  });

  it('GIVEN an unknown name THEN HELP.UNKNOWN_COMMAND with the closest command', async () => {
    const answer = await runTextCommand('/help command:externshp', member);
    expect(answer.error).toBe(true);
    expect(answer.code).toBe('HELP.UNKNOWN_COMMAND');
    expect(answer.text).toBe(
      'There is no command /externshp. Did you mean /externship? Type /help for the list.',
    );
  });

  it('GIVEN a name like nothing THEN HELP.UNKNOWN_COMMAND without a guess', async () => {
    const answer = await runTextCommand('/help command:zzzzzzzz', member);
    expect(answer.code).toBe('HELP.UNKNOWN_COMMAND');
    expect(answer.text).toBe('There is no command /zzzzzzzz. Type /help for the list.');
  });
});

// ...and the real registry's examples, so help never shows a line that does not work.

/** Examples known to be wrong, reported to the owner of the command; remove an entry once fixed. */
// /setup mod_role:@Moderators announce_channel:#opportunities used to be here: role and channel
// options now read names (the shell's local names; other platforms say which forms they take).
const KNOWN_WRONG_EXAMPLES: ReadonlySet<string> = new Set<string>([]);

/** Runs an example through the text path up to (not including) the handler. */
function checkExample(
  registry: ReturnType<typeof createRegistry>,
  owner: Command,
  example: string,
): string[] {
  const parsed = parseCommandLine(example);
  if (!parsed.ok) return [`${parsed.code}: ${parsed.message}`];
  const resolved = resolveTextCommand(parsed.value.name, parsed.value.tokens, registry);
  if ('reply' in resolved) return [`${resolved.reply.code}: ${resolved.reply.text}`];
  if (resolved.command.name !== owner.name) return [`runs /${resolved.command.name}, not /${owner.name}`];
  const raw = tokensToOptions(resolved.command, resolved.rest);
  if (!raw.ok) return [`${raw.code}: ${raw.message}`];
  const values = validateOptions(resolved.command, raw.value);
  return values.ok ? [] : [`${values.code}: ${values.message}`];
}

describe('the real registry', () => {
  const registry = createRegistry();
  const examples = registry.list().flatMap((c) => c.examples.map((e) => [c.name, e] as const));

  it('GIVEN every command THEN it has at least one example', () => {
    const without = registry
      .list()
      .filter((c) => c.examples.length === 0)
      .map((c) => c.name);
    expect(without).toEqual([]);
  });

  it.each(examples.filter(([, e]) => !KNOWN_WRONG_EXAMPLES.has(e)))(
    'GIVEN the /%s example %j THEN it parses and validates',
    (name, example) => {
      const command = registry.find(name) as Command;
      expect(checkExample(registry, command, example)).toEqual([]);
    },
  );

  it.each([...KNOWN_WRONG_EXAMPLES])(
    'GIVEN the known-wrong example %j THEN it still fails (else drop it from the list)',
    (example) => {
      const owner = registry.list().find((c) => c.examples.includes(example));
      if (!owner) return; // the example was changed; nothing left to track
      expect(checkExample(registry, owner, example)).not.toEqual([]);
    },
  );

  it('GIVEN every option THEN its own example value is valid', () => {
    const problems: string[] = [];
    for (const command of registry.list()) {
      for (const [key, def] of Object.entries(command.options)) {
        if (!def.schema.safeParse(def.example).success)
          problems.push(`/${command.name} ${key}:${def.example}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
