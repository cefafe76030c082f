import type { ListingType } from '../opportunities/listing.ts';
import type { Alert } from './alert.ts';
import type { DigestPort } from './digest.ts';

/**
 * Member alerts in a store: records, a per-member index (for /alerts and the
 * per-member limit) and a per-community index by listing type, so matching a
 * new listing reads only the alerts of its community that could match its
 * type. Implemented on Redis in `src/store/alerts.redis-store.ts`.
 */
export interface AlertStore {
  /** A fresh alert id (starts with a letter, so never all digits). */
  newId(): string;
  /**
   * Stores the alert with its index entries atomically, unless the member
   * already has `max` alerts (then nothing is stored and `limit` is returned).
   */
  add(alert: Alert, max: number): Promise<'added' | 'limit'>;
  /** The member's alerts, oldest first. */
  listForUser(userId: string): Promise<Alert[]>;
  /** Removes one of the member's alerts with its index entries; undefined when they have none with that id. */
  remove(userId: string, id: string): Promise<Alert | undefined>;
  /** Alerts of a community for listings of `type`: those naming that type and those naming none. */
  candidates(communityId: string, type: ListingType): Promise<Alert[]>;
  /**
   * Records that a member is being told about a listing. True only for the
   * first call per (listing, member), so a member gets one message per listing
   * however many of their alerts match and however often the job runs.
   */
  claimNotice(listingId: string, userId: string): Promise<boolean>;
  /** Deletes every alert and notice record of a member (`/mydata delete`); returns how many alerts. */
  forgetUser(userId: string): Promise<number>;
}

/** What happened to a listing's channel announcement. */
export type PostState = 'posting' | 'posted' | 'failed' | 'no-channel' | 'uncertain';

/**
 * The at-most-once record of a listing's announcement: the channel post
 * (claimed as `posting` right before the notifier is called) and whether its
 * alerts were sent. Kept for the listing's life, so publishing it again never
 * announces it again.
 */
export interface AnnouncementLedger {
  /** Claims the channel post: `claimed`, or the state already recorded (then nothing is posted). */
  claimPost(listingId: string): Promise<'claimed' | PostState>;
  /** Records how the post ended. */
  settlePost(listingId: string, state: Exclude<PostState, 'posting'>): Promise<void>;
  /** Forgets a claim whose post failed for sure (a transient error), so a retry may post. */
  releasePost(listingId: string): Promise<void>;
  /** The recorded state: the post's, and whether the alerts were all sent. */
  state(listingId: string): Promise<{ readonly post?: PostState; readonly alertsDone: boolean }>;
  markAlertsDone(listingId: string): Promise<void>;
}

/** "Announce these listings": the core's view of the announcement queue (BullMQ in `src/jobs`). */
export interface AnnouncementQueue {
  /** Queues one announcement per listing; a listing already queued keeps its one job. */
  enqueue(listingIds: readonly string[]): Promise<void>;
}

/** Member alerts and listing announcements. */
export interface AlertsPort {
  readonly store: AlertStore;
  readonly ledger: AnnouncementLedger;
  readonly queue: AnnouncementQueue;
  /** Alert matches waiting for members' daily or weekly digests, and the digests' schedule. */
  readonly digests: DigestPort;
}
