import { FIELD_TERMS, OFF_TOPIC_TERMS, SHARED_TERMS } from './faq-domain-terms.ts';

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
  /** The same share counted over the question's words that some entry uses (the rest cannot decide), 0..1. */
  readonly knownCoverage: number;
}

/** Why the engine answered or not; logged, and handy in tests. */
export interface Confidence {
  readonly answerId?: string;
  readonly reason: 'answer' | 'exact' | 'empty' | 'off-topic' | 'low-score' | 'weak-match';
  readonly score: number;
  readonly coverage: number;
}

/** Below this score the best entry shares only a word or two of filler with the question. */
export const MIN_SCORE = 50; // why: tuned on the paraphrase sets in test/fixtures; chit-chat scores below it
/** Share of the question an entry must cover when the question names the field outright. */
export const MIN_COVERAGE = 0.3; // why: tuned on the paraphrase sets; lower lets one stray word pick an entry
/** Share it must cover when the only field words are everyday ones ("hospital", "program", "patient"). */
export const MIN_COVERAGE_SHARED = 0.6; // why: everyday field words need most of the question to agree

/** Share of the question's weight an entry must match to answer a question that has no field word. */
export const WHOLE_COVERAGE = 0.75; // why: chit-chat shares a word or two with an entry (<= 0.5 on the test sets), never most
/** Score that such a question must also reach. */
export const WHOLE_SCORE = 200; // why: several of its words must hit the entry's title, aliases or keywords

/**
 * A long question carries personal context ("I'm from Sudan, graduated 2019,
 * applied in Ohio...") that no entry mentions, which drags `coverage` down
 * though the entry matches most of what the question asks. Counted over the
 * words some entry uses, a confident entry still matches this share of them...
 */
export const MIN_KNOWN_COVERAGE = 0.4; // why: held-out long questions that rank right sit at 0.44-0.8; chit-chat rarely has 2 known words
/** ...with at least this score (several of its words hit the entry). */
export const MIN_KNOWN_SCORE = 150; // why: off-topic questions with a field word scored <= 100 on the test sets
/** The same two bars when the question's field words are only everyday ones ("program", "hospital"). */
export const MIN_KNOWN_COVERAGE_SHARED = 0.65; // why: everyday words need most of the known words to agree
export const MIN_KNOWN_SCORE_SHARED = 250; // why: as above, with a margin over everyday chit-chat

/**
 * A long question whose best entry clearly leads the rest: many of its words
 * hit that entry (a high score) and the runner-up is well behind. Personal
 * context ("planning my annual leave", "my husband is on...") lowers the
 * coverage of such questions, not the lead of the entry they are about.
 */
export const DOMINANT_SCORE = 600; // why: off-topic questions with a field word stay under 300 on the test sets; 600 keeps a wide margin
/** ...with this share of its known words matched... */
export const DOMINANT_KNOWN_COVERAGE = 0.3; // why: below MIN_KNOWN_COVERAGE, for questions padded with personal context
/** ...and this lead over the second entry. */
export const DOMINANT_LEAD = 1.25; // why: a quarter ahead of the runner-up; closer calls are offered as a choice

function dominant(hits: readonly RankedHit[]): boolean {
  const [top, second] = hits;
  if (!top) return false;
  return (
    top.score >= DOMINANT_SCORE &&
    top.knownCoverage >= DOMINANT_KNOWN_COVERAGE &&
    top.score >= DOMINANT_LEAD * (second?.score ?? 0)
  );
}

/**
 * A question in the members' own words ("should I keep a case log") may use
 * no word of the field lists, yet match nearly all of one entry's words.
 */
function nearlyWhole(queryTerms: readonly string[], top: RankedHit): boolean {
  return new Set(queryTerms).size >= 2 && top.coverage >= WHOLE_COVERAGE && top.score >= WHOLE_SCORE;
}

/**
 * The confidence rule. A question that asks about a gadget, food, travel or
 * the like (an off-topic word the best entry does not match) gets no answer.
 * Otherwise an answer needs all of:
 * 1. a field word in the question (typos are repaired before analysis), so
 *    chit-chat never reaches an entry through generic words or a fuzzy
 *    near-miss ("watch" is one edit from "match"), unless one entry matches
 *    nearly every word of it ({@link nearlyWhole});
 * 2. a score of at least `MIN_SCORE`;
 * 3. coverage: the best entry matches at least `MIN_COVERAGE` of the
 *    question's weight, or `MIN_COVERAGE_SHARED` when the question's only field
 *    words are ones everyday talk uses too ("what time does the hospital
 *    cafeteria open" must not land on an entry through "hospital"); or, for a
 *    long question, enough of its known words with a solid score.
 */
export function decide(queryTerms: readonly string[], hits: readonly RankedHit[]): Confidence {
  const top = hits[0];
  if (queryTerms.length === 0 || !top) return { reason: 'empty', score: 0, coverage: 0 };
  const base = { score: top.score, coverage: top.coverage };
  if (queryTerms.some((t) => OFF_TOPIC_TERMS.has(t) && !top.queryTerms.includes(t))) {
    return { reason: 'off-topic', ...base };
  }
  const shared = new Set(queryTerms.filter((t) => SHARED_TERMS.has(t))).size;
  // Two everyday field words together ("program" and "hospital") place a question as firmly as one field word.
  const field = shared >= 2 || queryTerms.some((t) => FIELD_TERMS.has(t));
  if (!field && shared === 0 && !nearlyWhole(queryTerms, top)) return { reason: 'off-topic', ...base };
  if (top.score < MIN_SCORE) return { reason: 'low-score', ...base };
  if (!field && shared === 0) return { answerId: top.id, reason: 'answer', ...base }; // nearly whole
  const covered = field
    ? top.coverage >= MIN_COVERAGE ||
      (top.knownCoverage >= MIN_KNOWN_COVERAGE && top.score >= MIN_KNOWN_SCORE) ||
      dominant(hits)
    : top.coverage >= MIN_COVERAGE_SHARED ||
      (top.knownCoverage >= MIN_KNOWN_COVERAGE_SHARED && top.score >= MIN_KNOWN_SCORE_SHARED);
  if (!covered) return { reason: 'weak-match', ...base };
  return { answerId: top.id, reason: 'answer', ...base };
}

/** The runner-up is "as good" when it scores at least this share of the best entry. */
export const CLOSE_RATIO = 0.9; // why: within 10% the ranking is a coin toss on the paraphrase sets (about 2% of questions)

/**
 * When the best entry answers and the second one is nearly as good (its score
 * within {@link CLOSE_RATIO}, and it would pass the confidence rule on its
 * own), the id of that second entry: the member is offered both instead of
 * a guess. Undefined otherwise.
 */
export function closeSecond(queryTerms: readonly string[], hits: readonly RankedHit[]): string | undefined {
  const [top, second] = hits;
  if (!top || !second || second.score < CLOSE_RATIO * top.score) return undefined;
  return decide(queryTerms, [second, ...hits.slice(2)]).answerId === second.id ? second.id : undefined;
}
