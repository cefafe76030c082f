import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
} from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import type { InvocationEnv } from '../../../core/commands/dispatch.ts';
import type { Registry } from '../../../core/commands/registry.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import type { CoreDeps } from '../../../core/deps.ts';
import type { CoreLogger } from '../../../core/ports/logger.port.ts';
import type { CustomIdCodec } from '../custom-id.ts';
import { actorFromInteraction } from '../discord-actor.ts';
import type { PendingForms } from './pending-forms.ts';

/** What every handler of the router needs. */
export interface RouterContext {
  readonly deps: CoreDeps;
  readonly registry: Registry;
  readonly codec: CustomIdCodec;
  readonly logger: CoreLogger;
  readonly pendingForms: PendingForms;
  /** Autocomplete answers after this long are replaced by an empty list (Discord waits 3 s). */
  readonly autocompleteBudgetMs: number;
  /** A reply ready within this long goes in the initial response; later ones are deferred, then edited in. */
  readonly answerBudgetMs: number;
}

/** The core invocation for this interaction's member. */
export function envFor(interaction: Interaction, ctx: RouterContext): InvocationEnv {
  return { actor: actorFromInteraction(interaction), deps: ctx.deps, registry: ctx.registry };
}

/** The core command name (`track add` for subcommand `add` of `track`) and its options. */
export function commandPath(interaction: ChatInputCommandInteraction | AutocompleteInteraction): {
  name: string;
  options: readonly CommandInteractionOption[];
} {
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  return sub
    ? { name: `${interaction.commandName} ${sub.name}`, options: sub.options ?? [] }
    : { name: interaction.commandName, options: interaction.options.data };
}

/** Typed raw values as Discord sent them (role/channel options carry the id). */
export function rawOptions(options: readonly CommandInteractionOption[], skip?: string): RawOptions {
  const raw: RawOptions = {};
  for (const o of options) {
    if (o.value !== undefined && o.value !== null && o.name !== skip) raw[o.name] = o.value;
  }
  return raw;
}
