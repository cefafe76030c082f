import type { Hono } from 'hono';
import { runAction, runCommand } from '../../../core/commands/dispatch.ts';
import { APPROVE_ACTION, DISMISS_REPORT_ACTION } from '../../../core/moderation/review-actions.ts';
import type { Reply } from '../../../core/reply.ts';
import { boardPath, envFor, field, fields, here, respond, type WebEnv } from '../context.ts';
import { html, join } from '../html.ts';
import { inCommunity, moderatorActor } from '../mod-access.ts';
import { actionForm, renderReply } from '../render-reply.ts';
import { registerImportRoutes } from './mod-import.ts';
import { registerListingTableRoutes } from './mod-listings.ts';

// why: one screen of decisions; the review command shows the oldest first
const AUDIT_ENTRIES = 25;

/** Moderator pages: index, review queue (bulk approve/reject), audit log, listings, import/export. */
export function registerModRoutes(app: Hono<WebEnv>): void {
  app.get('/mod', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const at = (p: string) => inCommunity(p, actor.communityId);
    return respond(
      c,
      'Moderation',
      html`<ul>
<li><a href="${at('/mod/review')}">Review queue</a>: suggestions, flagged listings, reports</li>
<li><a href="${at('/mod/listings')}">Listings</a>: withdraw, verify</li>
<li><a href="${at('/mod/import')}">Import</a> a CSV or JSON file (with a preview), or <a href="${at('/mod/export?format=csv')}">export CSV</a> / <a href="${at('/mod/export?format=json')}">JSON</a></li>
<li><a href="${at('/mod/audit')}">Audit log</a></li>
</ul>`,
      { community: actor.communityId },
    );
  });

  app.get('/mod/review', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const community = actor.communityId;
    const reply = await runCommand('review', {}, envFor(c, actor));
    const approvable = new Set(
      reply.actions.filter((a) => a.action === APPROVE_ACTION).map((a) => a.payload),
    );
    const opts = { csrf: c.var.csrf, back: here(c), signedIn: true, community };
    const reports = reply.actions.filter((a) => a.action === DISMISS_REPORT_ACTION);
    const body = html`<form method="post" action="/mod/review">
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="c" value="${community}">
${renderReply(reply, {
  ...opts,
  hideTitle: true,
  showAction: () => false,
  select: { name: 'ids', when: (r) => approvable.has(r.id) },
  recordLink: (r) =>
    approvable.has(r.id) ? `${boardPath(community)}/${encodeURIComponent(r.id)}` : undefined,
})}
${
  approvable.size > 0
    ? html`<fieldset class="stack"><legend>Decide on the selected listings</legend>
<button type="submit" name="decision" value="approve">Approve selected</button>
<label>Reason for rejecting (the member sees it)<input name="reason" placeholder="no verifiable institution"></label>
<button type="submit" name="decision" value="reject" class="danger">Reject selected</button>
</fieldset>`
    : ''
}
</form>
${reports.length > 0 ? html`<h2>Reports</h2><div class="actions">${reports.map((a) => actionForm(a, opts))}</div>` : ''}`;
    return respond(c, 'Review queue', body, { community });
  });

  app.post('/mod/review', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const env = envFor(c, actor);
    const ids = fields(c, 'ids');
    const decision = field(c, 'decision');
    const results: Reply[] = [];
    for (const id of ids) {
      results.push(
        decision === 'reject'
          ? await runCommand('reject', { id, reason: field(c, 'reason') || undefined }, env)
          : await runAction(APPROVE_ACTION, id, env),
      );
    }
    const back = inCommunity('/mod/review', actor.communityId);
    const opts = {
      csrf: c.var.csrf,
      back,
      signedIn: true,
      community: actor.communityId,
      showAction: () => false,
    };
    const body =
      results.length === 0
        ? html`<p role="alert">Select at least one listing first.</p>`
        : join(results.map((r) => renderReply(r, opts)));
    return respond(
      c,
      decision === 'reject' ? 'Rejected' : 'Approved',
      html`${body}<p><a href="${back}">Back to the review queue</a></p>`,
      {
        community: actor.communityId,
        status: results.length === 0 ? 400 : 200,
      },
    );
  });

  app.get('/mod/audit', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const reply = await runCommand('audit', { limit: AUDIT_ENTRIES }, envFor(c, actor));
    return respond(
      c,
      'Audit log',
      renderReply(reply, { csrf: c.var.csrf, back: here(c), signedIn: true, hideTitle: true }),
      { community: actor.communityId },
    );
  });

  registerListingTableRoutes(app);
  registerImportRoutes(app);
}
