import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../core/ports/audit.port.ts';
import type { Keys } from './keys.ts';

// why: a busy community logs a few hundred actions a month; 50k keeps years of history in a few MB.
const MAX_ENTRIES = 50_000;

/** The audit log as one Redis stream per community (append-only, capped, newest first on read). */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(communityId: string): string {
    return this.keys.k('community', communityId, 'audit');
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.redis.xadd(
      this.key(entry.communityId),
      'MAXLEN',
      '~',
      MAX_ENTRIES,
      '*',
      'e',
      JSON.stringify(entry),
    );
  }

  async list(communityId: string, opts: { limit: number; target?: string }): Promise<readonly AuditEntry[]> {
    const out: AuditEntry[] = [];
    let end = '+';
    // Page backwards through the stream until enough entries match the target filter.
    for (;;) {
      const batch = await this.redis.xrevrange(this.key(communityId), end, '-', 'COUNT', 200);
      for (const [, fields] of batch) {
        const entry = JSON.parse(fields[1] ?? '{}') as AuditEntry;
        if (opts.target === undefined || entry.target === opts.target) out.push(entry);
        if (out.length >= opts.limit) return out;
      }
      const lastId = batch[batch.length - 1]?.[0];
      if (batch.length < 200 || !lastId) return out;
      end = `(${lastId}`;
    }
  }
}
