import type { FaqOverride, FaqOverrideSnapshot, FaqOverrideStore } from '../../src/core/faq/faq.port.ts';
import type {
  FaqFeedbackStore,
  FaqGap,
  FaqVote,
  GapLimits,
  VoteCounts,
} from '../../src/core/faq/faq-feedback.port.ts';
import { stored } from './clone.ts';

/** Moderators' FAQ changes in memory: every write bumps the community's version. */
export class MemoryFaqOverrideStore implements FaqOverrideStore {
  private readonly byCommunity = new Map<string, { version: number; overrides: Map<string, unknown> }>();

  private of(communityId: string) {
    const c = this.byCommunity.get(communityId) ?? { version: 0, overrides: new Map<string, unknown>() };
    this.byCommunity.set(communityId, c);
    return c;
  }

  async version(communityId: string): Promise<number> {
    return this.byCommunity.get(communityId)?.version ?? 0;
  }

  async load(communityId: string): Promise<FaqOverrideSnapshot> {
    const c = this.of(communityId);
    return { version: c.version, overrides: new Map([...c.overrides].map(([id, o]) => [id, stored(o)])) };
  }

  async put(communityId: string, id: string, override: FaqOverride): Promise<unknown> {
    const c = this.of(communityId);
    const before = c.overrides.get(id);
    c.overrides.set(id, stored(override));
    c.version++;
    return before;
  }

  async clear(communityId: string, id: string): Promise<unknown> {
    const c = this.of(communityId);
    const before = c.overrides.get(id);
    c.overrides.delete(id);
    c.version++;
    return before;
  }
}

/** The FAQ's gap log and answer votes in memory (ids `g` + a hex counter per community, as in Redis). */
export class MemoryFaqFeedbackStore implements FaqFeedbackStore {
  private readonly gapLog = new Map<string, { n: number; gaps: FaqGap[] }>();
  private readonly voteLog = new Map<string, Map<string, Map<string, FaqVote>>>();

  async addGap(gap: Omit<FaqGap, 'id'>, limits: GapLimits): Promise<string> {
    const log = this.gapLog.get(gap.communityId) ?? { n: 0, gaps: [] };
    this.gapLog.set(gap.communityId, log);
    log.n++;
    const id = `g${log.n.toString(16)}`;
    log.gaps.push({ id, ...stored(gap) });
    const kept = log.gaps.filter((g) => g.at >= gap.at - limits.retentionMs).sort((a, b) => a.at - b.at);
    log.gaps = kept.slice(Math.max(0, kept.length - limits.max));
    return id;
  }

  async gaps(communityId: string, since: number): Promise<unknown[]> {
    return (this.gapLog.get(communityId)?.gaps ?? [])
      .filter((g) => g.at >= since)
      .sort((a, b) => b.at - a.at)
      .map(stored);
  }

  async removeGaps(communityId: string, ids: readonly string[]): Promise<number> {
    const log = this.gapLog.get(communityId);
    if (!log) return 0;
    const before = log.gaps.length;
    log.gaps = log.gaps.filter((g) => !ids.includes(g.id));
    return before - log.gaps.length;
  }

  private counts(voters: Map<string, FaqVote>): VoteCounts {
    const all = [...voters.values()];
    return { up: all.filter((v) => v === 'up').length, down: all.filter((v) => v === 'down').length };
  }

  async vote(
    communityId: string,
    entryId: string,
    voter: string,
    vote: FaqVote,
  ): Promise<VoteCounts & { changed: boolean }> {
    const entries = this.voteLog.get(communityId) ?? new Map<string, Map<string, FaqVote>>();
    this.voteLog.set(communityId, entries);
    const voters = entries.get(entryId) ?? new Map<string, FaqVote>();
    entries.set(entryId, voters);
    const changed = voters.get(voter) !== vote;
    voters.set(voter, vote);
    return { ...this.counts(voters), changed };
  }

  async votes(communityId: string): Promise<Map<string, VoteCounts>> {
    const entries = this.voteLog.get(communityId) ?? new Map<string, Map<string, FaqVote>>();
    return new Map([...entries].map(([id, voters]) => [id, this.counts(voters)]));
  }
}
