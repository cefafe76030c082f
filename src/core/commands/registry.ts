import type { ActionDef, Command, CommandContext, CommandRegistryView } from './command.ts';
import type { AutocompleteChoice } from './options.ts';

/** An autocomplete source, named by options' `autocomplete` field. */
export type Autocompleter = (query: string, ctx: CommandContext) => Promise<readonly AutocompleteChoice[]>;

export interface RegistryParts {
  readonly commands: readonly Command[];
  readonly actions: readonly ActionDef[];
  readonly autocompleters: Readonly<Record<string, Autocompleter>>;
}

// Discord's rules for names (the strictest of our platforms).
const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const MAX_DESCRIPTION = 100;

/** The commands, actions and autocomplete sources, checked once at start-up. */
export class Registry implements CommandRegistryView {
  private readonly byName = new Map<string, Command>();
  private readonly actionsById = new Map<string, ActionDef>();
  readonly autocompleters: Readonly<Record<string, Autocompleter>>;

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
