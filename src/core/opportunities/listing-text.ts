/**
 * Text helpers shared by validation, the word index and autocomplete. User
 * text stays plain (adapters escape markup); here we only remove characters
 * that break layout (control and bidi-override characters) and fold text for
 * matching.
 */

// why: C0/C1 controls (except tab and newline) and bidi overrides/isolates can hide or reorder text
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point; they are removed.
const LAYOUT_BREAKERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Multi-line text: layout breakers removed, line endings unified, blank runs trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LAYOUT_BREAKERS, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line text: like {@link cleanText}, with every whitespace run as one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** Lowercase ASCII fold: accents removed (`Méd` -> `med`). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// why: words too common to narrow a search; they are neither indexed nor required in `q`
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our the their this to was we with you your'.split(
    ' ',
  ),
);

/** Reduces a word to the form the index keeps: simple plurals folded (`clinics` -> `clinic`). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) {
    return word.slice(0, -1);
  }
  return word;
}

/** Index words of a text: folded, split on non-letters/digits, stop words dropped, plurals folded. */
export function indexWords(text: string): string[] {
  const out = new Set<string>();
  for (const raw of fold(text).split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    // why: 40 characters is longer than any real word; longer runs are junk (URLs, hashes)
    if (raw.length > 40) continue;
    out.add(stem(raw));
  }
  return [...out];
}

/** Folded title for prefix autocomplete (`Cardiology Observership` -> `cardiology observership`). */
export function titleKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folded city for the city index (`New York` / `new-york` -> `new york`). */
export function cityKey(text: string): string {
  return titleKey(text).replace(/^(saint|st) /, 'st ');
}

/** Clips text to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
