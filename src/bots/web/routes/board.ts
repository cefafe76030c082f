import type { Hono } from 'hono';
import type { CommandContext } from '../../../core/commands/command.ts';
import { buildContext, runCommand } from '../../../core/commands/dispatch.ts';
import { validateOptions } from '../../../core/commands/validate-options.ts';
import { LISTING_TYPES } from '../../../core/opportunities/listing.ts';
import { runSearch, type SearchInput, toFilters } from '../../../core/opportunities/search-listings.ts';
import { LOOSENABLE } from '../../../core/opportunities/search-query.ts';
import { PAGE_ACTION } from '../../../core/opportunities/search-reply.ts';
import { errorReply, type Reply } from '../../../core/reply.ts';
import { boardReader } from '../board-access.ts';
import { boardPath, envFor, here, respond, type WebContext, type WebEnv } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderReply } from '../render-reply.ts';

/**
 * The query parameters of the board: the listing type plus the filters of /opportunities.
 * `eligible` is left out: it needs the member's /profile, which a board visitor may not have.
 */
const FILTER_KEYS = ['type', ...LOOSENABLE.filter((key) => key !== 'eligible')] as const;
// why: a board deeper than 1,000 pages is a crawler, not a member
const MAX_PAGE = 1000;
const SEARCH_COMMAND = 'opportunities';

function filtersFrom(c: WebContext): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = c.req.query(key)?.trim();
    if (v) raw[key] = v;
  }
  return raw;
}

function queryString(raw: Record<string, string>, page: number): string {
  const q = new URLSearchParams(raw);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function select(
  name: string,
  label: string,
  value: string | undefined,
  options: readonly [string, string][],
): SafeHtml {
  return html`<label>${label}<select name="${name}">${options.map(
    ([v, text]) => html`<option value="${v}"${v === (value ?? '') ? html` selected` : ''}>${text}</option>`,
  )}</select></label>`;
}

function filterForm(raw: Record<string, string>): SafeHtml {
  const text = (name: string, label: string, example: string) =>
    html`<label>${label}<input name="${name}" value="${raw[name] ?? ''}" placeholder="${example}"></label>`;
  const yes = (name: string, label: string) =>
    html`<label class="check"><input type="checkbox" name="${name}" value="yes"${raw[name] ? html` checked` : ''}> ${label}</label>`;
  return html`<form class="filters" method="get" role="search" aria-label="Filter listings">
${text('q', 'Words', 'heart failure')}
${text('specialty', 'Specialty', 'cardiology')}
${text('state', 'State', 'NY')}
${text('city', 'City', 'Boston')}
${select('type', 'Type', raw.type, [['', 'any type'], ...LISTING_TYPES.map((t): [string, string] => [t, t])])}
${select('hands_on', 'Patient contact', raw.hands_on, [
  ['', 'either'],
  ['yes', 'hands-on'],
  ['no', 'observational'],
])}
${text('max_fee', 'Highest fee (USD)', '1500')}
${yes('free', 'free only')}
${yes('no_usmle', 'no USMLE needed')}
${yes('lor', 'letter possible')}
<button type="submit">Search</button>
</form>`;
}

/** Runs the search the way /opportunities does, at the page the URL asks for. */
async function search(
  c: WebContext,
  raw: Record<string, string>,
  pageNo: number,
  ctx: CommandContext,
): Promise<Reply> {
  const command = ctx.registry.find(SEARCH_COMMAND);
  if (!command) return errorReply('WEB.NO_SEARCH', 'Search is not available.');
  const values = validateOptions(command, raw);
  if (!values.ok) return errorReply(values.code, values.message);
  const filters = toFilters(SEARCH_COMMAND, values.value as SearchInput);
  if (!filters.ok) return errorReply(filters.code, filters.message);
  try {
    return await runSearch(filters.value, pageNo, ctx);
  } catch (err) {
    c.var.deps.core.deps.logger.error({ err }, 'web search failed');
    return errorReply('INTERNAL', 'The search failed on our side. Please try again.');
  }
}

function pager(reply: Reply, raw: Record<string, string>, pageNo: number, path: string): SafeHtml {
  const hasNext = reply.actions.some((a) => a.action === PAGE_ACTION && a.payload.endsWith(`.${pageNo + 1}`));
  if (pageNo <= 1 && !hasNext) return html``;
  return html`<nav class="pager" aria-label="Pages">
${pageNo > 1 ? html`<a rel="prev" href="${path}${queryString(raw, pageNo - 1)}">Previous page</a>` : ''}
${hasNext ? html`<a rel="next" href="${path}${queryString(raw, pageNo + 1)}">Next page</a>` : ''}
</nav>`;
}

/** `/c/<community>/listings` (the board) and `/c/<community>/listings/<id>` (one listing). */
export function registerBoardRoutes(app: Hono<WebEnv>): void {
  app.get('/c/:community/listings', async (c) => {
    const community = c.req.param('community');
    const reader = await boardReader(c, community);
    if (reader instanceof Response) return reader;
    const raw = filtersFrom(c);
    const pageParam = Number(c.req.query('page') ?? '1');
    const pageNo = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= MAX_PAGE ? pageParam : 1;
    const ctx = await buildContext(envFor(c, reader));
    const reply = await search(c, raw, pageNo, ctx);
    const path = boardPath(community);
    const body = html`${filterForm(raw)}
${renderReply(reply, {
  csrf: c.var.csrf,
  back: here(c),
  signedIn: Boolean(c.var.session),
  showAction: () => false,
  recordLink: (r) => `${path}/${encodeURIComponent(r.id)}`,
})}
${pager(reply, raw, pageNo, path)}`;
    return respond(c, 'Listings', body, {
      community,
      status: reply.error ? 400 : 200,
      moderator: ctx.isModerator,
    });
  });

  app.get('/c/:community/listings/:id', async (c) => {
    const community = c.req.param('community');
    const reader = await boardReader(c, community);
    if (reader instanceof Response) return reader;
    const reply = await runCommand('opportunity', { id: c.req.param('id') }, envFor(c, reader));
    const body = html`<p><a href="${boardPath(community)}">Back to the listings</a></p>
${renderReply(reply, { csrf: c.var.csrf, back: here(c), signedIn: Boolean(c.var.session), community, hideTitle: true })}`;
    return respond(c, reply.error ? 'Listing not found' : (reply.title ?? 'Listing'), body, {
      community,
      status: reply.error ? 404 : 200,
    });
  });
}
