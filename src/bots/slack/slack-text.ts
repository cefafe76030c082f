import type { Command, FormSpec } from '../../core/commands/command.ts';
import type { Registry } from '../../core/commands/registry.ts';

/** The umbrella command: `/imgbot <command> ...` reaches every command, even those not in the manifest. */
export const UMBRELLA_COMMAND = 'imgbot';

/**
 * Reads the `text` of a slash command as the plain text the core expects.
 * With `should_escape: true` (our manifest) Slack sends mentions as tokens
 * (`<@U1|amina>`, `<#C1|general>`, `<!subteam^S1|@mods>`), links as
 * `<https://x|x>`, and escapes literal `&`, `<`, `>` as entities.
 * - links become the bare URL (so a `link:` option validates);
 * - `<!channel>`/`<!here>`/`<!everyone>` become inert words (`@channel`);
 * - user, channel and user-group tokens stay: the core's channel/role options
 *   read their ids (`/setup mod_role:<!subteam^S1|@mods>`);
 * - entities are decoded last, so a typed `&lt;` is the member's own `<`.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, (_m, url: string) => url.replace(/^mailto:/, ''))
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** What a slash command invocation turns into. */
export type SlashRoute =
  /** A text line for the core's parser (`/observership cardiology NY`). */
  | { readonly kind: 'line'; readonly line: string }
  /** An empty invocation of a command that asks through a modal. */
  | { readonly kind: 'form'; readonly command: Command; readonly form: FormSpec };

/** The core command behind "Remind me about this", and its option that holds what to remind about. */
export const REMIND_COMMAND = 'remind';
export const REMIND_TEXT_OPTION = 'what';

const MAX_INPUTS = 5; // why: FormSpec's own bound (Discord modals); Slack modals stay short and focused too

/**
 * The form a command is asked through in a modal: its declared `form`, or for
 * `/remind` (which the issue wants as a modal too) its options, required first.
 */
export function formFor(command: Command): FormSpec | undefined {
  if (command.form) return command.form;
  if (command.name !== REMIND_COMMAND) return undefined;
  const names = Object.entries(command.options)
    .sort(([, a], [, b]) => Number(b.required) - Number(a.required))
    .map(([name]) => name)
    .slice(0, MAX_INPUTS);
  return names.length > 0 ? { title: 'New reminder', inputs: names } : undefined;
}

/**
 * Turns `/name text` into what to run. `/imgbot` alone and `/imgbot help`
 * list everything; `/imgbot <command> ...` routes to any command. A command
 * with a form, typed without options, opens its modal; with options it runs
 * as typed, so power users skip the modal.
 */
export function routeSlashCommand(slashName: string, rawText: string, registry: Registry): SlashRoute {
  let name = slashName.replace(/^\//, '').toLowerCase();
  let text = slackTextToPlain(rawText);
  if (name === UMBRELLA_COMMAND) {
    const split = /^(\S+)\s*([\s\S]*)$/.exec(text);
    name = (split?.[1] ?? 'help').replace(/^\//, '').toLowerCase();
    text = split?.[2] ?? '';
  }
  const command = registry.find(name);
  const form = command ? formFor(command) : undefined;
  if (command && form && text === '') return { kind: 'form', command, form };
  return { kind: 'line', line: text === '' ? `/${name}` : `/${name} ${text}` };
}
