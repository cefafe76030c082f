import type { CoreDeps } from '../deps.ts';

/** What delivering one occurrence needs from the core's dependencies. */
export type DeliveryDeps = Pick<
  CoreDeps,
  | 'reminders'
  | 'userSettings'
  | 'settings'
  | 'clock'
  | 'logger'
  | 'notifier'
  | 'listingLookup'
  | 'tracker'
  | 'rateLimiter'
>;

/** One delivery attempt of one occurrence (`at`, the job's instant) of a reminder. */
export interface DeliveryRequest {
  readonly reminderId: string;
  readonly at: number;
  /** Unique per attempt: who holds the claim. */
  readonly token: string;
  /** From this lateness on, the DM says it is late. */
  readonly lateAfterMs: number;
}
