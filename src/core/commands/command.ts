import type { CoreDeps } from '../deps.ts';
import type { Actor } from '../identity.ts';
import type { Reply } from '../reply.ts';
import type { Failure, Result } from '../result.ts';
import type { OptionsShape, OptionValues } from './options.ts';

/** Who may run a command or press a button. */
export type Permission = 'member' | 'moderator';

/** Groups commands in `/help`. */
export type CommandGroup =
  | 'opportunities'
  | 'faq'
  | 'reminders'
  | 'tracker'
  | 'moderation'
  | 'account'
  | 'general';

/** What a handler gets besides its options. */
export interface CommandContext {
  readonly actor: Actor;
  /** Decided by the core policy (platform admin, or the community's moderator role/users). */
  readonly isModerator: boolean;
  /** The actor's IANA time zone (their setting, else the configured default). */
  readonly zone: string;
  /** The instant the command was received, UTC ms (from the clock port, so tests can fix it). */
  readonly now: number;
  readonly deps: CoreDeps;
  /** The command list, for commands that describe other commands (`/help`). */
  readonly registry: CommandRegistryView;
}

/** Read-only view of the registry handed to handlers. */
export interface CommandRegistryView {
  list(): readonly Command[];
  find(name: string): Command | undefined;
}

/**
 * Bare words typed after a command in a text adapter (shell, Slack), e.g.
 * `/observership cardiology NY hands-on`. A command either joins them into one
 * option (`rest`) or parses them itself (`parse`) into named raw values.
 */
export type BareWords =
  | { readonly kind: 'rest'; readonly option: string }
  /**
   * A `parse` result may carry {@link BARE_WORD_NOTE}: one line saying how a
   * word was read ("Searching cardiology (you typed cardiolgy)"), shown above
   * the command's reply so a guess is never silent.
   */
  | { readonly kind: 'parse'; readonly parse: (words: readonly string[]) => Result<Record<string, string>> };

/** The key under which a bare-word parser hands back its note (never an option name: it has a space). */
export const BARE_WORD_NOTE = 'bare word note';

/** A modal/form the rich adapters may open instead of asking for options inline. */
export interface FormSpec {
  readonly title: string;
  /** Option names shown as inputs (Discord allows at most 5 per modal). */
  readonly inputs: readonly string[];
  /**
   * Checks the options given with the command before the form opens, so a
   * member does not fill in a form only to learn that an option outside it
   * was missing. Gets the raw values as typed (strings, or Discord's values).
   */
  readonly precheck?: (given: Readonly<Record<string, unknown>>) => Failure | undefined;
}

export interface CommandDef<O extends OptionsShape> {
  /** Lowercase name; a space makes a subcommand (`track add`). */
  readonly name: string;
  /** One line, at most 100 characters (Discord's limit). */
  readonly description: string;
  readonly group: CommandGroup;
  readonly permission: Permission;
  readonly options: O;
  /** Full command lines shown in help, e.g. `/observership specialty:cardiology state:NY`. */
  readonly examples: readonly string[];
  readonly bareWords?: BareWords;
  /**
   * The command's on/off switch for text adapters: a bare `on`/`yes` or
   * `off`/`no` sets this boolean option (`/quiet-hours off`,
   * `/deadline-reminders listing:x off`). `onIs` is the option's value for "on".
   */
  readonly toggle?: { readonly option: string; readonly onIs: boolean };
  /** Other names text adapters accept for an option (`id` for `listing`), kept for older habits. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Reply shows personal data: adapters keep it private. */
  readonly personal?: boolean;
  readonly form?: FormSpec;
  readonly handler: (input: OptionValues<O>, ctx: CommandContext) => Promise<Reply>;
}

/** A command with its option types erased, as the registry and adapters hold it. */
export type Command = CommandDef<OptionsShape>;

/** Defines a command; keeps the handler's option types while returning the erased form. */
export function defineCommand<O extends OptionsShape>(def: CommandDef<O>): Command {
  return def as unknown as Command;
}

/** A button handler. Payloads are short opaque strings validated by the handler. */
export interface ActionDef {
  /** Stable id, `<area>.<verb>` (e.g. `listing.page`); no `|` (adapters use it as separator). */
  readonly id: string;
  readonly permission: Permission;
  /** Reply replaces the message the button was on (paging) instead of posting a new one. */
  readonly replacesMessage?: boolean;
  readonly personal?: boolean;
  readonly handler: (payload: string, ctx: CommandContext) => Promise<Reply>;
}
