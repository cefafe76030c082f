import type { Redis } from 'ioredis';
import type { ListingReport } from '../../core/opportunities/listing.port.ts';

/**
 * Member reports on listings: `reports` (HASH id -> JSON), `ropen` (ZSET of
 * open report ids by time) and `rl:<listingId>` (SET of a listing's open
 * report ids), kept in step with MULTI.
 */
export class RedisListingReports {
  constructor(
    private readonly redis: Redis,
    /** The listings base, e.g. `imgbot:{listings}:`. */
    private readonly base: string,
  ) {}

  async add(report: ListingReport): Promise<void> {
    await this.redis
      .multi()
      .hset(`${this.base}reports`, report.id, JSON.stringify(report))
      .zadd(`${this.base}ropen`, report.at, report.id)
      .sadd(`${this.base}rl:${report.listingId}`, report.id)
      .exec();
  }

  async get(id: string): Promise<ListingReport | undefined> {
    const raw = await this.redis.hget(`${this.base}reports`, id);
    return raw ? (JSON.parse(raw) as ListingReport) : undefined;
  }

  async open(offset: number, count: number): Promise<{ reports: ListingReport[]; total: number }> {
    const [ids, total] = await Promise.all([
      this.redis.zrange(`${this.base}ropen`, offset, String(offset + count - 1)),
      this.redis.zcard(`${this.base}ropen`),
    ]);
    if (ids.length === 0) return { reports: [], total };
    const raws = await this.redis.hmget(`${this.base}reports`, ...ids);
    const reports = raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as ListingReport);
    return { reports, total };
  }

  async resolve(
    target: { listingId: string } | { reportId: string },
    resolution: NonNullable<ListingReport['resolved']>,
  ): Promise<number> {
    const ids =
      'listingId' in target
        ? await this.redis.smembers(`${this.base}rl:${target.listingId}`)
        : [target.reportId];
    let resolved = 0;
    for (const id of ids) {
      const report = await this.get(id);
      if (!report || report.resolved) continue;
      const done: ListingReport = { ...report, resolved: resolution };
      await this.redis
        .multi()
        .hset(`${this.base}reports`, id, JSON.stringify(done))
        .zrem(`${this.base}ropen`, id)
        .srem(`${this.base}rl:${report.listingId}`, id)
        .exec();
      resolved++;
    }
    return resolved;
  }
}
