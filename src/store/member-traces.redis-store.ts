import type { Redis } from 'ioredis';
import type {
  AnonymisedCounts,
  MemberTraceRecords,
  MemberTraces,
} from '../core/account/member-traces.port.ts';
import type { ListingReport } from '../core/opportunities/listing.port.ts';
import type { AuditEntry } from '../core/ports/audit.port.ts';
import type { Keys } from './keys.ts';

// why: the batch size SCAN, HSCAN and XRANGE read per round trip during clean-up
const BATCH = 500;

/** Escapes a text for use inside a RegExp. */
function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds `userId` as a whole id inside JSON text: `shell:ana` but not
 * `shell:anabel` nor `xshell:ana`, in whichever field it appears.
 */
export function idPattern(userId: string): RegExp {
  return new RegExp(`(?<![\\w.:-])${regexEscape(userId)}(?![\\w.-])`, 'g');
}

// Replaces one hash field only if it still holds what was read (a concurrent write wins).
const HASH_SWAP = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
`;

// Rebuilds a stream with the same entry ids, if nothing was appended since it was read.
// ARGV: expected length, expected last id, then (id, field, value) triples in order.
const STREAM_REBUILD = `
if redis.call('XLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #last == 0 or last[1][1] ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
for i = 3, #ARGV, 3 do
  redis.call('XADD', KEYS[1], ARGV[i], ARGV[i + 1], ARGV[i + 2])
end
return 1
`;

// why: a stream that keeps changing under the rebuild is retried a few times, then left for the next delete
const REBUILD_ATTEMPTS = 5;

/**
 * {@link MemberTraces} on Redis: the reports hash of the listings store,
 * every `community:*:audit` stream and every `community:*:faq:overrides`
 * hash. Clean-up only (it SCANs), never on a hot path.
 */
export class RedisMemberTraces implements MemberTraces {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** The listings base, e.g. `imgbot:{listings}:` (reports live under it). */
    private readonly listingsBase: string,
  ) {}

  private async scanKeys(pattern: string): Promise<string[]> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', BATCH);
      cursor = next;
      out.push(...keys);
    } while (cursor !== '0');
    return out;
  }

  /** Every field of a hash whose value names the member. */
  private async hashFields(key: string, userId: string): Promise<[string, string][]> {
    const pattern = idPattern(userId);
    const out: [string, string][] = [];
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(key, cursor, 'COUNT', BATCH);
      cursor = next;
      for (let i = 0; i < flat.length; i += 2) {
        const value = flat[i + 1] ?? '';
        pattern.lastIndex = 0;
        if (pattern.test(value)) out.push([flat[i] ?? '', value]);
      }
    } while (cursor !== '0');
    return out;
  }

  private async streamEntries(key: string): Promise<[string, string[]][]> {
    const out: [string, string[]][] = [];
    let start = '-';
    for (;;) {
      const batch = await this.redis.xrange(key, start, '+', 'COUNT', BATCH);
      out.push(...batch);
      const lastId = batch[batch.length - 1]?.[0];
      if (batch.length < BATCH || !lastId) return out;
      start = `(${lastId}`;
    }
  }

  private auditKeys(): Promise<string[]> {
    return this.scanKeys(`${this.keys.k('community', '*', 'audit')}`);
  }

  async find(userId: string): Promise<MemberTraceRecords> {
    const reports = (await this.hashFields(`${this.listingsBase}reports`, userId)).map(
      ([, json]) => JSON.parse(json) as ListingReport,
    );
    const pattern = idPattern(userId);
    const audit: AuditEntry[] = [];
    for (const key of await this.auditKeys()) {
      for (const [, fields] of await this.streamEntries(key)) {
        const json = fields[1] ?? '';
        pattern.lastIndex = 0;
        if (pattern.test(json)) audit.push(JSON.parse(json) as AuditEntry);
      }
    }
    return { reports: reports.sort((a, b) => a.at - b.at), audit: audit.sort((a, b) => a.at - b.at) };
  }

  async anonymise(userId: string, replacement: string): Promise<AnonymisedCounts> {
    const reports = await this.anonymiseHash(`${this.listingsBase}reports`, userId, replacement);
    let faq = 0;
    for (const key of await this.scanKeys(this.keys.k('community', '*', 'faq', 'overrides'))) {
      faq += await this.anonymiseHash(key, userId, replacement);
    }
    let audit = 0;
    for (const key of await this.auditKeys()) audit += await this.anonymiseStream(key, userId, replacement);
    return { reports, audit, faq };
  }

  private async anonymiseHash(key: string, userId: string, replacement: string): Promise<number> {
    let changed = 0;
    for (const [field, value] of await this.hashFields(key, userId)) {
      const next = value.replace(idPattern(userId), replacement);
      changed += Number(await this.redis.eval(HASH_SWAP, 1, key, field, value, next));
    }
    return changed;
  }

  private async anonymiseStream(key: string, userId: string, replacement: string): Promise<number> {
    for (let attempt = 0; attempt < REBUILD_ATTEMPTS; attempt++) {
      const entries = await this.streamEntries(key);
      const pattern = idPattern(userId);
      let changed = 0;
      const args: string[] = [];
      // An audit entry is one field (`e`: the entry as JSON); see audit.redis-store.ts.
      for (const [id, fields] of entries) {
        const value = fields[1] ?? '';
        const next = value.replace(pattern, replacement);
        if (next !== value) changed++;
        args.push(id, fields[0] ?? 'e', next);
      }
      const lastId = entries[entries.length - 1]?.[0];
      if (changed === 0 || !lastId) return 0;
      const done = await this.redis.eval(STREAM_REBUILD, 1, key, entries.length, lastId, ...args);
      if (Number(done) === 1) return changed;
    }
    throw new Error(`audit log ${key} kept changing; the member's id could not be removed from it`);
  }
}
