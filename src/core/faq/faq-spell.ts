/**
 * Typo repair before analysis. MiniSearch's fuzzy search counts a swapped
 * pair of letters ("lenght", "recieve") as two edits and cannot see through
 * a synonym that replaced the word, so unknown words are first matched
 * against the answer base's own vocabulary with the optimal string alignment
 * distance (a transposition is one edit).
 */

const MIN_WORD = 6; // why: shorter words collide with real ones ("watch" is one edit from "match")
const LONG_WORD = 9; // why: from nine letters on, two slips still leave the word unmistakable

const MAX_LEN = 40; // why: longer "words" are pastes or URLs, never worth repairing
const CACHE_LIMIT = 5_000; // why: bounds memory; real questions reuse a small set of misspellings

/** Three rolling rows for {@link osaDistance}, allocated once. */
const rows = [new Int32Array(MAX_LEN + 3), new Int32Array(MAX_LEN + 3), new Int32Array(MAX_LEN + 3)];

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > MAX_LEN || b.length > MAX_LEN) return max + 1;
  let prev2 = rows[0] as Int32Array;
  let prev = rows[1] as Int32Array;
  let row = rows[2] as Int32Array;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return prev[b.length] as number;
}

/** Repairs misspelt words against a fixed vocabulary. */
export class SpellFixer {
  private readonly known: ReadonlySet<string>;
  /** Vocabulary by first letter: a slip in the first letter is rare, and checking it costs 26 times more. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly cache = new Map<string, string | undefined>();

  /** `words`: every word the answer base knows (any case; counted once). */
  constructor(words: Iterable<string>) {
    const known = new Set<string>();
    for (const w of words) {
      const lower = w.toLowerCase();
      if (!/^[a-z]+$/.test(lower) || known.has(lower)) continue;
      known.add(lower);
      if (lower.length < MIN_WORD - 1) continue;
      const bucket = this.byFirst.get(lower[0] as string) ?? [];
      bucket.push(lower);
      this.byFirst.set(lower[0] as string, bucket);
    }
    this.known = known;
  }

  /** The vocabulary word a misspelling stands for, or undefined when the word is known or too far off. */
  correct(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (
      lower.length < MIN_WORD ||
      lower.length > MAX_LEN ||
      this.known.has(lower) ||
      !/^[a-z]+$/.test(lower)
    ) {
      return undefined;
    }
    if (this.cache.has(lower)) return this.cache.get(lower);
    const max = lower.length >= LONG_WORD ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const candidate of this.byFirst.get(lower[0] as string) ?? []) {
      const d = osaDistance(lower, candidate, Math.min(max, bestDistance - 1));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        if (d === 1) break; // why: an unknown word is at least one edit away, so nothing beats 1
      }
    }
    if (this.cache.size < CACHE_LIMIT) this.cache.set(lower, best);
    return best;
  }

  /** The text with every misspelt word replaced by the vocabulary word it stands for. */
  fix(text: string): string {
    return text.replace(/[A-Za-z]+/g, (w) => this.correct(w) ?? w);
  }
}
