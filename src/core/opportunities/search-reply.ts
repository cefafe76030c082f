import { type Reply, type ReplyAction, reply } from '../reply.ts';
import type { ListingPage } from './listing.port.ts';
import type { Listing } from './listing.ts';
import { listingRecord } from './listing-format.ts';
import { describeFilters, kindLabel, type SearchFilters } from './search-query.ts';

/** Action ids of search replies. */
export const PAGE_ACTION = 'listing.page';
/** The "Details" button of a result. */
export const VIEW_ACTION = 'listing.view';

/** The payload of a paging button: `<token>.<page>`. */
export function pagePayload(token: string, page: number): string {
  return `${token}.${page}`;
}

function title(f: SearchFilters): string {
  const described = describeFilters(f);
  return described ? `${kindLabel(f)}: ${described}` : kindLabel(f);
}

function countText(page: ListingPage): string {
  const n = page.total.toLocaleString('en-US');
  const plural = page.total === 1 ? 'listing matches' : 'listings match';
  return page.exact ? `${n} ${plural}.` : `At least ${n} listings match.`;
}

/** A page of search results: records, ids in display order, paging and detail buttons. */
export function searchReply(
  f: SearchFilters,
  page: ListingPage,
  pageNo: number,
  pageSize: number,
  token: string | undefined,
  now: number,
  /** A line for the member about each listing ("meets the stated requirements"), when they have a profile. */
  forYou?: (l: Listing) => string,
): Reply {
  const actions: ReplyAction[] = [];
  if (token && pageNo > 1) {
    actions.push({ action: PAGE_ACTION, label: 'Previous page', payload: pagePayload(token, pageNo - 1) });
  }
  if (token && page.hasMore) {
    actions.push({
      action: PAGE_ACTION,
      label: 'Next page',
      payload: pagePayload(token, pageNo + 1),
      style: 'primary',
    });
  }
  page.listings.forEach((l, i) => {
    actions.push({ action: VIEW_ACTION, label: `Details ${i + 1}`, payload: l.id, style: 'secondary' });
  });
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  const first = (pageNo - 1) * pageSize + 1;
  const last = first + page.listings.length - 1;
  return reply({
    title: title(f),
    text: `${countText(page)} Showing ${first}-${last}, nearest deadline first; rolling admissions last. /opportunity id:<id> shows one in full.`,
    records: page.listings.map((l) => {
      const record = listingRecord(l, now);
      if (!forYou) return record;
      return { ...record, fields: [...(record.fields ?? []), { name: 'For you', value: forYou(l) }] };
    }),
    ids: page.listings.map((l) => l.id),
    actions,
    footer: page.exact ? `Page ${pageNo} of ${pages}` : `Page ${pageNo}`,
  });
}
