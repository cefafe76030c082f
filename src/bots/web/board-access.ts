import type { Actor } from '../../core/identity.ts';
import { actorIn, guestActor, respond, type WebContext } from './context.ts';
import { html } from './html.ts';
import { toSignIn } from './sign-in.ts';

/** Community ids as they appear in URLs: `discord:<guild>`, `slack:<team>`, `shell:local`. */
const COMMUNITY_ID = /^(discord|slack|shell):[A-Za-z0-9_.-]{1,64}$/;

/**
 * Who reads a community's board: its member, or anyone when a moderator
 * turned the public board on (`/setup public_board:on`). A visitor is sent to
 * sign in; a signed-in non-member gets 403.
 */
export async function boardReader(c: WebContext, community: string): Promise<Actor | Response> {
  if (!COMMUNITY_ID.test(community)) {
    return respond(c, 'Not found', html`<p>There is no community "${community}".</p>`, { status: 404 });
  }
  const member = actorIn(c.var.session, community);
  if (member) return member;
  const settings = await c.var.deps.core.deps.userSettings.getCommunity(community);
  if (settings.publicBoard) return guestActor(community);
  if (!c.var.session) return toSignIn(c);
  return respond(
    c,
    'Members only',
    html`<p>The listings of this community are for its members. Sign in with an account of that community.</p>`,
    { status: 403 },
  );
}
