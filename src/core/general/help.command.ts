import { type Command, type CommandContext, type CommandGroup, defineCommand } from '../commands/command.ts';
import { stringOption } from '../commands/options.ts';
import { closest } from '../commands/suggest.ts';
import { errorReply, type Reply, type ReplyField, reply } from '../reply.ts';

const GROUP_TITLES: Record<CommandGroup, string> = {
  opportunities: 'Find opportunities',
  faq: 'Questions and answers',
  reminders: 'Reminders',
  tracker: 'Application tracker',
  account: 'Your settings and data',
  moderation: 'Moderators',
  general: 'General',
};

function usage(command: Command): string {
  const parts = Object.entries(command.options).map(([key, def]) =>
    def.required ? `${key}:<${def.kind === 'string' ? 'text' : def.kind}>` : `[${key}:…]`,
  );
  return [`/${command.name}`, ...parts].join(' ');
}

function overview(ctx: CommandContext): Reply {
  const visible = ctx.registry.list().filter((c) => c.permission === 'member' || ctx.isModerator);
  const fields: ReplyField[] = [];
  for (const group of Object.keys(GROUP_TITLES) as CommandGroup[]) {
    const lines = visible.filter((c) => c.group === group).map((c) => `/${c.name}: ${c.description}`);
    if (lines.length > 0) fields.push({ name: GROUP_TITLES[group], value: lines.join('\n') });
  }
  return reply({
    title: 'imgbot commands',
    text:
      'I help you find U.S. clinical experience, remember deadlines, track applications and answer common questions. ' +
      'Type /help command:<name> for a command’s options and an example, or just ask a question.',
    fields,
    ephemeral: true,
  });
}

function detail(command: Command): Reply {
  const fields: ReplyField[] = Object.entries(command.options).map(([key, def]) => ({
    name: `${key}${def.required ? ' (required)' : ''}`,
    value: `${def.description}${def.choices ? ` One of: ${def.choices.join(', ')}.` : ''} Example: ${key}:${
      /\s/.test(def.example) ? `"${def.example}"` : def.example
    }`,
  }));
  const who = command.permission === 'moderator' ? ' (moderators only)' : '';
  return reply({
    title: `/${command.name}${who}`,
    text: `${command.description}\nUsage: ${usage(command)}\nExamples:\n${command.examples.join('\n')}`,
    fields,
    ids: [command.name],
    ephemeral: true,
  });
}

/** `/help` and `/help command:<name>`, generated from the registry. */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'List the commands, or show one command’s options with an example',
  group: 'general',
  permission: 'member',
  options: {
    command: stringOption({
      description: 'A command to explain, e.g. externship or "track add"',
      example: 'externship',
      maxLength: 40,
      autocomplete: 'command-name',
    }),
  },
  examples: ['/help', '/help command:externship', '/help command:"track add"'],
  bareWords: { kind: 'rest', option: 'command' },
  async handler(input, ctx) {
    if (input.command === undefined) return overview(ctx);
    const name = input.command.replace(/^\//, '').toLowerCase().trim();
    const command = ctx.registry.find(name);
    if (command) return detail(command);
    const subs = ctx.registry.list().filter((c) => c.name.startsWith(`${name} `));
    if (subs.length > 0) {
      return reply({
        title: `/${name}`,
        text: subs.map((s) => `/${s.name}: ${s.description}`).join('\n'),
        fields: subs.map((s) => ({ name: `/${s.name}`, value: `Usage: ${usage(s)}` })),
        ids: subs.map((s) => s.name),
        ephemeral: true,
      });
    }
    const names = ctx.registry.list().map((c) => c.name);
    const guesses = closest(name, names);
    const hint = guesses.length > 0 ? ` Did you mean ${guesses.map((g) => `/${g}`).join(' or ')}?` : '';
    return errorReply(
      'HELP.UNKNOWN_COMMAND',
      `There is no command /${name}.${hint} Type /help for the list.`,
    );
  },
});

/** Autocomplete source for command names (used by `/help command:`). */
export async function completeCommandName(query: string, ctx: CommandContext) {
  const q = query.toLowerCase();
  return ctx.registry
    .list()
    .filter((c) => c.name.includes(q))
    .map((c) => ({ name: `/${c.name}: ${c.description}`.slice(0, 100), value: c.name }));
}
