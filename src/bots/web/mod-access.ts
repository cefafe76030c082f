import type { Actor } from '../../core/identity.ts';
import { actorIn, field, moderates, respond, type WebContext } from './context.ts';
import { html } from './html.ts';
import { toSignIn } from './sign-in.ts';

/**
 * The moderator a `/mod/` page acts as, by the core's policy in the chosen
 * community (`c` in the query or form, else the first community they
 * moderate). A stranger is sent to sign in; a member who does not moderate
 * gets 403 and nothing runs.
 */
export async function moderatorActor(c: WebContext): Promise<Actor | Response> {
  const session = c.var.session;
  if (!session) return toSignIn(c, c.req.method === 'GET' ? undefined : '/mod');
  const wanted = c.req.query('c') || field(c, 'c');
  const candidates = wanted ? [wanted] : session.memberships.map((m) => m.communityId);
  for (const community of candidates) {
    const actor = actorIn(session, community);
    if (actor && (await moderates(c, actor))) return actor;
  }
  return respond(
    c,
    'Moderators only',
    html`<p role="alert">This page is for the moderators of the community. Nothing was changed.</p>`,
    { status: 403 },
  );
}

/** The `c=` query of a community, to keep links and forms in it. */
export function inCommunity(path: string, community: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}c=${encodeURIComponent(community)}`;
}
