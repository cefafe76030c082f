import type { WallClock } from '../time/parse-when.ts';

/**
 * What a reminder is about. `custom` comes from `/remind`; `deadline` from a
 * listing subscription; `follow-up`, `letter` and `thank-you` from the
 * application tracker's chains; `notice` is a one-off message (e.g. "this
 * listing was withdrawn") that rides the same rate-limited, retried delivery.
 */
export type ReminderKind = 'custom' | 'deadline' | 'follow-up' | 'letter' | 'thank-you' | 'notice';

/** How often a custom reminder repeats (`weekdays`: Monday to Friday; `fortnightly`: every 2 weeks). */
export type Repeat = 'daily' | 'weekdays' | 'weekly' | 'fortnightly' | 'monthly';

export const REPEATS: readonly [Repeat, ...Repeat[]] = [
  'daily',
  'weekdays',
  'weekly',
  'fortnightly',
  'monthly',
];

/**
 * One reminder. Instants are UTC ms. `dueAt` is when the member wants it;
 * `fireAt` is when it is delivered (later than `dueAt` only when quiet hours
 * defer it). `wall` keeps the wall-clock intent ("09:00 on that day", a
 * repeat's anchor) so a zone change or DST moves the instant, not the hour.
 */
export interface Reminder {
  readonly id: string;
  readonly userId: string;
  /** Community where it was created (which settings apply, where to say DMs failed). */
  readonly communityId: string;
  readonly kind: ReminderKind;
  /** The member's own words (custom), or a short label / the message (notice). */
  readonly text: string;
  /** `pending`: scheduled; `delivered`: shown, kept a while so its buttons (snooze, done) work. */
  readonly status: 'pending' | 'delivered';
  readonly dueAt: number;
  readonly fireAt: number;
  /** Local wall-clock intent, re-read in the member's current zone when it changes. */
  readonly wall?: WallClock;
  /** The member's zone when this occurrence was placed (a repeat's series runs in it). */
  readonly zone?: string;
  readonly repeat?: Repeat;
  /** For repeats: which occurrence `dueAt` is (the anchor `wall` plus this many periods). */
  readonly occurrence?: number;
  readonly listingId?: string;
  readonly offsetDays?: number;
  readonly trackerId?: string;
  readonly createdAt: number;
  readonly deliveredAt?: number;
}

/** At most this many pending reminders per member. why: bounds storage and the /reminders list. */
export const MAX_PENDING_PER_MEMBER = 200;

/**
 * True when a job for instant `at` is this reminder's current occurrence: its
 * delivery instant, or (for a repeat) its due instant, where the series' own
 * job lands before quiet hours deferred it. Anything else is a stale job.
 */
export function isCurrentOccurrence(r: Reminder, at: number): boolean {
  return r.status === 'pending' && (at === r.fireAt || (r.repeat !== undefined && at === r.dueAt));
}

/** Kinds the member can snooze or mark done from the DM. */
export function hasButtons(kind: ReminderKind): boolean {
  return kind !== 'notice';
}
