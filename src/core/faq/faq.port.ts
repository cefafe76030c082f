import { z } from 'zod';
import { type FaqEntry, faqEntrySchema } from './faq-entry.ts';
import type { FaqIndex } from './faq-index.ts';

/**
 * A moderator's change to one topic of one community, kept over the shipped
 * entries: a replacement or new entry, or a shipped entry hidden.
 */
export const faqOverrideSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), entry: faqEntrySchema, by: z.string(), at: z.number() }),
  z.object({ kind: z.literal('hidden'), by: z.string(), at: z.number() }),
]);

export type FaqOverride = z.infer<typeof faqOverrideSchema>;

/** What the override store holds for a community, read in one atomic step. */
export interface FaqOverrideSnapshot {
  /** Bumped by every write; 0 when the community never changed its FAQ. */
  readonly version: number;
  /** Raw stored overrides by entry id (validated by the core on read). */
  readonly overrides: ReadonlyMap<string, unknown>;
}

/**
 * Moderators' FAQ changes per community, shared by every process. Each write
 * bumps the community's version atomically with the change, so a process
 * learns of an edit made elsewhere with one cheap read of the version.
 */
export interface FaqOverrideStore {
  version(communityId: string): Promise<number>;
  load(communityId: string): Promise<FaqOverrideSnapshot>;
  /** Stores an override; returns the one it replaced (raw), if any. */
  put(communityId: string, id: string, override: FaqOverride): Promise<unknown>;
  /** Removes an override; returns it (raw), or undefined when there was none. */
  clear(communityId: string, id: string): Promise<unknown>;
}

/** The FAQ in effect for one community at one version. */
export interface FaqAnswerBase {
  readonly version: number;
  /** The visible entries (shipped, edited, added) and the matcher over them. */
  readonly index: FaqIndex;
  /** Ids whose text differs from the shipped files (edited, added or hidden). */
  readonly overridden: ReadonlySet<string>;
  /** Shipped ids a moderator removed. */
  readonly hidden: ReadonlySet<string>;
}

/** The FAQ answer base the handlers use (`ctx.deps.faq`). */
export interface FaqPort {
  /** The entries shipped in `config/faq`, by id. */
  readonly shipped: ReadonlyMap<string, FaqEntry>;
  readonly overrides: FaqOverrideStore;
  /**
   * The answer base in effect for a community. Costs one version read when
   * nothing changed; after an edit (in any process) it rebuilds the index once.
   */
  current(communityId: string): Promise<FaqAnswerBase>;
}
