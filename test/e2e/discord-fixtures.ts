/** A small registry exercising every adapter path, independent of the domain commands. */
import { defineCommand } from '../../src/core/commands/command.ts';
import { booleanOption, choiceOption, integerOption, stringOption } from '../../src/core/commands/options.ts';
import { Registry } from '../../src/core/commands/registry.ts';
import { setupCommand } from '../../src/core/moderation/setup.command.ts';
import { reply } from '../../src/core/reply.ts';

export const MENTION_TITLE = '@everyone free externship <@&123>';

function page(n: number) {
  return reply({
    title: 'Results',
    text: `Page ${n} of the results`,
    records: [{ id: `L${n}`, title: n === 1 ? MENTION_TITLE : `Listing ${n}`, subtitle: 'New York, NY' }],
    ids: [`L${n}`],
    footer: `Page ${n}/2`,
    actions: n === 1 ? [{ action: 'fixture.page', label: 'Next page', payload: '2' }] : [],
  });
}

export function fixtureRegistry(): Registry {
  return new Registry({
    commands: [
      setupCommand,
      defineCommand({
        name: 'find',
        description: 'Fixture search',
        group: 'opportunities',
        permission: 'member',
        options: {
          query: stringOption({
            description: 'What to find',
            example: 'cardio',
            autocomplete: 'fixture-query',
          }),
          page: integerOption({ description: 'Page', example: '1', min: 1, max: 9 }),
        },
        examples: ['/find query:cardio'],
        handler: async (input) => page(input.page ?? 1),
      }),
      defineCommand({
        name: 'propose',
        description: 'Fixture moderator form',
        group: 'opportunities',
        permission: 'moderator',
        options: {
          kind: choiceOption({
            description: 'Kind',
            example: 'observership',
            choices: ['observership', 'externship'],
            required: true,
          }),
          title: stringOption({
            description: 'Title',
            example: 'Cardiology observership',
            required: true,
            maxLength: 120,
          }),
          details: stringOption({ description: 'Details', example: 'Four weeks', maxLength: 1000 }),
        },
        form: { title: 'New listing', inputs: ['title', 'details'] },
        examples: ['/propose kind:observership'],
        handler: async (input) =>
          reply({
            text: `Created ${input.kind} "${input.title}"${input.details ? ` (${input.details})` : ''}`,
          }),
      }),
      defineCommand({
        name: 'remind',
        description: 'Fixture reminder',
        group: 'reminders',
        permission: 'member',
        personal: true,
        options: {
          when: stringOption({
            description: 'When',
            example: 'tomorrow 9am',
            required: true,
            maxLength: 100,
          }),
          what: stringOption({ description: 'What', example: 'email Dr. Rivera', required: true }),
        },
        examples: ['/remind when:tomorrow what:call'],
        handler: async (input) => reply({ text: `Reminder set: ${input.what} (${input.when})` }),
      }),
      defineCommand({
        name: 'track add',
        description: 'Fixture tracker',
        group: 'tracker',
        permission: 'member',
        personal: true,
        options: { program: stringOption({ description: 'Program', example: 'Mayo', required: true }) },
        examples: ['/track add program:Mayo'],
        handler: async (input, ctx) =>
          reply({ title: 'Tracked', text: `${input.program} for ${ctx.actor.userId}` }),
      }),
      defineCommand({
        name: 'huge',
        description: 'Fixture reply far over every Discord limit',
        group: 'general',
        permission: 'member',
        options: { plain: booleanOption({ description: 'Plain text only', example: 'true' }) },
        examples: ['/huge'],
        handler: async (input) =>
          input.plain
            ? reply({ text: 'word '.repeat(1_000) })
            : reply({
                title: 'T'.repeat(400),
                text: 'description '.repeat(500),
                fields: [{ name: 'N'.repeat(300), value: 'v'.repeat(2_000) }],
                records: Array.from({ length: 30 }, (_, i) => ({
                  id: `L${i}`,
                  title: `Listing ${i} ${'x'.repeat(300)}`,
                  text: 'y'.repeat(1_500),
                })),
                footer: 'f'.repeat(3_000),
                actions: Array.from({ length: 30 }, (_, i) => ({
                  action: 'fixture.page',
                  label: `${i} ${'label '.repeat(30)}`,
                  payload: String(i),
                })),
              }),
      }),
      defineCommand({
        name: 'slow',
        description: 'Fixture: a core that takes 300 ms (past the small answer budget a test sets)',
        group: 'general',
        permission: 'member',
        options: {},
        examples: ['/slow'],
        handler: async () => {
          await new Promise((resolve) => setTimeout(resolve, 300)); // why: well past a 20 ms budget
          return reply({ title: 'Slow answer', text: 'It took a while.' });
        },
      }),
      defineCommand({
        name: 'boom',
        description: 'Fixture failure',
        group: 'general',
        permission: 'member',
        options: {},
        examples: ['/boom'],
        handler: async () => {
          throw new Error('kaput');
        },
      }),
    ],
    actions: [
      {
        id: 'fixture.page',
        permission: 'member',
        replacesMessage: true,
        handler: async (p) => page(Number(p)),
      },
    ],
    autocompleters: {
      // "slow" stands for a source that overruns the adapter's budget (5 s, far past any budget a test sets).
      'fixture-query': async (query) => {
        if (query === 'slow') await new Promise((resolve) => setTimeout(resolve, 5_000));
        return Array.from({ length: 40 }, (_, i) => ({ name: `${query} result ${i}`, value: `v${i}` }));
      },
    },
  });
}
