import {
  type APIApplicationCommand,
  ApplicationCommandType,
  type REST,
  type RESTPostAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';

/** What `imgbot deploy-commands` changed, by command name. */
export interface DeployReport {
  readonly scope: string;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
  /** False when nothing differed, so nothing was sent. */
  readonly sent: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The fields we set, in a canonical form: Discord answers with extra fields
 * (ids, versions, `nsfw: false`, `required: false`...) that must not count as changes.
 */
function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return (value ?? null) as Json;
  const src = value as Record<string, unknown>;
  const keep = [
    'type',
    'name',
    'description',
    'options',
    'choices',
    'value',
    'required',
    'autocomplete',
    'min_value',
    'max_value',
    'min_length',
    'max_length',
    'channel_types',
    'default_member_permissions',
  ];
  const out: Record<string, Json> = {};
  for (const key of keep) {
    const v = src[key];
    if (v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0))
      continue;
    out[key] = canonical(v);
  }
  return out;
}

function key(c: { name: string; type?: number }): string {
  return `${c.type ?? ApplicationCommandType.ChatInput}:${c.name}`;
}

function label(c: { name: string; type?: number }): string {
  return (c.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput
    ? `/${c.name}`
    : c.name;
}

/** Compares the generated commands with what Discord has now. */
export function diffCommands(
  current: readonly Pick<APIApplicationCommand, 'name' | 'type'>[],
  wanted: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Omit<DeployReport, 'scope' | 'sent'> {
  const now = new Map(current.map((c) => [key(c), c]));
  const added: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const w of wanted) {
    const old = now.get(key(w));
    const normalized = { type: ApplicationCommandType.ChatInput, ...w };
    if (!old) added.push(label(w));
    else if (JSON.stringify(canonical(old)) !== JSON.stringify(canonical(normalized))) changed.push(label(w));
    else unchanged.push(label(w));
  }
  const wantedKeys = new Set(wanted.map(key));
  const removed = current.filter((c) => !wantedKeys.has(key(c))).map(label);
  return { added, changed, removed, unchanged };
}

/**
 * Registers the commands in one guild (instant; for development) or globally
 * (production). Reads what is registered first, and sends the full list with
 * one bulk overwrite only when something differs.
 */
export async function deployCommands(
  rest: REST,
  applicationId: string,
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[],
  guildId?: string,
): Promise<DeployReport> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const current = (await rest.get(route)) as APIApplicationCommand[];
  const diff = diffCommands(current, commands);
  const dirty = diff.added.length + diff.changed.length + diff.removed.length > 0;
  if (dirty) await rest.put(route, { body: commands });
  return { ...diff, scope: guildId ? `guild ${guildId}` : 'global', sent: dirty };
}

/** The report as the CLI prints it. */
export function formatDeployReport(r: DeployReport): string {
  const lines = [`Discord commands (${r.scope}):`];
  const list = (what: string, names: readonly string[]) => {
    if (names.length > 0) lines.push(`  ${what} (${names.length}): ${names.join(', ')}`);
  };
  list('added', r.added);
  list('changed', r.changed);
  list('removed', r.removed);
  lines.push(`  unchanged: ${r.unchanged.length}`);
  if (!r.sent) lines.push('  Nothing to change; nothing sent.');
  else if (r.scope === 'global')
    lines.push('  Global commands can take up to an hour to appear in every server.');
  return lines.join('\n');
}
