import type { Redis } from 'ioredis';
import type {
  ListingPage,
  ListingReport,
  ListingSearch,
  ListingsPort,
  RememberSearch,
} from '../../core/opportunities/listing.port.ts';
import { type Listing, listingSchema } from '../../core/opportunities/listing.ts';
import { deadlineInfo } from '../../core/opportunities/listing-record.ts';
import type { ListingDeadlineInfo, ListingLookup } from '../../core/ports/listing-events.port.ts';
import type { Keys } from '../keys.ts';
import { encodeEntries, indexEntries, LEX_SEPARATOR } from './listing-index.ts';
import { RedisListingReports } from './listing-reports.redis.ts';
import { REMOVE_SCRIPT, SAVE_SCRIPT, SEARCH_SCRIPT } from './listing-scripts.ts';

/**
 * Below this many matches a search materialises the whole match list (exact
 * count); above it, it walks the deadline order and stops after the page.
 * why 1000: ZINTERSTORE of 1,000 members costs a fraction of a millisecond,
 * while a walk finds a page after a few dozen steps when this many match.
 */
const SMALL_INTERSECTION = 1000;

interface ListingScripts {
  listingSave(key: string, ...args: (string | number)[]): Promise<number>;
  listingRemove(key: string, ...args: string[]): Promise<number>;
  listingSearch(...args: (string | number)[]): Promise<(string | number)[]>;
}

/** A pipeline with the save script queued like a built-in command. */
interface PipelineScripts {
  listingSave(key: string, ...args: string[]): PipelineScripts;
  listingSearch(...args: (string | number)[]): PipelineScripts;
  exec(): Promise<[Error | null, unknown][] | null>;
}

function withScripts(redis: Redis): Redis & ListingScripts {
  const r = redis as Redis & Partial<ListingScripts>;
  if (!r.listingSave) {
    redis.defineCommand('listingSave', { numberOfKeys: 1, lua: SAVE_SCRIPT });
    redis.defineCommand('listingRemove', { numberOfKeys: 1, lua: REMOVE_SCRIPT });
    redis.defineCommand('listingSearch', { numberOfKeys: 0, lua: SEARCH_SCRIPT });
  }
  return redis as Redis & ListingScripts;
}

/** Parses a stored record; a record that no longer fits the schema is skipped, not fatal. */
function parseListing(raw: string | null | undefined): Listing | undefined {
  if (!raw) return undefined;
  const parsed = listingSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

/** The flag sets a search needs (`ho:1`, `free`, ...), before any type prefix. */
function flagSets(q: ListingSearch): string[] {
  const flags: string[] = [];
  if (q.handsOn !== undefined) flags.push(`ho:${q.handsOn ? 1 : 0}`);
  if (q.free) flags.push('free');
  if (q.noUsmle) flags.push('nousmle');
  if (q.noEcfmg) flags.push('noecfmg');
  if (q.step1No) flags.push('s1no');
  if (q.step2ckNo) flags.push('s2no');
  if (q.lor) flags.push('lor');
  return flags;
}

/**
 * A place filter as one argument the search script reads as a union (see
 * SEARCH_SCRIPT): `U`, the city set prefix, then each city and its state.
 */
function placesArg(q: ListingSearch): string[] {
  if (!q.places || q.places.length === 0) return [];
  const cells = q.places.flatMap((p) => [p.city, p.state]);
  return [['U', q.type ? `tci:${q.type}:` : 'ci:', ...cells].join('\t')];
}

/**
 * The set filters of a search, as index keys relative to the base. The
 * narrowest combined set stands in for its parts (see listing-index.ts):
 * with a type, `tss:`/`ts:`/`tst:`, `tci:` and `tf:` (flags within the type); without
 * one, `ss:` for specialty and state together.
 */
function setFilters(q: ListingSearch): string[] {
  const sets: string[] = [];
  const t = q.type;
  if (q.specialty && q.state)
    sets.push(t ? `tss:${t}:${q.specialty}:${q.state}` : `ss:${q.specialty}:${q.state}`);
  else if (q.specialty) sets.push(t ? `ts:${t}:${q.specialty}` : `sp:${q.specialty}`);
  else if (q.state) sets.push(t ? `tst:${t}:${q.state}` : `st:${q.state}`);
  if (q.city) sets.push(t ? `tci:${t}:${q.city}` : `ci:${q.city}`);
  for (const flag of flagSets(q)) sets.push(t ? `tf:${t}:${flag}` : flag);
  for (const w of q.words ?? []) sets.push(`w:${w}`);
  return sets;
}

/**
 * The index rules' version. why 2: "not stated" fees and exams left the
 * `free`/`nousmle`/`noecfmg`/`lor` sets, and `s1no`/`s2no` (for the eligible
 * filter) were added; listings saved under version 1 are re-indexed once.
 */
export const LISTING_INDEX_VERSION = 2;

/**
 * Listings on Redis: one HASH per listing (`L:<id>`: JSON, index entries,
 * revision) plus secondary indexes (see listing-index.ts), all under
 * `<prefix>{listings}:`. Searches never scan all listings.
 */
export class RedisListingsStore implements ListingsPort, ListingLookup {
  private readonly redis: Redis & ListingScripts;
  readonly base: string;
  private readonly reports: RedisListingReports;

  private readonly small: number;

  /** `smallIntersection` overrides {@link SMALL_INTERSECTION} (tests exercise every strategy with few listings). */
  constructor(redis: Redis, keys: Keys, opts: { smallIntersection?: number } = {}) {
    this.small = opts.smallIntersection ?? SMALL_INTERSECTION;
    this.redis = withScripts(redis);
    this.base = `${keys.k('{listings}')}:`;
    this.reports = new RedisListingReports(redis, this.base);
  }

  private recordKey(id: string): string {
    return `${this.base}L:${id}`;
  }

  async get(id: string): Promise<Listing | undefined> {
    return parseListing(await this.redis.hget(this.recordKey(id), 'j'));
  }

  async getMany(ids: readonly string[]): Promise<(Listing | undefined)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hget(this.recordKey(id), 'j');
    const results = (await pipe.exec()) ?? [];
    return results.map(([err, raw]) => (err ? undefined : parseListing(raw as string | null)));
  }

  private saveArgs(listing: Listing, expectedRev?: number): [string, ...string[]] {
    return [
      this.recordKey(listing.id),
      this.base,
      listing.id,
      expectedRev === undefined ? '' : String(expectedRev),
      String(listing.rev),
      JSON.stringify(listing),
      encodeEntries(indexEntries(listing)),
    ];
  }

  /**
   * Rebuilds every listing's index entries once per {@link LISTING_INDEX_VERSION}:
   * when the index gains a set (or a set's meaning changes), listings saved
   * before would be missing from it until edited. Re-saving each record with
   * the current rules fixes that; the version is then recorded so later starts
   * skip it. Safe to run in two processes at once (a save is idempotent).
   * Returns how many listings were re-indexed.
   */
  async reindexIfStale(): Promise<number> {
    const versionKey = `${this.base}index-version`;
    if (Number((await this.redis.get(versionKey)) ?? 0) >= LISTING_INDEX_VERSION) return 0;
    let done = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base}L:*`, 'COUNT', 500);
      cursor = next;
      const ids = keys.map((k) => k.slice(`${this.base}L:`.length));
      const listings = (await this.getMany(ids)).filter((l): l is Listing => l !== undefined);
      if (listings.length > 0) await this.saveMany(listings.map((listing) => ({ listing })));
      done += listings.length;
    } while (cursor !== '0');
    await this.redis.set(versionKey, String(LISTING_INDEX_VERSION));
    return done;
  }

  async save(listing: Listing, expectedRev?: number): Promise<boolean> {
    return (await this.redis.listingSave(...this.saveArgs(listing, expectedRev))) === 1;
  }

  async saveMany(items: readonly { listing: Listing; expectedRev?: number }[]): Promise<boolean[]> {
    if (items.length === 0) return [];
    const pipe = this.redis.pipeline() as unknown as PipelineScripts;
    for (const { listing, expectedRev } of items) pipe.listingSave(...this.saveArgs(listing, expectedRev));
    const results = (await pipe.exec()) ?? [];
    return items.map((_, i) => {
      const [err, done] = results[i] ?? [new Error('missing pipeline result'), 0];
      if (err) throw err;
      return done === 1;
    });
  }

  async remove(id: string): Promise<void> {
    await this.redis.listingRemove(this.recordKey(id), this.base, id);
  }

  private searchArgs(
    q: ListingSearch,
    now: number,
    page: { offset: number; count: number },
    remember?: RememberSearch,
  ): (string | number)[] {
    return [
      this.base,
      q.type ? `zt:${q.type}` : 'zall',
      now,
      q.deadlineBefore === undefined ? '+inf' : `(${q.deadlineBefore}`,
      q.maxFee === undefined ? '' : q.maxFee,
      page.offset,
      page.count,
      this.small,
      remember?.token ?? '',
      remember?.value ?? '',
      remember?.ttlMs ?? 0,
      ...setFilters(q),
      ...placesArg(q),
    ];
  }

  async counts(queries: readonly ListingSearch[], now: number): Promise<{ total: number; exact: boolean }[]> {
    if (queries.length === 0) return [];
    const pipe = this.redis.pipeline() as unknown as PipelineScripts;
    for (const q of queries) pipe.listingSearch(...this.searchArgs(q, now, { offset: 0, count: 0 }));
    const results = (await pipe.exec()) ?? [];
    return queries.map((_, i) => {
      const [err, reply] = results[i] ?? [new Error('missing pipeline result'), []];
      if (err) throw err;
      const [total, exact] = reply as (string | number)[];
      return { total: Number(total), exact: exact === 1 };
    });
  }

  async search(
    q: ListingSearch,
    now: number,
    page: { offset: number; count: number },
    remember?: RememberSearch,
  ): Promise<ListingPage> {
    const reply = await this.redis.listingSearch(...this.searchArgs(q, now, page, remember));
    const [total, exact, hasMore, due, ...pairs] = reply;
    const listings: Listing[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const listing = parseListing(pairs[i + 1] as string);
      if (listing) listings.push(listing);
    }
    return {
      listings,
      total: Number(total),
      exact: exact === 1,
      hasMore: hasMore === 1,
      expiryDue: due === 1,
    };
  }

  async dueForExpiry(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(`${this.base}zall`, '-inf', now, 'LIMIT', 0, limit);
  }

  async pending(offset: number, count: number): Promise<{ listings: Listing[]; total: number }> {
    const [ids, total] = await Promise.all([
      this.redis.zrange(`${this.base}queue`, offset, String(offset + count - 1)),
      this.redis.zcard(`${this.base}queue`),
    ]);
    const listings = (await this.getMany(ids)).filter((l): l is Listing => l !== undefined);
    return { listings, total };
  }

  async completeTitles(prefix: string, limit: number): Promise<{ id: string; title: string }[]> {
    const start = prefix === '' ? '-' : `[${prefix}`;
    const end = prefix === '' ? '+' : `(${prefix}\xff`;
    // why 4x: one listing has up to 8 suffix entries; ask for more, keep distinct ids
    const members = await this.redis.zrangebylex(`${this.base}tlex`, start, end, 'LIMIT', 0, limit * 4);
    const ids = [...new Set(members.map((m) => m.slice(m.lastIndexOf(LEX_SEPARATOR) + 1)))].slice(0, limit);
    const listings = await this.getMany(ids);
    return listings.filter((l): l is Listing => l !== undefined).map((l) => ({ id: l.id, title: l.title }));
  }

  count(): Promise<number> {
    return this.redis.zcard(`${this.base}all`);
  }

  async list(offset: number, count: number): Promise<Listing[]> {
    const ids = await this.redis.zrange(`${this.base}all`, offset, String(offset + count - 1));
    return (await this.getMany(ids)).filter((l): l is Listing => l !== undefined);
  }

  addReport(report: ListingReport): Promise<void> {
    return this.reports.add(report);
  }

  openReports(offset: number, count: number): Promise<{ reports: ListingReport[]; total: number }> {
    return this.reports.open(offset, count);
  }

  getReport(id: string): Promise<ListingReport | undefined> {
    return this.reports.get(id);
  }

  resolveReports(
    target: { listingId: string } | { reportId: string },
    resolution: NonNullable<ListingReport['resolved']>,
  ): Promise<number> {
    return this.reports.resolve(target, resolution);
  }

  async saveSearch(token: string, search: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.base}q:${token}`, search, 'PX', ttlMs);
  }

  async loadSearch(token: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.base}q:${token}`)) ?? undefined;
  }

  /** The reminders side's narrow read (ListingLookup). */
  async getDeadlineInfo(listingId: string): Promise<ListingDeadlineInfo | undefined> {
    const l = await this.get(listingId);
    return l && deadlineInfo(l);
  }
}
