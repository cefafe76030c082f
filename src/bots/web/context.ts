import type { Context } from 'hono';
import { buildContext, type InvocationEnv } from '../../core/commands/dispatch.ts';
import type { Actor } from '../../core/identity.ts';
import type { SafeHtml } from './html.ts';
import { type Frame, page } from './layout.ts';
import type { WebMembership, WebSession } from './session.port.ts';
import type { WebDeps } from './web-deps.ts';

/** Per-request values set by the middleware in web-app.ts. */
export interface WebVars {
  readonly deps: WebDeps;
  readonly sid: string;
  readonly csrf: string;
  readonly session: WebSession | undefined;
  /** The parsed form of a POST (checked for its CSRF token already). */
  readonly form: Record<string, string | File | (string | File)[]>;
}

export type WebEnv = { Variables: WebVars };
export type WebContext = Context<WebEnv>;

/** The actor a signed-in person is in one community, or undefined when not a member. */
export function actorIn(session: WebSession | undefined, communityId: string): Actor | undefined {
  const m = session?.memberships.find((x) => x.communityId === communityId);
  if (!session || !m) return undefined;
  return {
    userId: session.userId,
    communityId,
    displayName: session.displayName,
    platformAdmin: m.platformAdmin,
    roleIds: m.roleIds,
  };
}

/** A visitor reading a public board: a member of nothing, moderator of nothing. */
export function guestActor(communityId: string): Actor {
  return { userId: 'web:guest', communityId, displayName: 'guest', platformAdmin: false, roleIds: [] };
}

/** The invocation env of the core for this actor. */
export function envFor(c: WebContext, actor: Actor): InvocationEnv {
  return { ...c.var.deps.core, actor };
}

/** The community a personal or moderator page is about: `?c=` when a member of it, else the first one. */
export function currentMembership(c: WebContext): WebMembership | undefined {
  const session = c.var.session;
  const wanted = c.req.query('c');
  return session?.memberships.find((m) => m.communityId === wanted) ?? session?.memberships[0];
}

/** True when the core's policy says this actor moderates its community. */
export async function moderates(c: WebContext, actor: Actor): Promise<boolean> {
  return (await buildContext(envFor(c, actor))).isModerator;
}

/** True when the signed-in person moderates any of their communities (for the navigation). */
export async function moderatesAny(c: WebContext): Promise<boolean> {
  const session = c.var.session;
  if (!session) return false;
  for (const m of session.memberships) {
    const actor = actorIn(session, m.communityId);
    if (actor && (await moderates(c, actor))) return true;
  }
  return false;
}

/** The URL path of a community's board. */
export function boardPath(communityId: string): string {
  return `/c/${encodeURIComponent(communityId)}/listings`;
}

/** The path and query of this request (for `back` and `next=`). */
export function here(c: WebContext): string {
  const u = new URL(c.req.url);
  return `${u.pathname}${u.search}`;
}

/** Renders a full page with the navigation for this visitor. */
export async function respond(
  c: WebContext,
  title: string,
  body: SafeHtml,
  opts: {
    status?: 200 | 400 | 403 | 404 | 429;
    community?: string;
    /** Already known (a page that built the core context); saves the lookup for the navigation. */
    moderator?: boolean;
  } = {},
): Promise<Response> {
  const session = c.var.session;
  const community = opts.community ?? session?.memberships[0]?.communityId;
  const frame: Frame = {
    title,
    csrf: c.var.csrf,
    who: session?.displayName,
    moderator: opts.moderator ?? (await moderatesAny(c)),
    boardPath: community ? boardPath(community) : undefined,
    path: here(c),
  };
  return c.html(page(frame, body).value, opts.status ?? 200);
}

/** A form field as one string ('' when absent or a file). */
export function field(c: WebContext, name: string): string {
  const v = c.var.form?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : '';
}

/** A form field that may repeat (checkboxes), strings only. */
export function fields(c: WebContext, name: string): string[] {
  const v = c.var.form?.[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string');
}
