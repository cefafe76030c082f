/** Where an application stands, in the order members usually go through them. */
export const TRACKER_STATUSES = [
  'interested',
  'applied',
  'contacted',
  'accepted',
  'rejected',
  'rotating',
  'completed',
] as const;

export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** A note the member added to an entry. */
export interface TrackerNote {
  readonly at: number;
  readonly text: string;
}

/**
 * One application in a member's tracker: the spreadsheet row applicants are
 * advised to keep (program, status, date of contact, rotation dates, notes).
 * Dates are calendar dates `YYYY-MM-DD` in the member's zone.
 */
export interface TrackerEntry {
  readonly id: string;
  readonly userId: string;
  readonly program: string;
  readonly listingId?: string;
  readonly status: TrackerStatus;
  /** When the member last contacted or applied to the program. */
  readonly contactedOn?: string;
  readonly rotationStart?: string;
  readonly rotationEnd?: string;
  /** Hands-on (true) or observational (false); unknown when unset. */
  readonly handsOn?: boolean;
  readonly notes: readonly TrackerNote[];
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the status last changed (the follow-up clock starts here when no contact date is given). */
  readonly statusChangedAt: number;
}

/** why: a tracker is a personal spreadsheet; 200 rows is far beyond a Match cycle's applications. */
export const MAX_ENTRIES_PER_MEMBER = 200;
/** why: notes are reminders to self, not a diary; keeps one entry well under a few KB. */
export const MAX_NOTES_PER_ENTRY = 30;
