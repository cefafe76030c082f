import type { ListingReport } from '../opportunities/listing.port.ts';
import type { AuditEntry } from '../ports/audit.port.ts';

/** What the moderation records say about one member, for `/mydata export`. */
export interface MemberTraceRecords {
  /** Reports the member filed, or closed as a moderator. */
  readonly reports: readonly ListingReport[];
  /** Audit entries (any community) that name the member: their own actions, mostly. */
  readonly audit: readonly AuditEntry[];
}

/** How many records lost the member's id. */
export interface AnonymisedCounts {
  readonly reports: number;
  readonly audit: number;
  /** FAQ changes the member made as a moderator. */
  readonly faq: number;
}

/**
 * The records moderators keep that name a member besides their own data:
 * listing reports, every community's audit log and FAQ overrides. A deleted
 * member's id is replaced there, so moderators keep the content (what was
 * reported, what was changed) but no longer learn who it was.
 */
export interface MemberTraces {
  find(userId: string): Promise<MemberTraceRecords>;
  /** Replaces `userId` with `replacement` wherever these records name it. */
  anonymise(userId: string, replacement: string): Promise<AnonymisedCounts>;
}
