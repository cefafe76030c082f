import MiniSearch, { type SearchResult } from 'minisearch';
import type { FaqEntry } from './faq-entry.ts';
import { SpellFixer } from './faq-spell.ts';
import { analyze, KNOWN_WORDS, prepare } from './faq-text.ts';
import { type Confidence, closeSecond, decide, type RankedHit } from './faq-threshold.ts';

/** What the index says about a question. */
export type FaqAnswer =
  | { readonly kind: 'answer'; readonly entry: FaqEntry; readonly confidence: Confidence }
  /** Two topics fit about equally well: the member picks (best first). */
  | {
      readonly kind: 'choice';
      readonly entries: readonly [FaqEntry, FaqEntry];
      readonly confidence: Confidence;
    }
  | { readonly kind: 'none'; readonly closest: readonly FaqEntry[]; readonly confidence: Confidence };

interface IndexedDoc {
  readonly id: string;
  /** The id's words ("cant-afford-externship"): a one-line summary written by the author. */
  readonly topic: string;
  readonly title: string;
  readonly aliases: string;
  readonly keywords: string;
  readonly body: string;
}

// why: titles, aliases, keywords and the id are written to be matched; the body is long prose, so it counts least.
const BOOST = { title: 3, aliases: 2.5, keywords: 2, topic: 2, body: 1 };
const MAX_QUESTION_CHARS = 500; // why: a question longer than this is a paste; its head says what it is about

const QUANTITY_TERMS = new Set(analyze('how much how long'));
const FOCUS_BOOST = 2; // why: the asked-about thing counts double; a larger boost changes nothing more on the paraphrase sets

/**
 * The thing a "how many / how much / how long" question asks about: the term
 * right after the quantity words ("how many LORs" -> `lor`), which matters
 * more than the rest of the question. Undefined when there is none.
 */
function focusTerm(terms: readonly string[]): string | undefined {
  const at = terms.findIndex((t) => QUANTITY_TERMS.has(t));
  if (at < 0) return undefined;
  return terms.slice(at + 1).find((t) => !QUANTITY_TERMS.has(t));
}

/** The distinct terms of a text, sorted: equal for two phrasings that say the same words. */
function termKey(terms: readonly string[]): string {
  return [...new Set(terms)].sort().join(' ');
}

/** Drops the Markdown pointers ("Related: /faq id:...", "_General guidance only_") the matcher must not read. */
function indexableBody(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\s*related:/i.test(line) && !/^\s*_general guidance/i.test(line))
    .join('\n');
}

/**
 * The matching engine over one set of entries: a MiniSearch index (BM25 with
 * field boosts) on the field's own text analysis (synonyms, stop words,
 * stemming), typo repair, and the confidence rule that decides between an
 * answer and "no answer". Immutable: an edit builds a new index (30-odd
 * entries take a few milliseconds).
 *
 * Two choices beyond MiniSearch's defaults, both measured on held-out
 * paraphrases: each question term is weighted by its rarity across whole
 * entries (`1 + ln(N / df)`), because BM25's per-field rarity lets a common
 * word that happens to sit in one title outweigh the word that names the
 * topic; and prefix/fuzzy expansion applies only to words the index does not
 * know (a truncated or misspelt word), since a known word is meant as typed.
 */
export class FaqIndex {
  private readonly search: MiniSearch<IndexedDoc>;
  private readonly byId: ReadonlyMap<string, FaqEntry>;
  private readonly spell: SpellFixer;
  /** Rarity weight of every index term across entries. */
  private readonly termWeight = new Map<string, number>();
  /** Weight of a term no entry has: as rare as it gets. */
  private readonly unknownWeight: number;
  /** Entry ids by the term set of their title and of each alias ("rules of this server" -> `rule server`). */
  private readonly phrasings = new Map<string, string[]>();

  /** `entries`: the visible entries, in the order lists show them. */
  constructor(readonly entries: readonly FaqEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    const docs: IndexedDoc[] = entries.map((e) => ({
      id: e.id,
      topic: e.id.replace(/-/g, ' '),
      title: e.title,
      aliases: e.aliases.join('\n'),
      keywords: e.keywords.join('\n'),
      body: indexableBody(e.body),
    }));
    const n = Math.max(1, docs.length);
    const df = new Map<string, number>();
    for (const d of docs) {
      for (const t of new Set(analyze(`${d.title} ${d.aliases} ${d.keywords} ${d.topic} ${d.body}`))) {
        df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
    for (const [t, f] of df) this.termWeight.set(t, 1 + Math.log(n / f));
    this.unknownWeight = 1 + Math.log(n);
    const known = (t: string) => this.termWeight.has(t);
    this.search = new MiniSearch<IndexedDoc>({
      fields: ['title', 'aliases', 'keywords', 'topic', 'body'],
      tokenize: analyze,
      processTerm: (term) => term,
      searchOptions: {
        boost: BOOST,
        boostTerm: (t) => this.termWeight.get(t) ?? 1,
        // why: one typo per five letters; short words and abbreviations stay exact
        fuzzy: (t) => (!known(t) && t.length > 4 ? 0.2 : 0),
        // why: four letters are a real start of a word ("cert", "recomm"); "rec" would reach "recent"
        prefix: (t) => !known(t) && t.length >= 4,
        combineWith: 'OR',
      },
    });
    this.search.addAll(docs);
    for (const e of entries) {
      for (const text of [e.title, ...e.aliases]) {
        const key = termKey(analyze(text));
        if (key === '') continue;
        const ids = this.phrasings.get(key) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        this.phrasings.set(key, ids);
      }
    }
    // why not the body: its long tail of everyday words would "correct" real words ("learning" -> "leaning").
    const words = docs.flatMap((d) => `${d.title} ${d.aliases} ${d.keywords}`.split(/[^A-Za-z]+/));
    this.spell = new SpellFixer([...words, ...KNOWN_WORDS]);
  }

  /** The question clipped and with its typos repaired. */
  private clean(question: string): string {
    return this.spell.fix(prepare(question.slice(0, MAX_QUESTION_CHARS)));
  }

  /** An entry by id, when it is visible. */
  get(id: string): FaqEntry | undefined {
    return this.byId.get(id);
  }

  /** The index terms of a question (after typo repair), as the engine sees it. */
  terms(question: string): string[] {
    return analyze(this.clean(question));
  }

  /** Entries ranked for a question, best first, with the terms that matched and the weighted coverage. */
  rank(question: string): RankedHit[] {
    return this.run(question).hits;
  }

  /**
   * The answer to a question, or the closest topics when no entry is a
   * confident match. A question that says exactly what an entry's title or one
   * of its aliases says (same words once stop words are dropped) is that
   * entry, however few field words it has: a moderator's new topic is always
   * found by its own title.
   */
  answer(question: string): FaqAnswer {
    const { terms, hits } = this.run(question);
    const exact = this.phrasings.get(termKey(terms));
    if (exact) {
      const id = hits.find((h) => exact.includes(h.id))?.id ?? (exact[0] as string);
      const entry = this.byId.get(id);
      const top = hits.find((h) => h.id === id);
      if (entry) {
        return {
          kind: 'answer',
          entry,
          confidence: { answerId: id, reason: 'exact', score: top?.score ?? 0, coverage: 1 },
        };
      }
    }
    const confidence = decide(terms, hits);
    const top = confidence.answerId !== undefined ? this.byId.get(confidence.answerId) : undefined;
    const runnerUp = top ? closeSecond(terms, hits) : undefined;
    const second = runnerUp ? this.byId.get(runnerUp) : undefined;
    if (top && second) return { kind: 'choice', entries: [top, second], confidence };
    if (top) return { kind: 'answer', entry: top, confidence };
    const closest = hits.flatMap((h) => this.byId.get(h.id) ?? []).slice(0, 3);
    return { kind: 'none', closest, confidence };
  }

  /** Analyses the question once and searches with its terms. */
  private run(question: string): { terms: string[]; hits: RankedHit[] } {
    const terms = analyze(this.clean(question));
    const distinct = [...new Set(terms)];
    if (distinct.length === 0) return { terms, hits: [] };
    const weight = (t: string) => this.termWeight.get(t) ?? this.unknownWeight;
    const total = distinct.reduce((sum, t) => sum + weight(t), 0);
    // Words no entry uses (a country, a city, a name) say nothing about which entry fits.
    const knownTotal = distinct.reduce((sum, t) => sum + (this.termWeight.get(t) ?? 0), 0);
    const focus = focusTerm(terms);
    const results: SearchResult[] = this.search.search(distinct.join(' '), {
      tokenize: () => distinct,
      boostTerm: (t) => (this.termWeight.get(t) ?? 1) * (t === focus ? FOCUS_BOOST : 1),
    });
    const hits = results.map((r) => ({
      id: String(r.id),
      score: r.score,
      matchedTerms: r.terms,
      queryTerms: r.queryTerms,
      coverage: r.queryTerms.reduce((sum, t) => sum + weight(t), 0) / total,
      knownCoverage:
        knownTotal > 0
          ? r.queryTerms.reduce((sum, t) => sum + (this.termWeight.get(t) ?? 0), 0) / knownTotal
          : 0,
    }));
    return { terms, hits };
  }

  /**
   * Autocomplete: entries whose title, aliases or keywords start like the
   * words typed so far (prefix on every word, one typo forgiven), best first.
   * An empty query lists the entries in order.
   */
  complete(query: string, limit: number): FaqEntry[] {
    if (analyze(query).length === 0) return this.entries.slice(0, limit);
    const results = this.search.search(query.slice(0, MAX_QUESTION_CHARS), {
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : 0), // why: while typing, a four-letter start is already meant
      fields: ['title', 'aliases', 'keywords', 'topic'],
    });
    return results.slice(0, limit).flatMap((r) => this.byId.get(String(r.id)) ?? []);
  }
}
