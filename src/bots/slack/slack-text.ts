import type { Command } from '../../core/commands/command.ts';
import { tokenizeArguments } from '../../core/commands/parse-line.ts';
import type { Registry } from '../../core/commands/registry.ts';
import { tokensToOptions } from '../../core/commands/resolve-options.ts';
import { formFor, type SlackForm } from './forms.ts';

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
  /**
   * A command asked through a modal: typed without options, or without a
   * required one. `given` holds what was typed (prefilled, or carried along
   * when the modal has no input for it).
   */
  | {
      readonly kind: 'form';
      /** The command as typed, run instead when the modal cannot be opened. */
      readonly line: string;
      readonly command: Command;
      readonly form: SlackForm;
      readonly given: Readonly<Record<string, string>>;
    };

/** Finds the command a slash invocation names (`/track add …` is the subcommand `track add`). */
function resolveCommand(
  name: string,
  text: string,
  registry: Registry,
): { command: Command; rest: string } | undefined {
  const split = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const first = split?.[1]?.toLowerCase();
  const sub = first ? registry.find(`${name} ${first}`) : undefined;
  if (sub && registry.subcommandsOf(name).length > 0) return { command: sub, rest: split?.[2] ?? '' };
  const command = registry.find(name);
  return command ? { command, rest: text } : undefined;
}

/** The options typed after a form command, when they parse and a required one is still missing. */
function missingRequired(command: Command, rest: string): Record<string, string> | undefined {
  const tokens = tokenizeArguments(rest);
  if (!tokens.ok) return undefined;
  const raw = tokensToOptions(command, tokens.value);
  if (!raw.ok) return undefined;
  const given = Object.fromEntries(Object.entries(raw.value).map(([k, v]) => [k, String(v)]));
  const missing = Object.entries(command.options).some(
    ([key, def]) => def.required && given[key] === undefined,
  );
  return missing ? given : undefined;
}

/**
 * Turns `/name text` into what to run. `/imgbot` alone and `/imgbot help`
 * list everything; `/imgbot <command> ...` routes to any command. A command
 * with a form opens its modal when typed without options or without a
 * required one (prefilled with what was typed); complete options run as
 * typed, so power users skip the modal. Text that does not parse goes to the
 * core, which explains the problem in its own words.
 */
export function routeSlashCommand(slashName: string, rawText: string, registry: Registry): SlashRoute {
  let name = slashName.replace(/^\//, '').toLowerCase();
  let text = slackTextToPlain(rawText);
  if (name === UMBRELLA_COMMAND) {
    const split = /^(\S+)\s*([\s\S]*)$/.exec(text);
    name = (split?.[1] ?? 'help').replace(/^\//, '').toLowerCase();
    text = split?.[2] ?? '';
  }
  const line = text === '' ? `/${name}` : `/${name} ${text}`;
  const found = resolveCommand(name, text, registry);
  const form = found ? formFor(found.command) : undefined;
  if (!found || !form) return { kind: 'line', line };
  const given = found.rest === '' ? {} : missingRequired(found.command, found.rest);
  return given ? { kind: 'form', line, command: found.command, form, given } : { kind: 'line', line };
}
