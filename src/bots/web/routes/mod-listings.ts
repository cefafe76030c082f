import type { Hono } from 'hono';
import { buildContext } from '../../../core/commands/dispatch.ts';
import { listingTablePage } from '../../../core/moderation/listing-table.ts';
import { LISTING_STATUSES, type ListingStatus } from '../../../core/opportunities/listing.ts';
import { deadlineText } from '../../../core/opportunities/listing-format.ts';
import { formatInstant } from '../../../core/opportunities/listing-time.ts';
import { boardPath, envFor, respond, type WebEnv } from '../context.ts';
import { commandForm } from '../forms.ts';
import { html } from '../html.ts';
import { inCommunity, moderatorActor } from '../mod-access.ts';

// why: 50 rows is one comfortable screen of a table and one store read
const PAGE_ROWS = 50;

/** `/mod/listings`: every listing in any status, with verify and withdraw; `?status=` and `?stale=1`. */
export function registerListingTableRoutes(app: Hono<WebEnv>): void {
  app.get('/mod/listings', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const community = actor.communityId;
    const ctx = await buildContext(envFor(c, actor));
    const statusParam = c.req.query('status');
    const status = LISTING_STATUSES.includes(statusParam as ListingStatus)
      ? (statusParam as ListingStatus)
      : undefined;
    const pageParam = Number(c.req.query('page') ?? '1');
    const pageNo = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
    const staleFirst = c.req.query('stale') === '1';
    const table = await listingTablePage(ctx.deps, {
      offset: (pageNo - 1) * PAGE_ROWS,
      count: PAGE_ROWS,
      now: ctx.now,
      ...(status ? { status } : {}),
      staleFirst,
    });
    const link = (params: Record<string, string>) => {
      const q = new URLSearchParams({
        c: community,
        ...(status ? { status } : {}),
        ...(staleFirst ? { stale: '1' } : {}),
        ...params,
      });
      return `/mod/listings?${q}`;
    };
    const rows = table.rows.map(
      ({ listing: l, status: s }) => html`<tr>
<td><a href="${boardPath(community)}/${encodeURIComponent(l.id)}">${l.title}</a><br><code>${l.id}</code></td>
<td>${s}</td>
<td>${deadlineText(l, ctx.now)}</td>
<td>${l.verifiedAt === null ? 'never' : formatInstant(l.verifiedAt, ctx.zone)}</td>
<td>${commandForm(c, { command: 'verify', community, button: 'Verify', fixed: { id: l.id }, style: 'secondary', inline: true })}
${
  s === 'withdrawn'
    ? ''
    : commandForm(c, {
        command: 'withdraw',
        community,
        button: 'Withdraw',
        fixed: { id: l.id },
        inputs: [{ option: 'reason', label: 'Reason', example: 'program closed', required: true }],
        style: 'danger',
        inline: true,
      })
}</td>
</tr>`,
    );
    const body = html`<form class="filters" method="get">
<input type="hidden" name="c" value="${community}">
<label>Status<select name="status"><option value="">any</option>${LISTING_STATUSES.map((st) => html`<option value="${st}"${st === status ? html` selected` : ''}>${st}</option>`)}</select></label>
<label class="check"><input type="checkbox" name="stale" value="1"${staleFirst ? html` checked` : ''}> least recently verified first</label>
<button type="submit">Show</button>
</form>
<p>${table.total} listing${table.total === 1 ? '' : 's'} in all. <a href="${inCommunity('/mod/export?format=csv', community)}">Export CSV</a></p>
<div class="table-wrap"><table>
<caption class="skip">Listings</caption>
<thead><tr><th scope="col">Listing</th><th scope="col">Status</th><th scope="col">Deadline</th><th scope="col">Last verified</th><th scope="col">Actions</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<nav class="pager" aria-label="Pages">
${pageNo > 1 ? html`<a rel="prev" href="${link({ page: String(pageNo - 1) })}">Previous page</a>` : ''}
${table.hasMore ? html`<a rel="next" href="${link({ page: String(pageNo + 1) })}">Next page</a>` : ''}
</nav>`;
    return respond(c, 'Listings (moderators)', body, { community, moderator: true });
  });
}
