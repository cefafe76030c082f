import type { Command } from '../../core/commands/command.ts';
import type { Registry } from '../../core/commands/registry.ts';
import { EVENTS_PATH } from './http-receiver.ts';
import { SLACK_BUILTIN_COMMANDS } from './slack-names.ts';
import { UMBRELLA_COMMAND } from './slack-text.ts';

/**
 * Least privilege: each bot scope and why it is needed.
 * - chat:write: answers, DMs (posting to a user id opens the app's DM; no im:write) and announcements;
 * - commands: slash commands and the message shortcut;
 * - im:history: receive `message.im`, the questions members DM the app;
 * - usergroups:read: is this member in the community's moderator user group;
 * - users:read: workspace admin/owner flags and the member's time zone.
 * views.open/publish and chat.getPermalink need no scope.
 */
export const BOT_SCOPES: readonly string[] = [
  'chat:write',
  'commands',
  'im:history',
  'usergroups:read',
  'users:read',
];

/**
 * Events: the Home tab, DMs to the app (FAQ questions), and uninstall/revoke
 * notices so an OAuth install's token is forgotten (these need no scope).
 */
export const BOT_EVENTS: readonly string[] = [
  'app_home_opened',
  'message.im',
  'app_uninstalled',
  'tokens_revoked',
];

const MAX_SLASH_COMMANDS = 50; // why: Slack's limit per app
const MAX_USAGE_HINT = 1000; // why: Slack's limit for usage_hint

export interface SlashCommandManifest {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
  url?: string;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string; always_online: boolean };
    shortcuts: { name: string; type: 'message' | 'global'; callback_id: string; description: string }[];
    slash_commands: SlashCommandManifest[];
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

function usageHint(command: Command, name: string): string | undefined {
  const example = command.examples[0]?.replace(new RegExp(`^/${name}\\s*`), '');
  return example ? example.slice(0, MAX_USAGE_HINT) : undefined;
}

/** One slash command per top-level name; a parent of subcommands lists them (`/track add|list`). */
function slashCommand(name: string, registry: Registry, url: string | undefined): SlashCommandManifest {
  const command = registry.find(name);
  const subs = registry.subcommandsOf(name);
  const description = command
    ? command.description
    : `${subs.map((s) => s.name.split(' ')[1]).join(', ')}: ${subs[0]?.description ?? ''}`.slice(0, 100);
  const hint = command ? usageHint(command, name) : subs.map((s) => s.name.split(' ')[1]).join(' | ');
  return {
    command: `/${name}`,
    description,
    ...(hint ? { usage_hint: hint } : {}),
    // why: with should_escape Slack sends channels, users and user groups as ids (`<#C1|general>`),
    // which the core's channel/role options read; links and entities are decoded by slackTextToPlain.
    should_escape: true,
    ...(url ? { url } : {}),
  };
}

/**
 * The app manifest generated from the core registry, so the Slack app and
 * the code never disagree. Without a URL it is a Socket Mode app (no public
 * endpoint needed); with one, every request URL points at `<url>/slack/events`.
 */
export function buildManifest(registry: Registry, opts: { url?: string } = {}): SlackManifest {
  const base = opts.url?.replace(/\/+$/, '');
  const endpoint = base ? `${base}${EVENTS_PATH}` : undefined;
  const names = registry
    .topLevelNames()
    .filter((n) => !SLACK_BUILTIN_COMMANDS.has(n) && n !== UMBRELLA_COMMAND)
    .slice(0, MAX_SLASH_COMMANDS - 1);
  const umbrella: SlashCommandManifest = {
    command: `/${UMBRELLA_COMMAND}`,
    description: 'Run any imgbot command: /imgbot help lists them all',
    usage_hint: 'help | <command> [options]',
    should_escape: true,
    ...(endpoint ? { url: endpoint } : {}),
  };
  return {
    display_information: {
      name: 'imgbot',
      description: 'Find U.S. clinical experience, remember deadlines, track applications and get answers.',
      background_color: '#1d4f91',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'imgbot', always_online: true },
      // One message shortcut per core message action; its callback_id is the action's id.
      shortcuts: registry.messageActions().map((action) => ({
        name: action.label,
        type: 'message' as const,
        callback_id: action.id,
        description: action.description,
      })),
      slash_commands: [umbrella, ...names.map((n) => slashCommand(n, registry, endpoint))],
    },
    oauth_config: {
      ...(base ? { redirect_urls: [`${base}/slack/oauth_redirect`] } : {}),
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { ...(endpoint ? { request_url: endpoint } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(endpoint ? { request_url: endpoint } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !endpoint,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as the JSON file Slack's "Create from manifest" accepts. */
export function manifestJson(registry: Registry, opts: { url?: string } = {}): string {
  return `${JSON.stringify(buildManifest(registry, opts), null, 2)}\n`;
}
