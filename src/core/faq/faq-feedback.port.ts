import { z } from 'zod';

/**
 * A question the FAQ refused or answered with low confidence, kept so that
 * moderators see what to write next. It holds the text, the time and the
 * community only: no member id, so it is not personal data of the asker's
 * account and `/mydata` never needs it.
 */
export const faqGapSchema = z.object({
  /** Short id, unique within the community (`g` + a counter). */
  id: z.string().regex(/^g[0-9a-z]{1,12}$/),
  communityId: z.string(),
  /** The question as asked, clipped. */
  text: z.string().max(300),
  at: z.number(),
  /** `refused`: no answer given; `unsure`: an answer or a choice of two given with low confidence. */
  kind: z.enum(['refused', 'unsure']),
  /** Topic ids the matcher found closest, best first (may be empty). */
  closest: z.array(z.string()).max(3),
});
/** One kept question. */
export type FaqGap = z.infer<typeof faqGapSchema>;

/** How much of the gap log a community keeps. */
export interface GapLimits {
  /** Most questions kept per community; the oldest go first. */
  readonly max: number;
  /** Questions older than this are dropped. */
  readonly retentionMs: number;
}

/** A member's vote on one answer. */
export type FaqVote = 'up' | 'down';

/** Helpful / not helpful counts of one entry. */
export interface VoteCounts {
  readonly up: number;
  readonly down: number;
}

/**
 * What the FAQ learns from its members, per community: the questions it could
 * not answer well (the gap log) and the helpful / not helpful votes on its
 * answers. Implemented on Redis in `src/store/faq-feedback.redis-store.ts`.
 */
export interface FaqFeedbackStore {
  /** Keeps a question; drops the oldest beyond `limits.max` and those past retention. Returns its id. */
  addGap(gap: Omit<FaqGap, 'id'>, limits: GapLimits): Promise<string>;
  /** The kept questions of a community newer than `since`, newest first (raw, validated by the caller). */
  gaps(communityId: string, since: number): Promise<unknown[]>;
  /** Removes questions by id; returns how many were there. */
  removeGaps(communityId: string, ids: readonly string[]): Promise<number>;
  /**
   * Records a member's vote on an entry, replacing their earlier vote on it
   * (one vote per member per entry). `voter` is an opaque key, never a member
   * id in clear. Returns the entry's counts after the vote and whether it
   * changed anything.
   */
  vote(
    communityId: string,
    entryId: string,
    voter: string,
    vote: FaqVote,
  ): Promise<VoteCounts & { changed: boolean }>;
  /** Vote counts of every entry that has any, by entry id. */
  votes(communityId: string): Promise<Map<string, VoteCounts>>;
}
