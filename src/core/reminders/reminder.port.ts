import type { SchedulerPort } from '../ports/scheduler.port.ts';
import type { Reminder } from './reminder.ts';

/** Reminder records and their indexes (per member, per listing). */
export interface ReminderStore {
  /** A fresh reminder id (letters and digits, never all digits). */
  newId(): string;
  /** Many records at once, in the order asked (undefined for gone ones). */
  getMany(ids: readonly string[]): Promise<(Reminder | undefined)[]>;
  /** Writes the record and its indexes atomically (the due index only while pending). */
  save(reminder: Reminder): Promise<void>;
  get(id: string): Promise<Reminder | undefined>;
  /** Every reminder of a member (pending and recently delivered), soonest first. */
  listForUser(userId: string): Promise<Reminder[]>;
  /** How many reminders the member has pending. */
  countPending(userId: string): Promise<number>;
  /** Deletes the record, its indexes and its delivery records; returns what was deleted. */
  remove(id: string): Promise<Reminder | undefined>;
  /** Pending reminders with their delivery instants, in pages (restart reconciliation); cursor '0' starts and ends. */
  scanPending(
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; items: { readonly id: string; readonly fireAt: number }[] }>;

  /**
   * Records that the member wants deadline reminders for a listing (from a
   * community), every step of them: steps they had cancelled come back. False
   * when already subscribed.
   */
  subscribeDeadline(listingId: string, userId: string, communityId: string): Promise<boolean>;
  /** Removes a subscription and its cancelled steps; true only for the call that removed it (so a member is told once). */
  unsubscribeDeadline(listingId: string, userId: string): Promise<boolean>;
  /** Remembers that the member cancelled the step `offsetDays` before a listing's deadline, so no change brings it back. */
  skipDeadlineStep(listingId: string, userId: string, offsetDays: number): Promise<void>;
  /** The steps (days before the deadline) the member cancelled for a listing. */
  skippedDeadlineSteps(listingId: string, userId: string): Promise<number[]>;
  deadlineSubscribers(listingId: string): Promise<string[]>;
  /** The member's subscriptions: listing id -> community id it was made in. */
  subscriptionsOf(userId: string): Promise<Record<string, string>>;
  /** Deletes every reminder, ledger, index entry and subscription of a member; returns the reminder ids. */
  forgetUser(userId: string): Promise<string[]>;
}

/**
 * Per-occurrence delivery records, the at-most-once guard. States:
 * `claimed` (a worker is preparing it) -> `sending` (the notifier was called)
 * -> `sent`; or `released` back to nothing after a failure the platform
 * confirmed (so a retry may send), `failed` (permanent) and `uncertain`
 * (a worker died while sending: we cannot know whether the member got it).
 */
export interface DeliveryLedger {
  /**
   * Claims an occurrence for `token`. Returns `claimed` (go ahead; also when an
   * earlier claim died before sending) or the state that forbids sending. With
   * `takeOverSending` an occurrence left `sending` by a dead attempt is claimed
   * too: only for a notifier that drops repeats of the same idempotency key.
   */
  claim(
    reminderId: string,
    at: number,
    token: string,
    opts?: { readonly takeOverSending?: boolean },
  ): Promise<'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain'>;
  /** claimed(token) -> sending; false when another worker took the claim over. */
  markSending(reminderId: string, at: number, token: string): Promise<boolean>;
  /** sending -> sent. */
  markSent(reminderId: string, at: number, token: string): Promise<void>;
  /** Forgets a claim whose send failed for sure, so the next attempt may send. */
  release(reminderId: string, at: number, token: string): Promise<void>;
  /** Records a final state without a send: `failed` or `uncertain`. */
  settle(reminderId: string, at: number, state: 'failed' | 'uncertain'): Promise<void>;
  /** The recorded state of an occurrence (tests, diagnostics). */
  state(reminderId: string, at: number): Promise<string | undefined>;
}

/**
 * Member reminders, deadline reminders and their delivery records: the
 * records, the at-most-once ledger and the scheduler that delivers them.
 */
export interface RemindersPort {
  readonly store: ReminderStore;
  readonly ledger: DeliveryLedger;
  readonly scheduler: SchedulerPort;
}
