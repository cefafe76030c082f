/**
 * Longest-match lookup of word sequences ("letter of recommendation",
 * "ob gyn") in a list of words, indexed by first word so that a word that
 * starts no phrase costs one map lookup. Text analysis runs it on every
 * word of every entry and question, so it must stay cheap.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { maxWords: number; phrases: Map<string, T> }>();

  /** `phrases`: lowercase word lists and what each stands for (the first one listed wins a tie). */
  constructor(phrases: Iterable<readonly [readonly string[], T]>) {
    for (const [words, value] of phrases) {
      const first = words[0];
      if (first === undefined) continue;
      const slot = this.byFirst.get(first) ?? { maxWords: 0, phrases: new Map<string, T>() };
      const key = words.join(' ');
      if (!slot.phrases.has(key)) slot.phrases.set(key, value);
      slot.maxWords = Math.max(slot.maxWords, words.length);
      this.byFirst.set(first, slot);
    }
  }

  /** Every word any phrase uses. */
  words(): string[] {
    return [...this.byFirst.values()].flatMap((s) => [...s.phrases.keys()].flatMap((k) => k.split(' ')));
  }

  /**
   * The longest phrase starting at `lower[start]` that `accept` takes (by
   * default any), with its length in words.
   */
  match(
    lower: readonly string[],
    start: number,
    accept: (value: T, length: number) => boolean = () => true,
  ): { value: T; length: number } | undefined {
    const slot = this.byFirst.get(lower[start] ?? '');
    if (!slot) return undefined;
    for (let n = Math.min(slot.maxWords, lower.length - start); n >= 1; n--) {
      const value = slot.phrases.get(
        n === 1 ? (lower[start] as string) : lower.slice(start, start + n).join(' '),
      );
      if (value !== undefined && accept(value, n)) return { value, length: n };
    }
    return undefined;
  }
}
