import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandGroup } from '../../core/commands/command.ts';
import type { AnyOptionDef } from '../../core/commands/options.ts';
import type { Registry } from '../../core/commands/registry.ts';
import { clip, LIMITS } from './render/clip.ts';

/** Moderator commands are hidden from members who lack Manage Server (the core still checks). */
const MODERATOR_PERMISSIONS = PermissionFlagsBits.ManageGuild.toString();

const PARENT_TITLES: Record<CommandGroup, string> = {
  opportunities: 'Opportunities',
  faq: 'Questions and answers',
  reminders: 'Reminders',
  tracker: 'Application tracker',
  moderation: 'Moderation',
  account: 'Your settings and data',
  general: 'General',
};

/** Choice lists longer than Discord's 25 are offered through autocomplete instead. */
export function choicesAsAutocomplete(def: AnyOptionDef): boolean {
  return def.autocomplete === undefined && (def.choices?.length ?? 0) > LIMITS.choices;
}

function optionJson(name: string, def: AnyOptionDef, required: boolean): APIApplicationCommandBasicOption {
  const base = { name, description: clip(def.description, LIMITS.optionDescription), required };
  switch (def.kind) {
    case 'integer':
    case 'number':
      return {
        ...base,
        type:
          def.kind === 'integer' ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
        ...(def.min !== undefined ? { min_value: def.min } : {}),
        ...(def.max !== undefined ? { max_value: def.max } : {}),
        ...(def.autocomplete ? { autocomplete: true } : {}),
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'role':
      return { ...base, type: ApplicationCommandOptionType.Role };
    case 'channel':
      return {
        ...base,
        type: ApplicationCommandOptionType.Channel,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      };
    case 'string': {
      const choices =
        def.choices && !choicesAsAutocomplete(def) && !def.autocomplete ? def.choices : undefined;
      const autocomplete = Boolean(def.autocomplete) || choicesAsAutocomplete(def);
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(def.maxLength !== undefined && !choices ? { max_length: Math.min(def.maxLength, 6_000) } : {}),
        ...(choices ? { choices: choices.map((c) => ({ name: clip(c, LIMITS.choiceName), value: c })) } : {}),
        ...(autocomplete ? { autocomplete: true as const } : {}),
      } as APIApplicationCommandBasicOption;
    }
  }
}

/**
 * A command's options in Discord's order (required first, as Discord demands).
 * Form inputs are optional here: when one is missing the adapter opens the form.
 */
export function optionsJson(command: Command): APIApplicationCommandBasicOption[] {
  const formInputs = new Set(command.form?.inputs ?? []);
  const entries = Object.entries(command.options).map(([name, def]) => ({
    name,
    def,
    required: def.required && !formInputs.has(name),
  }));
  if (entries.length > LIMITS.options) {
    throw new Error(`/${command.name} has ${entries.length} options; Discord allows ${LIMITS.options}.`);
  }
  const ordered = [...entries.filter((e) => e.required), ...entries.filter((e) => !e.required)];
  return ordered.map((e) => optionJson(e.name, e.def, e.required));
}

function permissions(commands: readonly Command[]) {
  return commands.every((c) => c.permission === 'moderator')
    ? { default_member_permissions: MODERATOR_PERMISSIONS }
    : {};
}

function chatInputJson(name: string, registry: Registry): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const subs = registry.subcommandsOf(name);
  const plain = registry.find(name);
  if (subs.length === 0 && plain) {
    return {
      type: ApplicationCommandType.ChatInput,
      name,
      description: clip(plain.description, LIMITS.optionDescription),
      options: optionsJson(plain),
      ...permissions([plain]),
    };
  }
  if (plain) throw new Error(`/${name} is both a command and the parent of subcommands; Discord allows one.`);
  if (subs.length > LIMITS.options)
    throw new Error(`/${name} has ${subs.length} subcommands; Discord allows 25.`);
  const options: APIApplicationCommandOption[] = subs.map(
    (sub): APIApplicationCommandSubcommandOption => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: sub.name.slice(name.length + 1),
      description: clip(sub.description, LIMITS.optionDescription),
      options: optionsJson(sub),
    }),
  );
  const group = subs[0]?.group ?? 'general';
  const names = subs.map((s) => s.name.slice(name.length + 1)).join(', ');
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: clip(`${PARENT_TITLES[group]}: ${names}`, LIMITS.optionDescription),
    options,
    ...permissions(subs),
  };
}

/**
 * Discord's command JSON generated from the core registry: one chat-input
 * command per top-level name (`track add` becomes subcommand `add` of
 * `track`), plus one message context-menu command per core message action
 * (its label is the name members see under Apps).
 */
export function buildCommandsJson(registry: Registry): RESTPostAPIApplicationCommandsJSONBody[] {
  const commands: RESTPostAPIApplicationCommandsJSONBody[] = registry
    .topLevelNames()
    .map((name) => chatInputJson(name, registry));
  for (const action of registry.messageActions()) {
    commands.push({ type: ApplicationCommandType.Message, name: action.label });
  }
  return commands;
}
