import type {
  AnonymisedCounts,
  MemberTraceRecords,
  MemberTraces,
} from '../../src/core/account/member-traces.port.ts';
import type { MemoryAuditLog } from './memory-audit-log.ts';
import type { MemoryListingsStore } from './memory-listings-store.ts';

/** The records that name a member (reports filed or closed, audit entries), read from the memory stores. */
export class MemoryMemberTraces implements MemberTraces {
  constructor(
    private readonly listings: MemoryListingsStore,
    private readonly audit: MemoryAuditLog,
  ) {}

  async find(userId: string): Promise<MemberTraceRecords> {
    return {
      reports: this.listings.reportsNaming(userId),
      audit: this.audit.entries.filter((e) => e.actorId === userId),
    };
  }

  async anonymise(userId: string, replacement: string): Promise<AnonymisedCounts> {
    const reports = this.listings.renameInReports(userId, replacement);
    let audit = 0;
    this.audit.entries.forEach((e, i) => {
      if (e.actorId !== userId) return;
      this.audit.entries[i] = { ...e, actorId: replacement };
      audit++;
    });
    return { reports, audit, faq: 0 };
  }
}
