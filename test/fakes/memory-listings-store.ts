import type {
  ListingPage,
  ListingReport,
  ListingSearch,
  ListingsPort,
} from '../../src/core/opportunities/listing.port.ts';
import { type Listing, listingSchema } from '../../src/core/opportunities/listing.ts';
import { deadlineInfo } from '../../src/core/opportunities/listing-record.ts';
import type { ListingDeadlineInfo, ListingLookup } from '../../src/core/ports/listing-events.port.ts';
import { stored } from './clone.ts';

/** Searching needs the Redis indexes; use cases that search are tested against Redis. */
function searchIsRedisOnly(): never {
  throw new Error(
    'MemoryListingsStore does not search: searches run on the Redis indexes, tested in test/integration/listings-search*.test.ts',
  );
}

/**
 * Listings, the review queue, reports and saved searches in memory, with the
 * Redis store's revision rule: `expectedRev` 0 = the id must be new, a number
 * = the stored revision must be that one, undefined = overwrite. Records are
 * checked with the listing schema on read, as the Redis store does. It does
 * not search (see {@link searchIsRedisOnly}). Held to the Redis store by
 * test/contracts/listings-store.contract.ts.
 */
export class MemoryListingsStore implements ListingsPort, ListingLookup {
  private readonly records = new Map<string, Listing>();
  private readonly reports = new Map<string, ListingReport>();
  private readonly searches = new Map<string, { value: string; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  private read(id: string): Listing | undefined {
    const raw = this.records.get(id);
    if (!raw) return undefined;
    const parsed = listingSchema.safeParse(stored(raw));
    return parsed.success ? parsed.data : undefined;
  }

  /** Every stored listing, oldest posting first (the `all` order). */
  private ordered(): Listing[] {
    return [...this.records.keys()]
      .map((id) => this.read(id))
      .filter((l): l is Listing => l !== undefined)
      .sort((a, b) => a.postedAt - b.postedAt || (a.id < b.id ? -1 : 1));
  }

  async get(id: string): Promise<Listing | undefined> {
    return this.read(id);
  }

  async getMany(ids: readonly string[]): Promise<(Listing | undefined)[]> {
    return ids.map((id) => this.read(id));
  }

  async save(listing: Listing, expectedRev?: number): Promise<boolean> {
    const current = this.records.get(listing.id)?.rev ?? 0;
    if (expectedRev !== undefined && current !== expectedRev) return false;
    this.records.set(listing.id, stored(listing));
    return true;
  }

  async saveMany(items: readonly { listing: Listing; expectedRev?: number }[]): Promise<boolean[]> {
    const out: boolean[] = [];
    for (const { listing, expectedRev } of items) out.push(await this.save(listing, expectedRev));
    return out;
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
  }

  search(_q: ListingSearch, _now: number, _page: { offset: number; count: number }): Promise<ListingPage> {
    return searchIsRedisOnly();
  }

  counts(_queries: readonly ListingSearch[], _now: number): Promise<{ total: number; exact: boolean }[]> {
    return searchIsRedisOnly();
  }

  completeTitles(_prefix: string, _limit: number): Promise<{ id: string; title: string }[]> {
    return searchIsRedisOnly();
  }

  async dueForExpiry(now: number, limit: number): Promise<string[]> {
    return this.ordered()
      .filter((l) => l.status === 'published' && l.deadlineAt !== null && l.deadlineAt <= now)
      .sort((a, b) => (a.deadlineAt ?? 0) - (b.deadlineAt ?? 0))
      .slice(0, limit)
      .map((l) => l.id);
  }

  async pending(offset: number, count: number): Promise<{ listings: Listing[]; total: number }> {
    const queue = this.ordered().filter((l) => l.status === 'pending');
    return { listings: queue.slice(offset, offset + count), total: queue.length };
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async list(offset: number, count: number): Promise<Listing[]> {
    return this.ordered().slice(offset, offset + count);
  }

  async addReport(report: ListingReport): Promise<void> {
    this.reports.set(report.id, stored(report));
  }

  async openReports(offset: number, count: number): Promise<{ reports: ListingReport[]; total: number }> {
    const open = [...this.reports.values()]
      .filter((r) => !r.resolved)
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    return { reports: open.slice(offset, offset + count).map(stored), total: open.length };
  }

  async getReport(id: string): Promise<ListingReport | undefined> {
    const r = this.reports.get(id);
    return r && stored(r);
  }

  async resolveReports(
    target: { listingId: string } | { reportId: string },
    resolution: NonNullable<ListingReport['resolved']>,
  ): Promise<number> {
    let resolved = 0;
    for (const r of [...this.reports.values()]) {
      const hit = 'listingId' in target ? r.listingId === target.listingId : r.id === target.reportId;
      if (!hit || r.resolved) continue;
      this.reports.set(r.id, { ...r, resolved: stored(resolution) });
      resolved++;
    }
    return resolved;
  }

  /** Reports a member filed or closed (for the member traces fake). */
  reportsNaming(userId: string): ListingReport[] {
    return [...this.reports.values()]
      .filter((r) => r.reporterId === userId || r.resolved?.by === userId)
      .map(stored);
  }

  /** Replaces a member's id in the reports; returns how many changed. */
  renameInReports(userId: string, replacement: string): number {
    let changed = 0;
    for (const r of [...this.reports.values()]) {
      const reporter = r.reporterId === userId;
      const closer = r.resolved?.by === userId;
      if (!reporter && !closer) continue;
      this.reports.set(r.id, {
        ...r,
        ...(reporter ? { reporterId: replacement } : {}),
        ...(closer && r.resolved ? { resolved: { ...r.resolved, by: replacement } } : {}),
      });
      changed++;
    }
    return changed;
  }

  async saveSearch(token: string, search: string, ttlMs: number): Promise<void> {
    this.searches.set(token, { value: search, until: this.now() + ttlMs });
  }

  async loadSearch(token: string): Promise<string | undefined> {
    const s = this.searches.get(token);
    return s && s.until > this.now() ? s.value : undefined;
  }

  async getDeadlineInfo(listingId: string): Promise<ListingDeadlineInfo | undefined> {
    const l = this.read(listingId);
    return l && deadlineInfo(l);
  }
}
