/**
 * What the reminders side needs to know about listings, kept small so the
 * two domains meet at one narrow seam: the listings use cases call the hooks
 * after a change; the reminders use cases read deadlines through the lookup.
 */
export interface ListingDeadlineInfo {
  readonly id: string;
  readonly title: string;
  /** Deadline instant in UTC ms; null for rolling admissions. */
  readonly deadlineAt: number | null;
  /** The deadline as the listing states it, `YYYY-MM-DD` (its last day), when known. */
  readonly deadline?: string | null;
  /** The IANA zone the listing's deadline date is read in, when known. */
  readonly timezone?: string;
  readonly status: 'pending' | 'published' | 'withdrawn' | 'expired';
}

export interface ListingLookup {
  getDeadlineInfo(listingId: string): Promise<ListingDeadlineInfo | undefined>;
}

/** Called by listing use cases after a moderator changes a listing. */
export interface ListingChangeHooks {
  /** The deadline moved (or became rolling): move every member's deadline reminders. */
  deadlineChanged(listing: ListingDeadlineInfo): Promise<void>;
  /** The listing was withdrawn or expired: remove its reminders and tell each member once. */
  listingWithdrawn(listing: ListingDeadlineInfo, reason: string): Promise<void>;
}
