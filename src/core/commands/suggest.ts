import { distance } from 'fastest-levenshtein';

/**
 * Closest candidates to a mistyped word ("did you mean /externship?").
 * Accepts a candidate within roughly a third of the word's length, or one
 * that starts with what was typed.
 */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  const word = input.toLowerCase();
  const maxDistance = Math.max(2, Math.ceil(word.length / 3)); // why: tolerate ~1 typo per 3 letters
  return candidates
    .map((c) => ({
      c,
      d: c.toLowerCase().startsWith(word) && word.length >= 2 ? 0.5 : distance(word, c.toLowerCase()),
    }))
    .filter((x) => x.d <= maxDistance)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((x) => x.c);
}
