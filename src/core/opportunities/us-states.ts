import { distance } from 'fastest-levenshtein';
import type { Result } from '../result.ts';
import { fail, ok } from '../result.ts';

/**
 * U.S. states, the District of Columbia and the territories where members look
 * for clinical experience. Listings store the two-letter USPS `code`.
 */
export interface UsState {
  /** Two-letter USPS code, upper case (`NY`). */
  readonly code: string;
  /** Full name (`New York`). */
  readonly name: string;
  /** Other full names, accepted everywhere, including bare-word parsing (`Washington DC`). */
  readonly altNames?: readonly string[];
  /**
   * Abbreviations and nicknames (`Calif.`, `NYC`, `Mass.`) accepted only where a
   * state is expected (the `state:` option), since several are ordinary words.
   */
  readonly abbreviations?: readonly string[];
}

export const US_STATES: readonly UsState[] = [
  { code: 'AL', name: 'Alabama', abbreviations: ['Ala.'] },
  { code: 'AK', name: 'Alaska' },
  { code: 'AZ', name: 'Arizona', abbreviations: ['Ariz.'] },
  { code: 'AR', name: 'Arkansas', abbreviations: ['Ark.'] },
  { code: 'CA', name: 'California', abbreviations: ['Calif.', 'Cali'] },
  { code: 'CO', name: 'Colorado', abbreviations: ['Colo.'] },
  { code: 'CT', name: 'Connecticut', abbreviations: ['Conn.'] },
  { code: 'DE', name: 'Delaware', abbreviations: ['Del.'] },
  {
    code: 'DC',
    name: 'District of Columbia',
    altNames: ['Washington DC', 'Washington D.C.'],
    abbreviations: ['D.C.'],
  },
  { code: 'FL', name: 'Florida', abbreviations: ['Fla.'] },
  { code: 'GA', name: 'Georgia', abbreviations: ['Ga.'] },
  { code: 'HI', name: 'Hawaii' },
  { code: 'ID', name: 'Idaho' },
  { code: 'IL', name: 'Illinois', abbreviations: ['Ill.'] },
  { code: 'IN', name: 'Indiana', abbreviations: ['Ind.'] },
  { code: 'IA', name: 'Iowa' },
  { code: 'KS', name: 'Kansas', abbreviations: ['Kan.', 'Kans.'] },
  { code: 'KY', name: 'Kentucky', abbreviations: ['Ky.'] },
  { code: 'LA', name: 'Louisiana', abbreviations: ['La.'] },
  { code: 'ME', name: 'Maine' },
  { code: 'MD', name: 'Maryland', abbreviations: ['Md.'] },
  { code: 'MA', name: 'Massachusetts', abbreviations: ['Mass.'] },
  { code: 'MI', name: 'Michigan', abbreviations: ['Mich.'] },
  { code: 'MN', name: 'Minnesota', abbreviations: ['Minn.'] },
  { code: 'MS', name: 'Mississippi', abbreviations: ['Miss.'] },
  { code: 'MO', name: 'Missouri', abbreviations: ['Mo.'] },
  { code: 'MT', name: 'Montana', abbreviations: ['Mont.'] },
  { code: 'NE', name: 'Nebraska', abbreviations: ['Neb.', 'Nebr.'] },
  { code: 'NV', name: 'Nevada', abbreviations: ['Nev.'] },
  { code: 'NH', name: 'New Hampshire', abbreviations: ['N.H.'] },
  { code: 'NJ', name: 'New Jersey', abbreviations: ['N.J.', 'Jersey'] },
  { code: 'NM', name: 'New Mexico', abbreviations: ['N.M.', 'N.Mex.'] },
  { code: 'NY', name: 'New York', abbreviations: ['N.Y.', 'NYC', 'New York City'] },
  { code: 'NC', name: 'North Carolina', abbreviations: ['N.C.'] },
  { code: 'ND', name: 'North Dakota', abbreviations: ['N.D.', 'N.Dak.'] },
  { code: 'OH', name: 'Ohio' },
  { code: 'OK', name: 'Oklahoma', abbreviations: ['Okla.'] },
  { code: 'OR', name: 'Oregon', abbreviations: ['Ore.', 'Oreg.'] },
  { code: 'PA', name: 'Pennsylvania', abbreviations: ['Pa.', 'Penn.', 'Penna.'] },
  { code: 'RI', name: 'Rhode Island', abbreviations: ['R.I.'] },
  { code: 'SC', name: 'South Carolina', abbreviations: ['S.C.'] },
  { code: 'SD', name: 'South Dakota', abbreviations: ['S.D.', 'S.Dak.'] },
  { code: 'TN', name: 'Tennessee', abbreviations: ['Tenn.'] },
  { code: 'TX', name: 'Texas', abbreviations: ['Tex.'] },
  { code: 'UT', name: 'Utah' },
  { code: 'VT', name: 'Vermont', abbreviations: ['Vt.'] },
  { code: 'VA', name: 'Virginia', abbreviations: ['Va.'] },
  { code: 'WA', name: 'Washington', altNames: ['Washington State'], abbreviations: ['Wash.'] },
  { code: 'WV', name: 'West Virginia', abbreviations: ['W.Va.', 'W.V.'] },
  { code: 'WI', name: 'Wisconsin', abbreviations: ['Wis.', 'Wisc.'] },
  { code: 'WY', name: 'Wyoming', abbreviations: ['Wyo.'] },
  { code: 'PR', name: 'Puerto Rico', abbreviations: ['P.R.'] },
  { code: 'GU', name: 'Guam' },
  {
    code: 'VI',
    name: 'U.S. Virgin Islands',
    altNames: ['US Virgin Islands', 'Virgin Islands', 'United States Virgin Islands'],
    abbreviations: ['USVI'],
  },
];

/** Comparison key: lower case, letters and digits only (`N.Y.` -> `ny`, `New York` -> `newyork`). */
function stateKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_CODE = new Map<string, UsState>(US_STATES.map((s) => [s.code, s]));

function buildIndex(terms: readonly (readonly [string, string])[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [term, code] of terms) {
    const key = stateKey(term);
    const existing = index.get(key);
    if (existing !== undefined && existing !== code) {
      throw new Error(`State key "${key}" maps to both ${existing} and ${code}`);
    }
    index.set(key, code);
  }
  return index;
}

/** Full names and alternative full names: safe for bare-word parsing. */
const NAME_TERMS = US_STATES.flatMap((s) => [s.name, ...(s.altNames ?? [])].map((n) => [n, s.code] as const));
const BY_NAME = buildIndex(NAME_TERMS);
/** Everything `normaliseState` accepts: codes in any case, names, abbreviations. */
const BY_ANY = buildIndex([
  ...US_STATES.map((s) => [s.code, s.code] as const),
  ...NAME_TERMS,
  ...US_STATES.flatMap((s) => (s.abbreviations ?? []).map((a) => [a, s.code] as const)),
]);
const CODE_AND_NAME_TERMS = [...US_STATES.map((s) => [s.code, s.code] as const), ...NAME_TERMS];
/** Longest state name in words ("United States Virgin Islands" has four). */
const MAX_PHRASE_WORDS = Math.max(...NAME_TERMS.map(([n]) => n.trim().split(/\s+/).length));
/** Inputs longer than this are not compared by edit distance (cost grows with length). */
const MAX_FUZZY_KEY = 40;

/** Closest state codes to a key, best first. */
function closestCodes(key: string, limit: number): string[] {
  if (key === '' || key.length > MAX_FUZZY_KEY) return [];
  // why: about one typo per three letters, at most three; codes differ from each other by one letter
  const budget = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  const best = new Map<string, number>();
  for (const [term, code] of CODE_AND_NAME_TERMS) {
    const termKey = stateKey(term);
    const score = key.length >= 3 && termKey.startsWith(key) ? 0.5 : distance(key, termKey);
    if (score > budget) continue;
    const prev = best.get(code);
    if (prev === undefined || score < prev) best.set(code, score);
  }
  const sorted = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const top = sorted[0]?.[1] ?? 0;
  return sorted
    .filter(([, score]) => score <= top + 1) // why: keep only the near-best guesses
    .slice(0, limit)
    .map(([code]) => code);
}

/**
 * Resolves what a member typed where a state is expected to its two-letter
 * code: `NY`, `ny`, `New York`, `new york`, `N.Y.` and `New York State` all give
 * `NY`.
 *
 * Fails with `STATE.EMPTY` when nothing was typed and `STATE.UNKNOWN`
 * otherwise, carrying up to three close codes in `details.suggestions`.
 */
export function normaliseState(input: string): Result<string> {
  const key = stateKey(input);
  if (key === '') {
    return fail(
      'STATE.EMPTY',
      'No state was given. Use a two-letter code or the full name. Example: state:NY',
      {
        input,
        suggestions: [],
      },
    );
  }
  const code =
    BY_ANY.get(key) ?? (key.endsWith('state') ? BY_ANY.get(key.slice(0, -'state'.length)) : undefined);
  if (code !== undefined) return ok(code);

  const trimmed = input.trim();
  const shown = `"${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}"`; // why: keep messages short
  const suggestions = closestCodes(key, 3); // why: three choices fit one line of a chat reply
  if (suggestions.length > 0) {
    const listed = suggestions.map((c) => `${c} (${stateName(c)})`);
    const choice =
      listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}`;
    return fail(
      'STATE.UNKNOWN',
      `Unknown state ${shown}. Did you mean ${choice}? Example: state:${suggestions[0]}`,
      {
        input: trimmed,
        suggestions,
      },
    );
  }
  return fail(
    'STATE.UNKNOWN',
    `Unknown state ${shown}. Use a two-letter code or the full name, such as NY or New York. Example: state:NY`,
    { input: trimmed, suggestions },
  );
}

/** Full name for a state code (`NY` -> `New York`); anything unknown is returned unchanged. */
export function stateName(code: string): string {
  return BY_CODE.get(code.toUpperCase())?.name ?? code;
}

/** True when `code` is one of the two-letter codes in {@link US_STATES} (upper case). */
export function isStateCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The word as a state code if it is exactly two capital letters naming a
 * state, ignoring surrounding punctuation and dots (`NY`, `NY,`, `N.Y.`).
 * Lower- or mixed-case words never count: `in`, `or`, `me`, `ok` are English.
 */
function bareCode(word: string): string | undefined {
  const letters = word.replace(/\./g, '').replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
  return /^[A-Z]{2}$/.test(letters) && BY_CODE.has(letters) ? letters : undefined;
}

/**
 * Bare-word parsing: a state starting at `words[start]`, longest phrase first.
 * Matches an exact two-letter code typed in capitals (`NY`, but not `ny`,
 * `in`, `or`, `me`) or a full state name in any case, over several words
 * (`new york`, `North Carolina`, `Washington DC`). Never fuzzy.
 */
export function matchStatePhrase(
  words: readonly string[],
  start: number,
): { code: string; length: number } | undefined {
  if (!Number.isInteger(start) || start < 0) return undefined;
  const longest = Math.min(MAX_PHRASE_WORDS, words.length - start);
  for (let length = longest; length >= 1; length--) {
    const slice = words.slice(start, start + length);
    if (slice.some((w) => stateKey(w) === '')) continue; // why: "New / York" is not a name
    const code = BY_NAME.get(stateKey(slice.join(' ')));
    if (code !== undefined) return { code, length };
  }
  const first = words[start];
  const code = first === undefined ? undefined : bareCode(first);
  return code === undefined ? undefined : { code, length: 1 };
}
