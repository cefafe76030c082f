/** One moderator action: who, what, when, before/after. */
export interface AuditEntry {
  readonly at: number;
  readonly communityId: string;
  readonly actorId: string;
  /** Stable verb, e.g. `listing.publish`, `listing.withdraw`, `faq.edit`. */
  readonly action: string;
  /** What was acted on, e.g. a listing id. */
  readonly target: string;
  readonly reason?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Append-only audit log per community, newest first when read. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(communityId: string, opts: { limit: number; target?: string }): Promise<readonly AuditEntry[]>;
}
