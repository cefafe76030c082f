/**
 * Default answers of the fake Web API: just enough of Slack's real response
 * shapes for Bolt and imgbot. Tests change answers through FakeSlack's
 * override API (respondOnce / respondAlways) instead of editing these.
 */
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
  FAKE_TEAM_NAME,
} from './identity.ts';

export type JsonObject = Record<string, unknown>;

/** The part of a recorded request the default handlers look at. */
export interface ApiRequest {
  readonly method: string;
  readonly body: JsonObject;
  readonly token: string | undefined;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_bot: boolean;
  deleted: boolean;
}

/** What an OAuth install grants: the workspace, the installing user, the bot token and scopes. */
export interface OAuthGrant {
  readonly teamId: string;
  readonly installer: string;
  readonly botToken: string;
  readonly scopes: string;
}

/** Mutable workspace state shared by the handlers (users, message timestamps). */
export class FakeWorkspace {
  private readonly users = new Map<string, FakeUser>();
  private readonly groups = new Map<string, string[]>();
  private tsCounter = 0;
  private viewCounter = 0;

  /** Adds or patches a user returned by `users.info` (e.g. `{ is_admin: true, tz: 'Asia/Kolkata' }`). */
  setUser(id: string, patch: Partial<Omit<FakeUser, 'id'>> = {}): FakeUser {
    const user = { ...this.getUser(id), ...patch, id };
    this.users.set(id, user);
    return user;
  }

  /**
   * Unknown ids get a plain member in UTC rather than `user_not_found`, so tests
   * need no setup; use an override to simulate a missing user.
   */
  getUser(id: string): FakeUser {
    return (
      this.users.get(id) ?? {
        id,
        name: `user_${id.toLowerCase()}`,
        real_name: `User ${id}`,
        tz: 'UTC',
        tz_label: 'Coordinated Universal Time',
        tz_offset: 0,
        is_admin: false,
        is_owner: false,
        is_primary_owner: false,
        is_bot: false,
        deleted: false,
      }
    );
  }

  /** Sets the members of a user group (`usergroups.users.list`); unknown groups answer `no_such_subteam`. */
  setGroup(id: string, members: readonly string[]): void {
    this.groups.set(id, [...members]);
  }

  groupMembers(id: string): string[] | undefined {
    return this.groups.get(id);
  }

  /**
   * Slack message ids are "seconds.micro" strings and unique per channel; a
   * strictly increasing counter keeps them unique and sortable.
   */
  nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private readonly oauthCodes = new Map<string, OAuthGrant>();

  /** A one-time OAuth code that `oauth.v2.access` exchanges for `grant`. */
  issueOAuthCode(grant: OAuthGrant): string {
    const code = `fake-code-${this.oauthCodes.size + 1}-${grant.teamId}`;
    this.oauthCodes.set(code, grant);
    return code;
  }

  takeOAuthCode(code: string): OAuthGrant | undefined {
    const grant = this.oauthCodes.get(code);
    this.oauthCodes.delete(code);
    return grant;
  }

  nextViewId(): string {
    this.viewCounter += 1;
    return `V0FAKE${String(this.viewCounter).padStart(4, '0')}`;
  }
}

type Handler = (req: ApiRequest, ws: FakeWorkspace) => JsonObject;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const fail = (error: string): JsonObject => ({ ok: false, error });

/**
 * `chat.postMessage` with channel=U123 (a user id) posts into the app's DM
 * with that user, and Slack answers with the DM's `D...` id, not the user id.
 */
const dmChannelFor = (userId: string): string => `D${userId}`;
const resolveChannel = (channel: string): string => (/^[UW]/.test(channel) ? dmChannelFor(channel) : channel);

function botMessage(req: ApiRequest, ts: string): JsonObject {
  const { text, blocks, thread_ts } = req.body;
  return {
    type: 'message',
    text: str(text),
    user: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    app_id: FAKE_APP_ID,
    team: FAKE_TEAM_ID,
    ts,
    ...(blocks !== undefined ? { blocks } : {}),
    ...(thread_ts !== undefined ? { thread_ts } : {}),
  };
}

function viewResult(req: ApiRequest, ws: FakeWorkspace, id: string, type?: string): JsonObject {
  const view = (req.body.view ?? {}) as JsonObject;
  return {
    ok: true,
    view: {
      id,
      team_id: FAKE_TEAM_ID,
      app_id: FAKE_APP_ID,
      bot_id: FAKE_BOT_ID,
      private_metadata: '',
      callback_id: '',
      external_id: str(req.body.external_id),
      state: { values: {} },
      ...view,
      type: type ?? str(view.type, 'modal'),
      // Slack returns a fresh hash on each write; passing a stale one back
      // to views.update yields `hash_conflict`. The fake does not enforce it.
      hash: ws.nextTs(),
    },
  };
}

const handlers: Record<string, Handler> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
    team: FAKE_TEAM_NAME,
    user: 'imgbot',
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    is_enterprise_install: false,
  }),
  'chat.postMessage': (req, ws) => {
    const channel = str(req.body.channel);
    if (!channel) return fail('channel_not_found');
    if (req.body.text === undefined && req.body.blocks === undefined && req.body.attachments === undefined) {
      return fail('no_text');
    }
    const ts = ws.nextTs();
    return { ok: true, channel: resolveChannel(channel), ts, message: botMessage(req, ts) };
  },
  'chat.update': (req) => {
    const channel = str(req.body.channel);
    const ts = str(req.body.ts);
    if (!channel || !ts) return fail('message_not_found');
    return { ok: true, channel, ts, text: str(req.body.text), message: botMessage(req, ts) };
  },
  'chat.postEphemeral': (req, ws) => {
    if (!str(req.body.channel)) return fail('channel_not_found');
    if (!str(req.body.user)) return fail('user_not_in_channel');
    return { ok: true, message_ts: ws.nextTs() };
  },
  'chat.getPermalink': (req) => {
    const channel = str(req.body.channel);
    const ts = str(req.body.message_ts);
    if (!channel || !ts) return fail('message_not_found');
    return {
      ok: true,
      channel,
      permalink: `https://${FAKE_TEAM_DOMAIN}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
    };
  },
  'conversations.open': (req) => {
    const existing = str(req.body.channel);
    if (existing) return { ok: true, channel: { id: existing } };
    const users = str(req.body.users)
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    const [first] = users;
    if (first === undefined) return fail('users_list_not_supplied');
    // One user -> IM (D...), several -> multi-person IM (G... for legacy ids).
    const id = users.length === 1 ? dmChannelFor(first) : `G${users.join('')}`;
    return { ok: true, channel: { id } };
  },
  // trigger_ids expire ~3 s after the interaction (`expired_trigger_id`);
  // the fake accepts any non-empty one.
  'views.open': (req, ws) => {
    if (!str(req.body.trigger_id) && !str(req.body.interactivity_pointer)) return fail('invalid_trigger_id');
    return viewResult(req, ws, ws.nextViewId());
  },
  'views.update': (req, ws) => {
    const id = str(req.body.view_id) || str(req.body.external_id);
    if (!id) return fail('not_found');
    return viewResult(req, ws, str(req.body.view_id, ws.nextViewId()));
  },
  'views.publish': (req, ws) => {
    if (!str(req.body.user_id)) return fail('invalid_arguments');
    return viewResult(req, ws, ws.nextViewId(), 'home');
  },
  // Socket Mode: answered by FakeSocketMode.start (an override); without one the app is not set up for it.
  'apps.connections.open': () => fail('not_allowed_token_type'),
  'usergroups.users.list': (req, ws) => {
    const members = ws.groupMembers(str(req.body.usergroup));
    return members ? { ok: true, users: members } : fail('no_such_subteam');
  },
  /**
   * The OAuth code exchange. Slack authenticates it with the client id and
   * secret (Basic auth or form fields), not a token, so it is answered before
   * the token check; `code` must be one FakeSlack.issueOAuthCode handed out.
   */
  'oauth.v2.access': (req, ws) => {
    const grant = ws.takeOAuthCode(str(req.body.code));
    if (!grant) return fail('invalid_code');
    return {
      ok: true,
      app_id: FAKE_APP_ID,
      authed_user: { id: grant.installer },
      scope: grant.scopes,
      token_type: 'bot',
      access_token: grant.botToken,
      bot_user_id: FAKE_BOT_USER_ID,
      team: { id: grant.teamId, name: `${FAKE_TEAM_NAME} ${grant.teamId}` },
      enterprise: null,
      is_enterprise_install: false,
    };
  },
  'users.info': (req, ws) => {
    const id = str(req.body.user);
    if (!id) return fail('user_not_found');
    return { ok: true, user: { team_id: FAKE_TEAM_ID, ...ws.getUser(id) } };
  },
};

/** Methods the fake implements; everything else answers `unknown_method`. */
export const SUPPORTED_METHODS: readonly string[] = Object.keys(handlers);

/** Default JSON answer for one Web API call (always HTTP 200, as Slack does for API errors). */
export function defaultApiAnswer(req: ApiRequest, ws: FakeWorkspace): JsonObject {
  const handler = handlers[req.method];
  if (handler === undefined) return fail('unknown_method');
  if (req.method === 'oauth.v2.access') return handler(req, ws);
  // No bearer header and no `token` form field -> Slack says not_authed.
  if (req.token === undefined) return fail('not_authed');
  return handler(req, ws);
}
