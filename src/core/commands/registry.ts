import type { HomeSectionDef } from '../home/home-section.ts';
import { MESSAGE_ACTIONS } from '../message-actions.ts';
import type { ActionDef, Command, CommandContext, CommandRegistryView } from './command.ts';
import { assertValidMessageAction, type MessageActionDef } from './message-action.ts';
import type { AutocompleteChoice } from './options.ts';
import type { QuestionEntry } from './question.ts';

/** An autocomplete source, named by options' `autocomplete` field. */
export type Autocompleter = (query: string, ctx: CommandContext) => Promise<readonly AutocompleteChoice[]>;

export interface RegistryParts {
  readonly commands: readonly Command[];
  readonly actions: readonly ActionDef[];
  readonly autocompleters: Readonly<Record<string, Autocompleter>>;
  /**
   * Actions on a message. Default: the core's MESSAGE_ACTIONS whose command
   * this registry has (so a registry built with its own `/remind`, as tests
   * do, still offers "Remind me about this"). Given ones must all be valid.
   */
  readonly messageActions?: readonly MessageActionDef[];
  /** Where free text goes; without it free text gets `FAQ.UNAVAILABLE`. */
  readonly question?: QuestionEntry;
  /** The sections of a member's overview, in order. */
  readonly homeSections?: readonly HomeSectionDef[];
}

// Discord's rules for names (the strictest of our platforms).
const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const MAX_DESCRIPTION = 100;

/** The commands, actions and autocomplete sources, checked once at start-up. */
export class Registry implements CommandRegistryView {
  private readonly byName = new Map<string, Command>();
  private readonly actionsById = new Map<string, ActionDef>();
  private readonly messageActionsById = new Map<string, MessageActionDef>();
  readonly autocompleters: Readonly<Record<string, Autocompleter>>;
  /** Where free text goes, if anywhere. */
  readonly question: QuestionEntry | undefined;
  /** The overview sections whose command this registry has. */
  readonly homeSections: readonly HomeSectionDef[];

  constructor(parts: RegistryParts) {
    for (const c of parts.commands) {
      assertValidCommand(c, parts.autocompleters);
      if (this.byName.has(c.name)) throw new Error(`Command /${c.name} is defined twice`);
      this.byName.set(c.name, c);
    }
    for (const a of parts.actions) {
      if (this.actionsById.has(a.id)) throw new Error(`Action ${a.id} is defined twice`);
      if (a.id.includes('|')) throw new Error(`Action id ${a.id} must not contain "|"`);
      this.actionsById.set(a.id, a);
    }
    this.autocompleters = parts.autocompleters;
    for (const m of messageActionsOf(parts, (name) => this.find(name))) {
      if (this.messageActionsById.has(m.id)) throw new Error(`Message action ${m.id} is defined twice`);
      this.messageActionsById.set(m.id, m);
    }
    if (parts.question) assertValidQuestion(parts.question, this.find(parts.question.command));
    this.question = parts.question;
    this.homeSections = (parts.homeSections ?? []).filter((s) => this.find(s.command));
  }

  /** Every command, in definition order. */
  list(): readonly Command[] {
    return [...this.byName.values()];
  }

  /** A command by full name (`track add`). */
  find(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Top-level names, including parents of subcommands (`track`). */
  topLevelNames(): string[] {
    return [...new Set(this.list().map((c) => c.name.split(' ')[0] ?? c.name))];
  }

  /** Subcommands of a parent (`track` -> add, list...), empty for a plain command. */
  subcommandsOf(parent: string): Command[] {
    return this.list().filter((c) => c.name.startsWith(`${parent} `));
  }

  action(id: string): ActionDef | undefined {
    return this.actionsById.get(id);
  }

  /** Every message action, in declaration order. */
  messageActions(): readonly MessageActionDef[] {
    return [...this.messageActionsById.values()];
  }

  /** A message action by id (Slack's callback_id). */
  messageAction(id: string): MessageActionDef | undefined {
    return this.messageActionsById.get(id);
  }
}

function messageActionsOf(
  parts: RegistryParts,
  find: (name: string) => Command | undefined,
): readonly MessageActionDef[] {
  if (parts.messageActions) {
    for (const m of parts.messageActions) assertValidMessageAction(m, find(m.command));
    return parts.messageActions;
  }
  // A registry built with its own commands (as tests do) gets each default whose command it has,
  // asking only the options that command has.
  return MESSAGE_ACTIONS.flatMap((m) => {
    const command = find(m.command);
    const fitted = { ...m, ask: m.ask.filter((name) => command?.options[name] !== undefined) };
    try {
      assertValidMessageAction(fitted, command);
      return [fitted];
    } catch {
      return [];
    }
  });
}

function assertValidQuestion(entry: QuestionEntry, command: Command | undefined): void {
  const option = command?.options[entry.option];
  if (option?.kind !== 'string') {
    throw new Error(`Free text goes to /${entry.command} ${entry.option}, which is not a text option`);
  }
}

function assertValidCommand(c: Command, autocompleters: Readonly<Record<string, Autocompleter>>): void {
  const parts = c.name.split(' ');
  if (parts.length > 2 || !parts.every((p) => NAME.test(p))) throw new Error(`Bad command name "${c.name}"`);
  if (c.description.length === 0 || c.description.length > MAX_DESCRIPTION) {
    throw new Error(`/${c.name}: description must be 1-${MAX_DESCRIPTION} characters`);
  }
  for (const [key, opt] of Object.entries(c.options)) {
    if (!NAME.test(key)) throw new Error(`/${c.name}: bad option name "${key}"`);
    if (opt.description.length === 0 || opt.description.length > MAX_DESCRIPTION) {
      throw new Error(`/${c.name} ${key}: description must be 1-${MAX_DESCRIPTION} characters`);
    }
    if (opt.autocomplete && !autocompleters[opt.autocomplete]) {
      throw new Error(`/${c.name} ${key}: unknown autocomplete source ${opt.autocomplete}`);
    }
  }
  if (c.bareWords?.kind === 'rest' && !c.options[c.bareWords.option]) {
    throw new Error(`/${c.name}: bare words go to unknown option ${c.bareWords.option}`);
  }
  if (c.toggle && c.options[c.toggle.option]?.kind !== 'boolean') {
    throw new Error(`/${c.name}: toggle ${c.toggle.option} must be a boolean option`);
  }
  for (const [alias, target] of Object.entries(c.aliases ?? {})) {
    if (!c.options[target] || c.options[alias])
      throw new Error(`/${c.name}: bad alias ${alias} -> ${target}`);
  }
  if (c.form && c.form.inputs.length > 5) throw new Error(`/${c.name}: a form holds at most 5 inputs`);
}
