import { distance } from 'fastest-levenshtein';
import type { Result } from '../result.ts';
import { fail, ok } from '../result.ts';
import { SPECIALTIES, type SpecialtyDef } from './specialty-vocabulary.ts';

/**
 * The specialty matcher: reads what members type (label, id, alias,
 * abbreviation, a near miss) into the canonical ids of the vocabulary in
 * specialty-vocabulary.ts. The vocabulary is re-exported here so importers
 * have one place to look.
 */
export { SPECIALTIES, type SpecialtyDef };

/**
 * Reduces a term to its comparison key: accents, case, spacing, punctuation
 * and the word "and" removed (so `OB/GYN`, `ob gyn` and `Ob-Gyn` agree, as do
 * `PM&R` and `PM and R`), then British spellings folded to American ones.
 */
function termKey(text: string): string {
  const joined = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && t !== 'and')
    .join('');
  return joined
    .replace(/paed/g, 'ped')
    .replace(/haem/g, 'hem')
    .replace(/gynae/g, 'gyne')
    .replace(/anaes/g, 'anes')
    .replace(/oesoph/g, 'esoph');
}

interface Term {
  readonly key: string;
  readonly id: string;
  /** True for the id and label, false for aliases (ranks autocomplete). */
  readonly primary: boolean;
}

const BY_ID = new Map<string, SpecialtyDef>(SPECIALTIES.map((s) => [s.id, s]));
const TERMS: readonly Term[] = SPECIALTIES.flatMap((s) => [
  { key: termKey(s.id), id: s.id, primary: true },
  { key: termKey(s.label), id: s.id, primary: true },
  ...s.aliases.map((a) => ({ key: termKey(a), id: s.id, primary: false })),
]);
const BY_KEY = buildKeyIndex(TERMS);
const TERMS_BY_ID = new Map<string, Term[]>();
for (const t of TERMS) TERMS_BY_ID.set(t.id, [...(TERMS_BY_ID.get(t.id) ?? []), t]);
const CAPS_ONLY_KEYS = new Set(SPECIALTIES.flatMap((s) => (s.capsOnly ?? []).map(termKey)));

/** Longest phrase bare-word parsing tries: the wordiest term, and at least 3 words. */
const MAX_PHRASE_WORDS = Math.max(
  3, // why: never below three words, so common three-word names ("obstetrics and gynecology") always fit
  ...SPECIALTIES.flatMap((s) => [s.label, ...s.aliases].map((t) => t.trim().split(/\s+/).length)),
);
/** Inputs longer than this are not compared by edit distance (cost grows with length). */
const MAX_FUZZY_KEY = 64;

function buildKeyIndex(terms: readonly Term[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const t of terms) {
    const existing = index.get(t.key);
    if (existing !== undefined && existing !== t.id) {
      throw new Error(`Specialty alias key "${t.key}" maps to both ${existing} and ${t.id}`);
    }
    index.set(t.key, t.id);
  }
  return index;
}

/** Edit-distance budget for a key: about one typo per three letters, at most three. */
function fuzzyBudget(key: string): number {
  if (key.length <= 3) return 1; // why: short abbreviations differ from each other by one letter
  if (key.length <= 6) return 2;
  return 3;
}

/** Closest specialty ids to a key, best first, deduplicated per specialty. */
function closestIds(key: string, limit: number): string[] {
  if (key === '' || key.length > MAX_FUZZY_KEY) return [];
  const budget = fuzzyBudget(key);
  const best = new Map<string, number>();
  for (const t of TERMS) {
    const score = key.length >= 3 && t.key.startsWith(key) ? 0.5 : distance(key, t.key);
    if (score > budget) continue;
    const prev = best.get(t.id);
    if (prev === undefined || score < prev) best.set(t.id, score);
  }
  const sorted = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const top = sorted[0]?.[1] ?? 0;
  return sorted
    .filter(([, score]) => score <= top + 1) // why: "cardiolgy" should not also offer radiology
    .slice(0, limit)
    .map(([id]) => id);
}

function quoteInput(input: string): string {
  const clipped = input.length > 40 ? `${input.slice(0, 40)}…` : input; // why: keep messages short
  return `"${clipped}"`;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Resolves what a member typed to a canonical specialty id: an id, a label or
 * an alias, in any case, with any spacing or punctuation (`OB/GYN`, `ob gyn`,
 * `IM`, `paediatrics`).
 *
 * Fails with `SPECIALTY.EMPTY` when nothing was typed, and `SPECIALTY.UNKNOWN`
 * otherwise, carrying up to three close ids in `details.suggestions`.
 */
export function normaliseSpecialty(input: string): Result<string> {
  const key = termKey(input);
  if (key === '') {
    return fail('SPECIALTY.EMPTY', 'No specialty was given. Example: specialty:cardiology', {
      input,
      suggestions: [],
    });
  }
  const id = BY_KEY.get(key);
  if (id !== undefined) return ok(id);

  const suggestions = closestIds(key, 3); // why: three choices fit one line of a chat reply
  const shown = quoteInput(input.trim());
  if (suggestions.length > 0) {
    return fail(
      'SPECIALTY.UNKNOWN',
      `Unknown specialty ${shown}. Did you mean ${orList(suggestions)}? Example: specialty:${suggestions[0]}`,
      { input: input.trim(), suggestions },
    );
  }
  return fail(
    'SPECIALTY.UNKNOWN',
    `Unknown specialty ${shown}. Use a specialty name or a common abbreviation, such as ` +
      'internal-medicine (IM), family-medicine (FM), pediatrics (peds), obstetrics-gynecology (OB/GYN) ' +
      'or cardiology. Example: specialty:cardiology',
    { input: input.trim(), suggestions },
  );
}

/** True when `id` is a canonical specialty id (not an alias). */
export function isSpecialtyId(id: string): boolean {
  return BY_ID.has(id);
}

/**
 * Display label for a specialty id (`internal-medicine` -> `Internal Medicine`).
 * Aliases resolve too; anything unknown is returned unchanged.
 */
export function specialtyLabel(id: string): string {
  const def = BY_ID.get(id) ?? BY_ID.get(BY_KEY.get(termKey(id)) ?? '');
  return def?.label ?? id;
}

/** True when every letter in the text is a capital and there is at least one. */
function isAllCaps(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z]/.test(text);
}

/**
 * Exact match of a phrase of `length` words at `start`, honouring the
 * capitals-only rule; undefined when the phrase is not a specialty.
 */
function matchExact(words: readonly string[], start: number, length: number): string | undefined {
  const slice = words.slice(start, start + length);
  const first = slice[0];
  const last = slice[slice.length - 1];
  // A phrase may not begin or end with a connector ("and", "/"): "cardiology and" is one word.
  if (first === undefined || last === undefined || termKey(first) === '' || termKey(last) === '') {
    return undefined;
  }
  const text = slice.join(' ');
  const key = termKey(text);
  const id = BY_KEY.get(key);
  if (id === undefined) return undefined;
  if (CAPS_ONLY_KEYS.has(key) && !isAllCaps(text)) return undefined;
  return id;
}

/**
 * Bare-word parsing: the longest specialty phrase starting at `words[start]`
 * (e.g. `['internal', 'medicine', 'NY']` at 0 -> `{ id: 'internal-medicine',
 * length: 2 }`). Exact ids, labels and aliases only, never fuzzy; aliases that
 * double as English words (`im`, `er`, `path`) count only in capitals.
 */
export function matchSpecialtyPhrase(
  words: readonly string[],
  start: number,
): { id: string; length: number } | undefined {
  if (!Number.isInteger(start) || start < 0) return undefined;
  const longest = Math.min(MAX_PHRASE_WORDS, words.length - start);
  for (let length = longest; length >= 1; length--) {
    const id = matchExact(words, start, length);
    if (id !== undefined) return { id, length };
  }
  return undefined;
}

/**
 * Bare-word parsing of a single word: exact id, label or alias only
 * (`cardiology` -> `cardiology`, `IM` -> `internal-medicine`, `im` -> undefined).
 */
export function matchSpecialtyWord(word: string): string | undefined {
  return matchExact([word], 0, 1);
}

/** Autocomplete rank of one specialty for a query key; lower is better, undefined = no match. */
function autocompleteRank(def: SpecialtyDef, terms: readonly Term[], query: string): number | undefined {
  if (terms.some((t) => t.key === query)) return 0;
  if (terms.some((t) => t.primary && t.key.startsWith(query))) return 1;
  const labelWords = def.label.split(/[^A-Za-z]+/).map(termKey);
  if (labelWords.some((w) => w !== '' && w.startsWith(query))) return 2;
  if (terms.some((t) => t.key.startsWith(query))) return 3;
  // why 4: shorter fragments ("car") find too many unrelated substrings ("palliative care")
  if (query.length < 4 || query.length > MAX_FUZZY_KEY) return undefined;
  if (terms.some((t) => t.key.includes(query))) return 4;
  const budget = Math.max(1, fuzzyBudget(query) - 1); // why: suggestions while typing should stay tight
  const d = Math.min(...terms.filter((t) => t.key.length >= 4).map((t) => distance(query, t.key)));
  return d <= budget ? 5 + d : undefined;
}

/**
 * Autocomplete choices for a partly typed specialty: exact and prefix matches
 * over ids, labels and aliases first, then substring matches, then close
 * misspellings. An empty prefix lists specialties alphabetically.
 * `limit` defaults to 25, Discord's maximum number of choices.
 */
export function searchSpecialties(prefix: string, limit = 25): { id: string; label: string }[] {
  if (limit <= 0) return [];
  const query = termKey(prefix);
  const ranked: { def: SpecialtyDef; rank: number }[] = [];
  for (const def of SPECIALTIES) {
    const rank = query === '' ? 0 : autocompleteRank(def, TERMS_BY_ID.get(def.id) ?? [], query);
    if (rank !== undefined) ranked.push({ def, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.def.label.localeCompare(b.def.label))
    .slice(0, limit)
    .map(({ def }) => ({ id: def.id, label: def.label }));
}

const MIN_TYPO_WORD = 6; // why: shorter words collide with real words and abbreviations ("neuro" vs "nephro")
const LONG_TYPO_WORD = 9; // why: from nine letters on, two slips still leave the word unmistakable

/**
 * Bare-word typo repair: the one specialty a misspelt word stands for
 * (`cardiolgy` -> cardiology, `pediatircs` -> pediatrics), or undefined when
 * the word is exact, short, or close to several specialties. Stricter than
 * the suggestions of {@link normaliseSpecialty} (one slip per word, two from
 * nine letters), since nobody confirms it before the search runs.
 */
export function correctSpecialtyWord(word: string): string | undefined {
  const key = termKey(word);
  if (key.length < MIN_TYPO_WORD || key.length > MAX_FUZZY_KEY || !/^[a-z]+$/.test(key) || BY_KEY.has(key)) {
    return undefined;
  }
  const budget = key.length >= LONG_TYPO_WORD ? 2 : 1;
  let best: { id: string; d: number } | undefined;
  let tie = false;
  for (const t of TERMS) {
    if (t.key.length < MIN_TYPO_WORD - 1 || CAPS_ONLY_KEYS.has(t.key)) continue;
    const d = distance(key, t.key);
    if (d > budget) continue;
    if (!best || d < best.d) {
      best = { id: t.id, d };
      tie = false;
    } else if (d === best.d && t.id !== best.id) {
      tie = true;
    }
  }
  return best && !tie ? best.id : undefined;
}
