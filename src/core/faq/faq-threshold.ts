import { FIELD_TERMS, SHARED_TERMS } from './faq-domain-terms.ts';

/** One ranked entry for a question. */
export interface RankedHit {
  readonly id: string;
  /** MiniSearch's BM25 score (field boosts, term weights, prefix and fuzzy weights applied). */
  readonly score: number;
  /** Index terms of the entry that matched (after fuzzy/prefix expansion). */
  readonly matchedTerms: readonly string[];
  /** Question terms that found something in the entry. */
  readonly queryTerms: readonly string[];
  /** Share of the question's term weight (rarer words weigh more) that the entry matched, 0..1. */
  readonly coverage: number;
}

/** Why the engine answered or not; logged, and handy in tests. */
export interface Confidence {
  readonly answerId?: string;
  readonly reason: 'answer' | 'empty' | 'off-topic' | 'low-score' | 'weak-match';
  readonly score: number;
  readonly coverage: number;
}

/** Below this score the best entry shares only a word or two of filler with the question. */
export const MIN_SCORE = Number(process.env.FAQ_MIN ?? 50);
/** Share of the question an entry must cover when the question names the field outright. */
export const MIN_COVERAGE = Number(process.env.FAQ_COV1 ?? 0.3);
/** Share it must cover when the only field words are everyday ones ("hospital", "program", "patient"). */
export const MIN_COVERAGE_SHARED = Number(process.env.FAQ_COV2 ?? 0.6);

/**
 * The confidence rule. An answer needs all of:
 * 1. a field word in the question (typos are repaired before analysis), so
 *    chit-chat never reaches an entry through generic words or a fuzzy
 *    near-miss ("watch" is one edit from "match");
 * 2. a score of at least `MIN_SCORE`;
 * 3. coverage: the best entry matches at least `MIN_COVERAGE` of the
 *    question's weight, or `MIN_COVERAGE_SHARED` when the question's only field
 *    words are ones everyday talk uses too ("what time does the hospital
 *    cafeteria open" must not land on an entry through "hospital").
 */
export function decide(queryTerms: readonly string[], hits: readonly RankedHit[]): Confidence {
  const top = hits[0];
  if (queryTerms.length === 0 || !top) return { reason: 'empty', score: 0, coverage: 0 };
  const base = { score: top.score, coverage: top.coverage };
  const shared = new Set(queryTerms.filter((t) => SHARED_TERMS.has(t))).size;
  // Two everyday field words together ("program" and "hospital") place a question as firmly as one field word.
  const field = shared >= 2 || queryTerms.some((t) => FIELD_TERMS.has(t));
  if (!field && shared === 0) return { reason: 'off-topic', ...base };
  if (top.score < MIN_SCORE) return { reason: 'low-score', ...base };
  if (top.coverage < (field ? MIN_COVERAGE : MIN_COVERAGE_SHARED)) return { reason: 'weak-match', ...base };
  return { answerId: top.id, reason: 'answer', ...base };
}
