import type { CoreDeps } from '../deps.ts';
import { type FaqGap, faqGapSchema, type GapLimits } from './faq-feedback.port.ts';
import type { FaqIndex } from './faq-index.ts';

/** How much of the gap log each community keeps. */
export const GAP_LIMITS: GapLimits = {
  max: 500, // why: a year of a busy server's unanswered questions fits; a flood cannot grow Redis without bound
  retentionMs: 90 * 24 * 60 * 60 * 1000, // why: a quarter shows what members ask now, not what they asked long ago
};

const MAX_GAP_TEXT = 300; // why: a question longer than this is a paste; its start says what it was about

/** Two questions are "the same gap" when they share at least this share of their words (Jaccard). */
const SAME_GAP = 0.5; // why: "visa interview tips" and "tips for the visa interview" meet; "visa" and "visa fees" do not

/** Where and when gaps are read or kept: a community (never a member: gaps name nobody) at an instant. */
export interface GapScope {
  readonly communityId: string;
  readonly at: number;
}

/**
 * Keeps a question the FAQ refused or was unsure about: its text, time and
 * community only. A failure to write is logged, never shown to the member,
 * whose answer matters more than the log.
 */
export async function recordGap(
  deps: Pick<CoreDeps, 'faqFeedback' | 'logger'>,
  scope: GapScope,
  question: string,
  kind: FaqGap['kind'],
  closest: readonly string[],
): Promise<void> {
  const text = question.replace(/\s+/g, ' ').trim().slice(0, MAX_GAP_TEXT);
  if (text === '') return;
  try {
    await deps.faqFeedback.addGap(
      { communityId: scope.communityId, text, at: scope.at, kind, closest: closest.slice(0, 3) },
      GAP_LIMITS,
    );
  } catch (err) {
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not keep an FAQ gap');
  }
}

/** Questions that say nearly the same thing, with how often they were asked. */
export interface GapGroup {
  /** The newest question's id: what `/faq-edit from_gap:` and the buttons name. */
  readonly id: string;
  /** The newest wording. */
  readonly text: string;
  readonly count: number;
  readonly lastAt: number;
  /** Every kept question of the group (removed together). */
  readonly ids: readonly string[];
  /** Topics the matcher found closest for the newest question. */
  readonly closest: readonly string[];
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups kept questions by similarity of their words as the matcher sees them
 * (synonyms, stems, typos repaired), most asked first. Greedy: each question
 * joins the first group whose newest wording it resembles.
 */
export function groupGaps(gaps: readonly FaqGap[], index: FaqIndex): GapGroup[] {
  const groups: { terms: Set<string>; plain: string; members: FaqGap[] }[] = [];
  const newestFirst = [...gaps].sort((a, b) => b.at - a.at);
  for (const gap of newestFirst) {
    const terms = new Set(index.terms(gap.text));
    const plain = gap.text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const home = groups.find((g) =>
      terms.size === 0 || g.terms.size === 0 ? g.plain === plain : jaccard(g.terms, terms) >= SAME_GAP,
    );
    if (home) home.members.push(gap);
    else groups.push({ terms, plain, members: [gap] });
  }
  return groups
    .map(({ members }) => {
      const newest = members[0] as FaqGap;
      return {
        id: newest.id,
        text: newest.text,
        count: members.length,
        lastAt: newest.at,
        ids: members.map((m) => m.id),
        closest: newest.closest,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/** The community's kept questions within retention, grouped. Unreadable records are skipped. */
export async function loadGapGroups(
  deps: Pick<CoreDeps, 'faqFeedback'>,
  scope: GapScope,
  index: FaqIndex,
): Promise<GapGroup[]> {
  const raw = await deps.faqFeedback.gaps(scope.communityId, scope.at - GAP_LIMITS.retentionMs);
  const gaps = raw.flatMap((r) => {
    const parsed = faqGapSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return groupGaps(gaps, index);
}

/** The group a gap id belongs to, or undefined when it is gone (already handled or expired). */
export async function findGapGroup(
  deps: Pick<CoreDeps, 'faqFeedback'>,
  scope: GapScope,
  index: FaqIndex,
  gapId: string,
): Promise<GapGroup | undefined> {
  const groups = await loadGapGroups(deps, scope, index);
  return groups.find((g) => g.ids.includes(gapId));
}
