import { describe, expect, it } from 'vitest';
import { type Command, defineCommand } from '../../src/core/commands/command.ts';
import { type InvocationEnv, runCommand, runTextCommand } from '../../src/core/commands/dispatch.ts';
import {
  booleanOption,
  choiceOption,
  dateOption,
  idOption,
  integerOption,
  stringOption,
} from '../../src/core/commands/options.ts';
import { Registry } from '../../src/core/commands/registry.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import type { Actor } from '../../src/core/identity.ts';
import type { CoreLogger } from '../../src/core/ports/logger.port.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { CommunitySettings, SettingsStore, UserSettings } from '../../src/core/ports/settings.port.ts';
import { reply } from '../../src/core/reply.ts';
import { fail, ok } from '../../src/core/result.ts';
import { defaultCoreSettings } from '../../src/core/settings.ts';

// A small registry of test commands, so changes to the real commands do not break these tests.

/** Every handler call, so tests can prove a refused command never ran. */
const calls: { command: string; input: Record<string, unknown> }[] = [];
const echo = (command: string) => async (input: Record<string, unknown>) => {
  calls.push({ command, input });
  return reply({ text: `${command} ran`, fields: [{ name: 'input', value: JSON.stringify(input) }] });
};

const externship = defineCommand({
  name: 'externship',
  description: 'Find externships',
  group: 'opportunities',
  permission: 'member',
  options: {
    specialty: choiceOption({
      description: 'Specialty',
      example: 'cardiology',
      choices: ['cardiology', 'internal medicine', 'pediatrics'],
    }),
    weeks: integerOption({ description: 'Minimum length in weeks', example: '4', min: 1, max: 52 }),
    paid: booleanOption({ description: 'Only paid ones', example: 'yes' }),
    starts: dateOption({ description: 'Starting on or after', example: '2027-01-15' }),
  },
  examples: ['/externship specialty:cardiology weeks:4'],
  handler: echo('externship'),
});

const remind = defineCommand({
  name: 'remind',
  description: 'Set a reminder',
  group: 'reminders',
  permission: 'member',
  options: {
    when: stringOption({ description: 'When to remind you', example: 'in 2 weeks', required: true }),
    what: stringOption({ description: 'What to remind you of', example: 'email Dr. Rivera', required: true }),
  },
  examples: ['/remind when:"in 2 weeks" what:"email Dr. Rivera"'],
  handler: echo('remind'),
});

const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question',
  group: 'faq',
  permission: 'member',
  options: {
    question: stringOption({ description: 'Your question', example: 'what is ECFMG', required: true }),
  },
  examples: ['/ask what is ECFMG certification'],
  bareWords: { kind: 'rest', option: 'question' },
  handler: echo('ask'),
});

const STATES = new Set(['NY', 'CA', 'TX']);
const observership = defineCommand({
  name: 'observership',
  description: 'Find observerships',
  group: 'opportunities',
  permission: 'member',
  options: {
    specialty: choiceOption({
      description: 'Specialty',
      example: 'cardiology',
      choices: ['cardiology', 'pediatrics'],
    }),
    state: stringOption({ description: 'Two-letter state', example: 'NY' }),
  },
  examples: ['/observership cardiology NY'],
  bareWords: {
    kind: 'parse',
    parse(words) {
      const out: Record<string, string> = {};
      for (const w of words) {
        if (STATES.has(w.toUpperCase())) out.state = w.toUpperCase();
        else if (['cardiology', 'pediatrics'].includes(w.toLowerCase())) out.specialty = w;
        else
          return fail(
            'OBSERVERSHIP.WORD',
            `"${w}" is neither a specialty nor a state. Example: /observership cardiology NY`,
          );
      }
      return ok(out);
    },
  },
  handler: echo('observership'),
});

const trackAdd = defineCommand({
  name: 'track add',
  description: 'Track an application',
  group: 'tracker',
  permission: 'member',
  options: { listing: idOption({ description: 'Listing id', example: 'ext-42', required: true }) },
  examples: ['/track add listing:ext-42'],
  handler: echo('track add'),
});

const trackList = defineCommand({
  name: 'track list',
  description: 'Show your applications',
  group: 'tracker',
  permission: 'member',
  options: {},
  examples: ['/track list'],
  handler: echo('track list'),
});

const approve = defineCommand({
  name: 'approve',
  description: 'Publish a pending listing',
  group: 'moderation',
  permission: 'moderator',
  options: { listing: idOption({ description: 'Listing id', example: 'ext-42', required: true }) },
  examples: ['/approve listing:ext-42'],
  handler: echo('approve'),
});

const boom = defineCommand({
  name: 'boom',
  description: 'Always fails unexpectedly',
  group: 'general',
  permission: 'member',
  options: {},
  examples: ['/boom'],
  async handler() {
    throw new Error('database on fire');
  },
});

const whoami = defineCommand({
  name: 'whoami',
  description: 'Shows what the handler was told',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/whoami'],
  async handler(_input, ctx) {
    return reply({ text: `${ctx.actor.userId} ${ctx.zone} ${ctx.now} ${ctx.isModerator}` });
  },
});

const COMMANDS: Command[] = [
  externship,
  remind,
  ask,
  observership,
  trackAdd,
  trackList,
  approve,
  boom,
  whoami,
];
const registry = new Registry({ commands: COMMANDS, actions: [], autocompleters: {} });

// Minimal in-memory fakes of the ports dispatch uses to build the handler context.

const NOW = Date.UTC(2027, 0, 10, 15, 0); // why: any fixed instant; handlers must see exactly this

/** The two reads `buildContext` makes. */
type ReadSettings = Pick<SettingsStore, 'getUser' | 'getCommunity'>;

class MemorySettings implements ReadSettings {
  readonly users = new Map<string, UserSettings>();
  readonly communities = new Map<string, CommunitySettings>();
  async getUser(userId: string): Promise<UserSettings> {
    return this.users.get(userId) ?? {};
  }
  async getCommunity(communityId: string): Promise<CommunitySettings> {
    return this.communities.get(communityId) ?? {};
  }
}

function envFor(
  opts: { moderator?: boolean; logger?: CoreLogger; settings?: MemorySettings } = {},
): InvocationEnv {
  const actor: Actor = {
    userId: 'shell:amina',
    communityId: 'shell:local',
    displayName: 'amina',
    platformAdmin: opts.moderator ?? false,
    roleIds: [],
  };
  const deps = {
    settings: defaultCoreSettings,
    clock: { now: () => NOW },
    logger: opts.logger ?? silentLogger,
    userSettings: (opts.settings ?? new MemorySettings()) as ReadSettings as SettingsStore,
  } as Partial<CoreDeps> as CoreDeps;
  return { actor, deps, registry };
}

/** Runs a line and returns the options the handler received, failing the test on an error reply. */
async function inputOf(line: string): Promise<Record<string, unknown>> {
  calls.length = 0;
  const answer = await runTextCommand(line, envFor());
  expect(answer.error, answer.text).toBe(false);
  expect(calls).toHaveLength(1);
  return calls[0]?.input ?? {};
}

describe('option keys', () => {
  it('GIVEN a mistyped key THEN OPTION.UNKNOWN with a "Did you mean" and the option list', async () => {
    const answer = await runTextCommand('/externship specialy:cardiology', envFor());
    expect(answer.code).toBe('OPTION.UNKNOWN');
    expect(answer.text).toContain('/externship has no option "specialy"');
    expect(answer.text).toContain('Did you mean specialty:?');
    expect(answer.text).toContain('Its options: specialty, weeks, paid, starts.');
  });

  it('GIVEN a key nothing like any option THEN OPTION.UNKNOWN without a guess', async () => {
    const answer = await runTextCommand('/remind colour:blue when:today what:x', envFor());
    expect(answer.code).toBe('OPTION.UNKNOWN');
    expect(answer.text).not.toContain('Did you mean');
  });

  it('GIVEN the same key twice THEN OPTION.DUPLICATE naming it', async () => {
    const answer = await runTextCommand('/remind when:today when:tomorrow what:x', envFor());
    expect(answer.code).toBe('OPTION.DUPLICATE');
    expect(answer.text).toContain('when:');
    expect(answer.text).toContain('/remind');
  });

  it('GIVEN words before any option THEN OPTION.UNEXPECTED_TEXT with an example', async () => {
    const answer = await runTextCommand('/remind tomorrow email', envFor());
    expect(answer.code).toBe('OPTION.UNEXPECTED_TEXT');
    expect(answer.text).toContain('"tomorrow"');
    expect(answer.text).toContain('Example: /remind when:"in 2 weeks" what:"email Dr. Rivera"');
  });
});

describe('required options', () => {
  it('GIVEN a missing required option THEN OPTION.MISSING with its description and an example', async () => {
    calls.length = 0;
    const answer = await runTextCommand('/remind when:tomorrow', envFor());
    expect(answer.code).toBe('OPTION.MISSING');
    expect(answer.text).toBe(
      '/remind needs what: What to remind you of. Example: /remind when:"in 2 weeks" what:"email Dr. Rivera"',
    );
    expect(calls).toHaveLength(0);
  });

  it('GIVEN an empty value for a required text option THEN OPTION.INVALID, not a blank reminder', async () => {
    const answer = await runTextCommand('/remind when: what:x', envFor());
    expect(answer.code).toBe('OPTION.INVALID');
    expect(answer.text).toContain('when');
    expect(answer.text).toContain('must not be empty');
  });
});

describe('option types', () => {
  it.each<[string, string, string, string]>([
    ['/externship weeks:abc', 'weeks', 'must be a whole number', 'weeks:4'],
    ['/externship weeks:2.5', 'weeks', 'must be a whole number', 'weeks:4'],
    ['/externship weeks:0', 'weeks', 'must be at least 1', 'weeks:4'],
    ['/externship weeks:60', 'weeks', 'must be at most 52', 'weeks:4'],
    ['/externship paid:maybe', 'paid', 'must be yes or no (true/false)', 'paid:yes'],
    ['/externship starts:2027-13-01', 'starts', 'must be a date written YYYY-MM-DD', 'starts:2027-01-15'],
    ['/externship starts:2027-02-30', 'starts', 'must be a date written YYYY-MM-DD', 'starts:2027-01-15'],
    ['/externship starts:15/01/2027', 'starts', 'must be a date written YYYY-MM-DD', 'starts:2027-01-15'],
    [
      '/externship specialty:dermatology',
      'specialty',
      'must be one of cardiology, internal medicine, pediatrics',
      'specialty:cardiology',
    ],
  ])(
    'GIVEN %j THEN OPTION.INVALID naming %s, the problem, the value and an example',
    async (line, key, why, example) => {
      calls.length = 0;
      const answer = await runTextCommand(line, envFor());
      expect(answer.code).toBe('OPTION.INVALID');
      const given = line.slice(line.indexOf(':') + 1);
      expect(answer.text).toBe(`Option ${key} of /externship ${why} (got "${given}"). Example: ${example}`);
      expect(calls).toHaveLength(0);
    },
  );

  it('GIVEN a bad value with spaces THEN the example is quoted so it can be pasted', async () => {
    const answer = await runTextCommand('/remind when:"" what:"x"', envFor());
    expect(answer.text).toContain('Example: when:"in 2 weeks"');
  });

  it('GIVEN good text values THEN the handler gets typed values', async () => {
    expect(
      await inputOf('/externship specialty:"Internal Medicine" weeks:$1,2 paid:YES starts:2027-02-28'),
    ).toEqual({ specialty: 'internal medicine', weeks: 12, paid: true, starts: '2027-02-28' });
    expect(await inputOf('/externship paid:no')).toEqual({ paid: false });
  });

  it('GIVEN typed values as Discord sends them THEN they are accepted as they are', async () => {
    calls.length = 0;
    const answer = await runCommand(
      'externship',
      { weeks: 8, paid: false, specialty: 'pediatrics' },
      envFor(),
    );
    expect(answer.error).toBe(false);
    expect(calls[0]?.input).toEqual({ weeks: 8, paid: false, specialty: 'pediatrics' });
  });
});

describe('values with spaces', () => {
  it('GIVEN words after an unquoted value THEN they extend that value', async () => {
    expect(await inputOf('/remind when:in 2 weeks what:email Dr. Rivera')).toEqual({
      when: 'in 2 weeks',
      what: 'email Dr. Rivera',
    });
  });

  it('GIVEN a space after the colon THEN the value is still read', async () => {
    expect(await inputOf('/remind when: tomorrow 9am what: call the program office')).toEqual({
      when: 'tomorrow 9am',
      what: 'call the program office',
    });
  });

  it('GIVEN a quoted value followed by words THEN the words are refused rather than silently joined', async () => {
    const answer = await runTextCommand('/remind when:"in 2 weeks" later what:x', envFor());
    expect(answer.code).toBe('OPTION.UNEXPECTED_TEXT');
    expect(answer.text).toContain('"later"');
  });

  it('GIVEN typographic quotes from a phone THEN they work like straight ones', async () => {
    expect(await inputOf('/remind when:\u201cnext monday\u201d what:\u201cemail Dr. Rivera\u201d')).toEqual({
      when: 'next monday',
      what: 'email Dr. Rivera',
    });
  });

  it('GIVEN an unclosed quote THEN PARSE.UNCLOSED_QUOTE, and nothing runs', async () => {
    calls.length = 0;
    const answer = await runTextCommand('/remind when:tomorrow what:"email Dr. Rivera', envFor());
    expect(answer.code).toBe('PARSE.UNCLOSED_QUOTE');
    expect(answer.text).toContain('character 28');
    expect(calls).toHaveLength(0);
  });
});

describe('bare words', () => {
  it('GIVEN a rest command THEN plain words become its option', async () => {
    expect(await inputOf("/ask what's the USMLE Step 3 deadline?")).toEqual({
      question: "what's the USMLE Step 3 deadline?",
    });
  });

  it('GIVEN a rest command with a stray key:value THEN it stays part of the question', async () => {
    expect(await inputOf('/ask is a 6:00 start normal? note:urgent')).toEqual({
      question: 'is a 6:00 start normal? note:urgent',
    });
  });

  it('GIVEN the rest option both named and as words THEN OPTION.DUPLICATE', async () => {
    const answer = await runTextCommand('/ask question:"visa" and more', envFor());
    expect(answer.code).toBe('OPTION.DUPLICATE');
    expect(answer.text).toContain('question');
  });

  it('GIVEN a parse command THEN its parser fills the options', async () => {
    expect(await inputOf('/observership cardiology ny')).toEqual({ specialty: 'cardiology', state: 'NY' });
  });

  it('GIVEN a parse command with an explicit key:value THEN the explicit value wins', async () => {
    expect(await inputOf('/observership state:CA cardiology NY')).toEqual({
      specialty: 'cardiology',
      state: 'CA',
    });
  });

  it("GIVEN a word the command's parser rejects THEN its own failure code and message", async () => {
    const answer = await runTextCommand('/observership cardiology moon', envFor());
    expect(answer.code).toBe('OBSERVERSHIP.WORD');
    expect(answer.text).toContain('"moon"');
  });

  it('GIVEN a parse command and a key it does not have THEN its parser sees it as a word', async () => {
    const answer = await runTextCommand('/observership stat:NY', envFor());
    expect(answer.code).toBe('OBSERVERSHIP.WORD');
    expect(answer.text).toContain('"stat:NY"');
  });

  it('GIVEN a typed option the command does not have THEN OPTION.UNKNOWN with a guess', async () => {
    const answer = await runCommand('observership', { stat: 'NY' }, envFor());
    expect(answer.code).toBe('OPTION.UNKNOWN');
    expect(answer.text).toContain('Did you mean state:?');
  });
});

describe('command names', () => {
  it('GIVEN a mistyped command THEN COMMAND.UNKNOWN that suggests the closest one', async () => {
    const answer = await runTextCommand('/externshp specialty:cardiology', envFor());
    expect(answer.code).toBe('COMMAND.UNKNOWN');
    expect(answer.text).toMatch(/did you mean \/externship\?/i);
    expect(answer.text).toContain('/help');
  });

  it('GIVEN a name like nothing THEN COMMAND.UNKNOWN pointing to /help only', async () => {
    const answer = await runTextCommand('/zzzzzzzz', envFor());
    expect(answer.code).toBe('COMMAND.UNKNOWN');
    expect(answer.text).not.toMatch(/did you mean/i);
    expect(answer.text).toContain('Type /help for the list.');
  });

  it('GIVEN a mistyped parent of subcommands THEN the suggestion is the parent', async () => {
    const answer = await runTextCommand('/trak add listing:x', envFor());
    expect(answer.text).toMatch(/did you mean \/track\?/i);
  });

  it('GIVEN "/track add ..." THEN the subcommand runs with the rest of the line', async () => {
    calls.length = 0;
    const answer = await runTextCommand('/track ADD listing:ext-42', envFor());
    expect(answer.error).toBe(false);
    expect(calls).toEqual([{ command: 'track add', input: { listing: 'ext-42' } }]);
  });

  it('GIVEN "/track" alone THEN COMMAND.SUBCOMMAND listing the subcommands with an example', async () => {
    const answer = await runTextCommand('/track', envFor());
    expect(answer.code).toBe('COMMAND.SUBCOMMAND');
    expect(answer.text).toBe('/track needs one of: add, list. Example: /track add listing:ext-42');
  });

  it('GIVEN "/track" with an unknown subcommand THEN COMMAND.SUBCOMMAND naming what was typed', async () => {
    const answer = await runTextCommand('/track remove listing:x', envFor());
    expect(answer.code).toBe('COMMAND.SUBCOMMAND');
    expect(answer.text).toContain('"remove" is not one of them.');
  });
});

describe('permissions', () => {
  it('GIVEN a member THEN a moderator command is refused and its handler never runs', async () => {
    calls.length = 0;
    const answer = await runTextCommand('/approve listing:ext-42', envFor({ moderator: false }));
    expect(answer.code).toBe('PERMISSION.MODERATOR_ONLY');
    expect(answer.text).toBe('Only moderators can use /approve. Nothing was changed.');
    expect(answer.ephemeral).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('GIVEN a member with an invalid value THEN the refusal comes first (no hints about options)', async () => {
    const answer = await runCommand('approve', { listing: 'not an id!' }, envFor({ moderator: false }));
    expect(answer.code).toBe('PERMISSION.MODERATOR_ONLY');
  });

  it('GIVEN a member typing an unknown option of a moderator command THEN only the refusal is shown', async () => {
    const answer = await runTextCommand('/approve bogus:1', envFor({ moderator: false }));
    expect(answer.code).toBe('PERMISSION.MODERATOR_ONLY');
    expect(answer.text).not.toContain('listing');
  });

  it('GIVEN a platform admin THEN the moderator command runs', async () => {
    calls.length = 0;
    const answer = await runTextCommand('/approve listing:ext-42', envFor({ moderator: true }));
    expect(answer.error).toBe(false);
    expect(calls).toEqual([{ command: 'approve', input: { listing: 'ext-42' } }]);
  });

  it("GIVEN a member holding the community's moderator role THEN the moderator command runs", async () => {
    const settings = new MemorySettings();
    settings.communities.set('shell:local', { modRoleId: 'R1' });
    const env = envFor({ settings });
    const withRole = { ...env, actor: { ...env.actor, roleIds: ['R1'] } };
    expect((await runTextCommand('/approve listing:ext-42', withRole)).error).toBe(false);
    expect((await runTextCommand('/approve listing:ext-42', env)).code).toBe('PERMISSION.MODERATOR_ONLY');
  });
});

describe('handler context', () => {
  it("GIVEN no zone setting THEN the handler gets the default zone and the clock's instant", async () => {
    const answer = await runTextCommand('/whoami', envFor());
    expect(answer.text).toBe(`shell:amina America/New_York ${NOW} false`);
  });

  it("GIVEN the member's own zone THEN the handler gets it", async () => {
    const settings = new MemorySettings();
    settings.users.set('shell:amina', { zone: 'Asia/Karachi' });
    const answer = await runTextCommand('/whoami', envFor({ settings }));
    expect(answer.text).toBe(`shell:amina Asia/Karachi ${NOW} false`);
  });

  it('GIVEN a personal command THEN the reply is private even if the handler forgot', async () => {
    expect((await runTextCommand('/whoami', envFor())).ephemeral).toBe(true);
  });
});

describe('unexpected failures', () => {
  it('GIVEN a handler that throws THEN an INTERNAL apology with a reference that is in the log', async () => {
    const errors: Record<string, unknown>[] = [];
    const logger: CoreLogger = { ...silentLogger, error: (obj) => errors.push(obj) };
    const answer = await runTextCommand('/boom', envFor({ logger }));
    expect(answer.error).toBe(true);
    expect(answer.code).toBe('INTERNAL');
    expect(answer.text).not.toContain('database on fire');
    const ref = /\(reference ([a-z0-9]+)\)/.exec(answer.text)?.[1];
    expect(ref).toBeDefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.ref).toBe(ref);
    expect(errors[0]?.err).toBeInstanceOf(Error);
    expect((errors[0]?.err as Error | undefined)?.message).toBe('database on fire');
  });

  it('GIVEN every command handled THEN one log line with its latency in ms', async () => {
    const infos: Record<string, unknown>[] = [];
    const logger: CoreLogger = { ...silentLogger, info: (obj) => infos.push(obj) };
    await runTextCommand('/whoami', envFor({ logger }));
    await runTextCommand('/boom', envFor({ logger }));
    expect(infos).toHaveLength(2);
    expect(infos.map((i) => [i.cmd, i.ok, typeof i.ms])).toEqual([
      ['whoami', true, 'number'],
      ['boom', false, 'number'],
    ]);
  });
});
