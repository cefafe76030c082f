import { customAlphabet } from 'nanoid';
import type { CommandContext } from '../commands/command.ts';
import { assessFit, eligibleSearch, fitText } from '../profile/eligibility.ts';
import { hasProfile, type MemberProfile } from '../profile/profile.ts';
import { readProfile } from '../profile/update-profile.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { ok, type Result } from '../result.ts';
import { expireDueListings } from './expire-listings.ts';
import type { ListingPage, ListingSearch, RememberSearch } from './listing.port.ts';
import type { Listing, ListingType } from './listing.ts';
import { cleanLine } from './listing-text.ts';
import {
  activeFilters,
  commandLine,
  describeFilters,
  type FilterName,
  filterOption,
  kindLabel,
  type SearchFilters,
  searchFiltersSchema,
  toStoreSearch,
  withoutFilter,
} from './search-query.ts';
import { PAGE_ACTION, pagePayload, searchReply } from './search-reply.ts';
import { normaliseSpecialty } from './specialties.ts';
import { resolvePlace } from './us-places.ts';
import { normaliseState } from './us-states.ts';

/** Option values of the search commands. */
export interface SearchInput {
  readonly type?: ListingType;
  readonly specialty?: string;
  readonly state?: string;
  readonly city?: string;
  readonly hands_on?: boolean;
  readonly max_fee?: number;
  readonly free?: boolean;
  readonly no_usmle?: boolean;
  readonly no_ecfmg?: boolean;
  readonly lor?: boolean;
  readonly eligible?: boolean;
  readonly deadline_before?: string;
  readonly q?: string;
}

// why: a day covers a member paging through results over a working session; then "run it again"
const SEARCH_TTL_MS = 24 * 60 * 60 * 1000;
// why: 10 characters of 32 symbols: unguessable enough for a non-secret, short inside 100-char custom ids
const newToken = customAlphabet('23456789abcdefghijkmnpqrstuvwxyz', 10);

/** Option values -> normalised filters; an unknown specialty or state fails with suggestions. */
export function toFilters(command: string, input: SearchInput): Result<SearchFilters> {
  let specialty: string | undefined;
  if (input.specialty !== undefined) {
    const hit = normaliseSpecialty(input.specialty);
    if (!hit.ok) return hit;
    specialty = hit.value;
  }
  let state: string | undefined;
  if (input.state !== undefined) {
    const hit = normaliseState(input.state);
    if (!hit.ok) return hit;
    state = hit.value;
  }
  const filters: SearchFilters = {
    command,
    ...(input.type ? { type: input.type } : {}),
    ...(specialty ? { specialty } : {}),
    ...(state ? { state } : {}),
    ...(input.city ? { city: resolvePlace(input.city)?.name ?? cleanLine(input.city) } : {}),
    ...(input.hands_on !== undefined ? { handsOn: input.hands_on } : {}),
    ...(input.max_fee !== undefined ? { maxFee: input.max_fee } : {}),
    ...(input.free ? { free: true } : {}),
    ...(input.no_usmle ? { noUsmle: true } : {}),
    ...(input.no_ecfmg ? { noEcfmg: true } : {}),
    ...(input.lor ? { lor: true } : {}),
    ...(input.eligible ? { eligible: true } : {}),
    ...(input.deadline_before ? { deadlineBefore: input.deadline_before } : {}),
    ...(input.q && cleanLine(input.q) !== '' ? { q: cleanLine(input.q) } : {}),
  };
  return ok(filters);
}

/**
 * The store query of a search: its filters, plus with `eligible` the
 * constraints of the member's profile (see eligibleSearch). `undefined` when
 * they contradict each other.
 */
function storeQuery(
  f: SearchFilters,
  ctx: CommandContext,
  profile: MemberProfile,
): ListingSearch | undefined {
  const query = toStoreSearch(f, ctx.deps.settings.listingTimezone);
  return f.eligible ? eligibleSearch(profile, query) : query;
}

async function fetchPage(
  query: ListingSearch,
  pageNo: number,
  ctx: CommandContext,
  remember?: RememberSearch,
): Promise<ListingPage> {
  const size = ctx.deps.settings.pageSize;
  return ctx.deps.listings.search(query, ctx.now, { offset: (pageNo - 1) * size, count: size }, remember);
}

async function saveFilters(f: SearchFilters, ctx: CommandContext): Promise<string> {
  const token = newToken();
  await ctx.deps.listings.saveSearch(token, JSON.stringify(f), SEARCH_TTL_MS);
  return token;
}

/** Finds the filter whose removal brings back the most listings (every variant counted in one go). */
async function loosen(
  f: SearchFilters,
  ctx: CommandContext,
  profile: MemberProfile,
): Promise<{ name: FilterName; page: { total: number; exact: boolean } } | undefined> {
  const names = activeFilters(f);
  const zone = ctx.deps.settings.listingTimezone;
  const totals = await ctx.deps.listings.counts(
    names.map((name) => {
      const looser = withoutFilter(f, name);
      return storeQuery(looser, ctx, profile) ?? toStoreSearch(looser, zone);
    }),
    ctx.now,
  );
  let best: { name: FilterName; page: { total: number; exact: boolean } } | undefined;
  names.forEach((name, i) => {
    const page = totals[i];
    if (page && page.total > (best?.page.total ?? 0)) best = { name, page };
  });
  return best;
}

async function noMatchReply(f: SearchFilters, ctx: CommandContext, profile: MemberProfile): Promise<Reply> {
  const kind = kindLabel(f).toLowerCase();
  const described = describeFilters(f);
  if (activeFilters(f).length === 0) {
    return reply({
      title: kindLabel(f),
      text: `No ${kind} are open right now. Know one? Suggest it with /suggest and a moderator will review it.`,
    });
  }
  const best = await loosen(f, ctx, profile);
  const intro = `No ${kind} match ${described}.`;
  if (!best) {
    return reply({
      title: `${kindLabel(f)}: ${described}`,
      text: `${intro} Removing any single filter still finds nothing; try fewer filters, e.g. /${f.command}${f.command === 'opportunities' && f.type ? ` type:${f.type}` : ''}.`,
    });
  }
  const looser = withoutFilter(f, best.name);
  const n = best.page.exact ? String(best.page.total) : `${best.page.total}+`;
  const token = await saveFilters(looser, ctx);
  return reply({
    title: `${kindLabel(f)}: ${described}`,
    text: `${intro} The filter that cut the most is ${filterOption(f, best.name)}: without it, ${n} listing${n === '1' ? '' : 's'} match. Try ${commandLine(looser)}`,
    actions: [
      {
        action: PAGE_ACTION,
        label: `Search without ${best.name}`,
        payload: pagePayload(token, 1),
        style: 'primary',
      },
    ],
  });
}

/**
 * Runs a search page: reads the page (published only, deadline after now,
 * nearest first, rolling last), keeping the filters under a token when there
 * are other pages (in the same store call), then sweeps listings whose
 * deadline has passed to `expired` if the store says some are due.
 */
export async function runSearch(
  f: SearchFilters,
  pageNo: number,
  ctx: CommandContext,
  token?: string,
): Promise<Reply> {
  const profile = await readProfile(ctx.deps, ctx.actor.userId);
  if (f.eligible && !hasProfile(profile)) {
    return errorReply(
      'SEARCH.NO_PROFILE',
      'eligible needs your profile first, so I know what you meet. Example: /profile step1:passed ecfmg:in-progress visa:visitor max_fee:1500',
    );
  }
  const query = storeQuery(f, ctx, profile);
  if (query === undefined) {
    return errorReply(
      'SEARCH.ELIGIBLE_HANDS_ON',
      'Your profile says you need a visitor visa, and hands-on roles are not open on one, so hands_on:true and eligible find nothing together. Drop one of them. Example: /externship eligible',
    );
  }
  const fresh = token ? undefined : { token: newToken(), value: JSON.stringify(f), ttlMs: SEARCH_TTL_MS };
  const page = await fetchPage(query, pageNo, ctx, fresh);
  // The page already leaves out deadlines at or before now; the sweep makes their status match.
  if (page.expiryDue) await expireDueListings(ctx.deps, ctx.now);
  if (page.listings.length === 0) {
    if (pageNo === 1) return noMatchReply(f, ctx, profile);
    return reply({
      title: kindLabel(f),
      text: `Page ${pageNo} is empty now: listings changed since this search. Run it again: ${commandLine(f)}`,
    });
  }
  const keep = token ?? (page.hasMore ? fresh?.token : undefined);
  const forYou = hasProfile(profile) ? (l: Listing) => fitText(assessFit(profile, l)) : undefined;
  return searchReply(f, page, pageNo, ctx.deps.settings.pageSize, keep, ctx.now, forYou);
}

/** Handler body of every search command. */
export async function searchCommand(
  command: string,
  input: SearchInput,
  ctx: CommandContext,
): Promise<Reply> {
  const filters = toFilters(command, input);
  if (!filters.ok) return errorReply(filters.code, filters.message);
  return runSearch(filters.value, 1, ctx);
}

/** The `listing.page` button: `<token>.<page>`. */
export async function pageAction(payload: string, ctx: CommandContext): Promise<Reply> {
  const m = /^([a-z0-9]{4,20})\.(\d{1,4})$/.exec(payload);
  if (!m?.[1] || !m[2] || Number(m[2]) < 1) {
    return errorReply('SEARCH.BAD_PAGE', 'This button is not valid any more. Run the search again.');
  }
  const stored = await ctx.deps.listings.loadSearch(m[1]);
  const parsed = stored ? searchFiltersSchema.safeParse(JSON.parse(stored)) : undefined;
  if (!parsed?.success) {
    return errorReply(
      'SEARCH.EXPIRED',
      'This search has expired (searches are kept for a day). Run the search again, e.g. /observership cardiology.',
    );
  }
  return runSearch(parsed.data, Number(m[2]), ctx, m[1]);
}
