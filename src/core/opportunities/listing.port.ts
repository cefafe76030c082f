import type { Listing, ListingType } from './listing.ts';

/**
 * A search as the store runs it: every filter already normalised (canonical
 * specialty id, state code, folded city, index words, instants). Only
 * published listings whose deadline is after `now` are ever returned.
 */
export interface ListingSearch {
  readonly type?: ListingType;
  readonly specialty?: string;
  readonly state?: string;
  /** Folded city (`cityKey`). */
  readonly city?: string;
  /**
   * Any of these cities, each in its state (a place such as New York City or
   * an area such as the NYC area; see us-places.ts). Folded cities.
   */
  readonly places?: readonly { readonly city: string; readonly state: string }[];
  readonly handsOn?: boolean;
  readonly maxFee?: number;
  readonly free?: boolean;
  /** Neither Step 1 nor Step 2 CK required. */
  readonly noUsmle?: boolean;
  readonly noEcfmg?: boolean;
  /** Step 1 stated as not required. */
  readonly step1No?: boolean;
  /** Step 2 CK stated as not required. */
  readonly step2ckNo?: boolean;
  readonly lor?: boolean;
  /** Only deadlines strictly before this instant (UTC ms); rolling listings are left out. */
  readonly deadlineBefore?: number;
  /** Index words that must all appear (`indexWords`). */
  readonly words?: readonly string[];
}

/** One page of results, nearest deadline first, rolling admissions last (newest first). */
export interface ListingPage {
  readonly listings: readonly Listing[];
  /** Matches in all; a lower bound when `exact` is false (very broad searches). */
  readonly total: number;
  readonly exact: boolean;
  readonly hasMore: boolean;
  /** Some published listing's deadline has passed: run the expiry sweep (searches already hide it). */
  readonly expiryDue: boolean;
}

/** A search to keep for paging buttons, stored by `search` itself when there are more pages. */
export interface RememberSearch {
  readonly token: string;
  readonly value: string;
  readonly ttlMs: number;
}

/** A member's report that a listing is dead or wrong. */
export interface ListingReport {
  readonly id: string;
  readonly listingId: string;
  readonly reporterId: string;
  readonly communityId: string;
  readonly reason: string;
  readonly at: number;
  readonly resolved?: { readonly by: string; readonly at: number; readonly how: string };
}

/**
 * Opportunity listings: records, the search indexes, the review queue,
 * reports and saved searches (for paging). Implemented on Redis in
 * `src/store/listings/`.
 */
export interface ListingsPort {
  get(id: string): Promise<Listing | undefined>;
  getMany(ids: readonly string[]): Promise<(Listing | undefined)[]>;
  /**
   * Stores a listing whole, with its index entries, atomically. Published
   * listings enter the search indexes; pending ones the review queue.
   * `expectedRev`: 0 = the id must be new; a number = the stored revision must
   * be that one; undefined = overwrite. False on a revision conflict.
   */
  save(listing: Listing, expectedRev?: number): Promise<boolean>;
  /**
   * {@link save} for many listings in one round trip (imports). Each listing
   * is still stored whole or not at all; the result says, per item in order,
   * whether it was stored (false on a revision conflict).
   */
  saveMany(items: readonly { listing: Listing; expectedRev?: number }[]): Promise<boolean[]>;
  /** Removes a listing and its index entries (tests, clean-up). */
  remove(id: string): Promise<void>;
  /**
   * One page of published listings whose deadline is after `now`, in
   * deadline order. With `remember`, the search is also kept under its token
   * (see {@link saveSearch}) when there are more pages, in the same round trip.
   */
  search(
    query: ListingSearch,
    now: number,
    page: { offset: number; count: number },
    remember?: RememberSearch,
  ): Promise<ListingPage>;
  /** How many listings each search finds (no records), all in one round trip. */
  counts(queries: readonly ListingSearch[], now: number): Promise<{ total: number; exact: boolean }[]>;
  /** Ids of published listings whose deadline instant is at or before `now`, oldest first. */
  dueForExpiry(now: number, limit: number): Promise<string[]>;
  /** The review queue: pending listings, oldest first. */
  pending(offset: number, count: number): Promise<{ listings: Listing[]; total: number }>;
  /** Published listings whose title has a word starting with `prefix` (autocomplete). */
  completeTitles(prefix: string, limit: number): Promise<{ id: string; title: string }[]>;
  /** Number of listings in any status. */
  count(): Promise<number>;
  /** Every listing in any status, oldest first, `count` at a time (export). */
  list(offset: number, count: number): Promise<Listing[]>;

  addReport(report: ListingReport): Promise<void>;
  openReports(offset: number, count: number): Promise<{ reports: ListingReport[]; total: number }>;
  getReport(id: string): Promise<ListingReport | undefined>;
  /** Marks open reports resolved (all of a listing's, or one by id); returns how many. */
  resolveReports(
    target: { listingId: string } | { reportId: string },
    resolution: NonNullable<ListingReport['resolved']>,
  ): Promise<number>;

  /** Keeps a search under a short token for paging buttons. */
  saveSearch(token: string, search: string, ttlMs: number): Promise<void>;
  loadSearch(token: string): Promise<string | undefined>;
}
