/**
 * Builders for the request bodies Slack POSTs to an app's Request URL.
 *
 * Encoding matters, because Bolt picks its parser by exact content type:
 * - slash commands: plain form fields (application/x-www-form-urlencoded);
 * - interactivity (block_actions, view_submission, shortcuts): ONE form field
 *   `payload` holding JSON;
 * - Events API (event_callback): a JSON body (application/json).
 * The returned `rawBody` is exactly what must be signed and sent.
 */
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
  FAKE_VERIFICATION_TOKEN,
} from './identity.ts';

export type JsonObject = Record<string, unknown>;
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface EncodedBody {
  readonly rawBody: string;
  readonly contentType: typeof FORM | typeof JSON_TYPE;
}

export interface FakeActor {
  id: string;
  name: string;
}
export const DEFAULT_USER: FakeActor = { id: 'U0MEMBER1', name: 'amina' };
export const DEFAULT_CHANNEL: FakeActor = { id: 'C0GENERAL', name: 'general' };

let seq = 0;
const next = (): number => {
  seq += 1;
  return seq;
};
/** trigger_ids look like "<n>.<n>.<hex>"; Slack accepts them for ~3 s only. */
export const newTriggerId = (): string => `${Date.now()}.${next()}.fake${next().toString(16)}`;
const nowTs = (): string => `${(Date.now() / 1000).toFixed(6)}`;
const team = { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN };
const userObj = (u: FakeActor) => ({ id: u.id, username: u.name, name: u.name, team_id: FAKE_TEAM_ID });

const form = (fields: Record<string, string>): EncodedBody => ({
  rawBody: new URLSearchParams(fields).toString(),
  contentType: FORM,
});
/** Interactivity payloads are JSON wrapped in a single `payload=` form field. */
const payloadForm = (payload: JsonObject): EncodedBody => form({ payload: JSON.stringify(payload) });

export interface SlashCommandInput {
  command: string;
  response_url: string;
  text?: string;
  user?: FakeActor;
  channel?: FakeActor;
  trigger_id?: string;
  /** Workspace the command comes from (default the fake's one; OAuth tests use others). */
  team_id?: string;
}

export function slashCommandBody(input: SlashCommandInput): EncodedBody {
  const user = input.user ?? DEFAULT_USER;
  const channel = input.channel ?? DEFAULT_CHANNEL;
  return form({
    token: FAKE_VERIFICATION_TOKEN,
    team_id: input.team_id ?? FAKE_TEAM_ID,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: user.name,
    command: input.command,
    text: input.text ?? '',
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.response_url,
    trigger_id: input.trigger_id ?? newTriggerId(),
  });
}

export interface ActionInput {
  action_id: string;
  block_id?: string;
  value?: string;
  /** Element type, default "button". */
  type?: string;
}

export interface BlockActionsInput {
  actions: ActionInput[];
  response_url: string;
  user?: FakeActor;
  channel?: FakeActor;
  /** The message carrying the clicked element (defaults to a bot message). */
  message?: JsonObject;
  trigger_id?: string;
}

export function blockActionsBody(input: BlockActionsInput): EncodedBody {
  const channel = input.channel ?? DEFAULT_CHANNEL;
  const message = {
    type: 'message',
    user: FAKE_BOT_USER_ID,
    ts: nowTs(),
    text: 'bot message',
    ...input.message,
  };
  return payloadForm({
    type: 'block_actions',
    user: userObj(input.user ?? DEFAULT_USER),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    trigger_id: input.trigger_id ?? newTriggerId(),
    team,
    enterprise: null,
    is_enterprise_install: false,
    channel,
    message,
    state: { values: {} },
    response_url: input.response_url,
    actions: input.actions.map((a) => ({
      type: a.type ?? 'button',
      action_id: a.action_id,
      block_id: a.block_id ?? `block_${a.action_id}`,
      text: { type: 'plain_text', text: a.action_id, emoji: true },
      ...(a.value !== undefined ? { value: a.value } : {}),
      action_ts: nowTs(),
    })),
  });
}

/**
 * A button pressed on the App Home tab: the payload carries the home view
 * and no channel, message or response_url (answers go by DM or view update).
 */
export function homeBlockActionsBody(input: {
  actions: ActionInput[];
  user?: FakeActor;
  view_id?: string;
}): EncodedBody {
  return payloadForm({
    type: 'block_actions',
    user: userObj(input.user ?? DEFAULT_USER),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    container: { type: 'view', view_id: input.view_id ?? 'V0HOME0001' },
    trigger_id: newTriggerId(),
    team,
    enterprise: null,
    is_enterprise_install: false,
    view: {
      id: input.view_id ?? 'V0HOME0001',
      team_id: FAKE_TEAM_ID,
      type: 'home',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: `${Date.now()}.home`,
      app_id: FAKE_APP_ID,
      bot_id: FAKE_BOT_ID,
    },
    actions: input.actions.map((a) => ({
      type: a.type ?? 'button',
      action_id: a.action_id,
      block_id: a.block_id ?? `block_${a.action_id}`,
      text: { type: 'plain_text', text: a.action_id, emoji: true },
      ...(a.value !== undefined ? { value: a.value } : {}),
      action_ts: nowTs(),
    })),
  });
}

export interface ViewSubmissionInput {
  callback_id: string;
  /** view.state.values: `{ [block_id]: { [action_id]: { type, value | selected_option ... } } }` */
  values: Record<string, Record<string, JsonObject>>;
  private_metadata?: string;
  user?: FakeActor;
  view_id?: string;
}

/**
 * view_submission carries no response_url (only `response_urls` when the modal
 * enabled response_url_enabled), so Bolt's respond() is usually absent here.
 * The HTTP response to the submission IS the modal's answer (errors/update/clear).
 */
export function viewSubmissionBody(input: ViewSubmissionInput): EncodedBody {
  const viewId = input.view_id ?? `V0SUB${next()}`;
  return payloadForm({
    type: 'view_submission',
    team,
    user: userObj(input.user ?? DEFAULT_USER),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: newTriggerId(),
    view: {
      id: viewId,
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: input.callback_id,
      private_metadata: input.private_metadata ?? '',
      blocks: [],
      state: { values: input.values },
      hash: `${Date.now()}.fake`,
      title: { type: 'plain_text', text: 'Modal' },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: FAKE_APP_ID,
      external_id: '',
      bot_id: FAKE_BOT_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

export interface MessageShortcutInput {
  callback_id: string;
  response_url: string;
  message?: JsonObject;
  user?: FakeActor;
  channel?: FakeActor;
}

/** Message shortcut ("..." menu on a message); Slack still calls it type message_action. */
export function messageShortcutBody(input: MessageShortcutInput): EncodedBody {
  const message = { type: 'message', user: DEFAULT_USER.id, ts: nowTs(), text: 'hello', ...input.message };
  return payloadForm({
    type: 'message_action',
    token: FAKE_VERIFICATION_TOKEN,
    action_ts: nowTs(),
    team,
    user: userObj(input.user ?? DEFAULT_USER),
    channel: input.channel ?? DEFAULT_CHANNEL,
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callback_id,
    trigger_id: newTriggerId(),
    response_url: input.response_url,
    message_ts: message.ts,
    message,
  });
}

/** Global shortcut (lightning menu): no channel, no message, no response_url. */
export function globalShortcutBody(input: { callback_id: string; user?: FakeActor }): EncodedBody {
  return payloadForm({
    type: 'shortcut',
    token: FAKE_VERIFICATION_TOKEN,
    action_ts: nowTs(),
    team,
    user: userObj(input.user ?? DEFAULT_USER),
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callback_id,
    trigger_id: newTriggerId(),
  });
}

/** Events API envelope. Slack retries it (X-Slack-Retry-Num) with the SAME event_id. */
export function eventCallbackBody(
  event: JsonObject,
  opts: { event_id?: string; team_id?: string } = {},
): EncodedBody {
  const teamId = opts.team_id ?? FAKE_TEAM_ID;
  const body = {
    token: FAKE_VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: FAKE_APP_ID,
    event: { event_ts: nowTs(), ...event },
    type: 'event_callback',
    event_id: opts.event_id ?? `Ev0FAKE${next()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: FAKE_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
  return { rawBody: JSON.stringify(body), contentType: JSON_TYPE };
}

export function appHomeOpenedBody(
  opts: { user?: string; tab?: 'home' | 'messages'; event_id?: string } = {},
): EncodedBody {
  const user = opts.user ?? DEFAULT_USER.id;
  const event = { type: 'app_home_opened', user, channel: `D${user}`, tab: opts.tab ?? 'home' };
  return eventCallbackBody(event, opts.event_id !== undefined ? { event_id: opts.event_id } : {});
}
