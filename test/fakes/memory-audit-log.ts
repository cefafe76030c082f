import type { AuditEntry, AuditLog } from '../../src/core/ports/audit.port.ts';
import { stored } from './clone.ts';

/** The audit log in memory: append-only per community, newest first on read. */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(stored(entry));
  }

  async list(communityId: string, opts: { limit: number; target?: string }): Promise<readonly AuditEntry[]> {
    return this.entries
      .filter((e) => e.communityId === communityId && (opts.target === undefined || e.target === opts.target))
      .reverse()
      .slice(0, opts.limit)
      .map(stored);
  }
}
