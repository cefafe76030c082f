import { BARE_WORD_NOTE } from '../commands/command.ts';
import { fail, ok, type Result } from '../result.ts';
import type { ListingType } from './listing.ts';
import { matchType } from './listing-fields.ts';
import { correctSpecialtyWord, matchSpecialtyPhrase, specialtyLabel } from './specialties.ts';
import { correctPlaceWord, describePlace, matchPlacePhrase, type PlaceHit } from './us-places.ts';
import { matchStatePhrase } from './us-states.ts';

/**
 * Reads the bare words of a text search (`/observership cardiology NY
 * hands-on free`) as named filters: specialty, state and city phrases (city
 * nicknames and areas: `NYC`, `Philly`, `NYC area`, see us-places.ts), flag
 * words, a fee ceiling (`under $500`), a deadline (`before 2027-06-01`), a
 * type (in /opportunities); a misspelt specialty or city is repaired with a
 * note saying so; every other word goes to the free-text query `q`.
 */
interface Hit {
  readonly key: string;
  readonly value: string;
  /** Words consumed. */
  readonly length: number;
  /** How the words were read, when it was a guess or a place with parts ("Searching cardiology (you typed cardiolgy)"). */
  readonly note?: string;
}

const FLAG_WORDS: Record<string, { key: string; value: string }> = {
  'hands-on': { key: 'hands_on', value: 'true' },
  handson: { key: 'hands_on', value: 'true' },
  observational: { key: 'hands_on', value: 'false' },
  'observation-only': { key: 'hands_on', value: 'false' },
  'observational-only': { key: 'hands_on', value: 'false' },
  free: { key: 'free', value: 'true' },
  'no-fee': { key: 'free', value: 'true' },
  'no-usmle': { key: 'no_usmle', value: 'true' },
  nousmle: { key: 'no_usmle', value: 'true' },
  'no-ecfmg': { key: 'no_ecfmg', value: 'true' },
  noecfmg: { key: 'no_ecfmg', value: 'true' },
  lor: { key: 'lor', value: 'true' },
  eligible: { key: 'eligible', value: 'true' },
  qualify: { key: 'eligible', value: 'true' },
  letter: { key: 'lor', value: 'true' },
  letters: { key: 'lor', value: 'true' },
  'lor-possible': { key: 'lor', value: 'true' },
};

/** Two-word flags: `hands on`, `no usmle`, `no ecfmg`, `no fee`. */
const FLAG_PAIRS: Record<string, { key: string; value: string }> = {
  'hands on': { key: 'hands_on', value: 'true' },
  'no usmle': { key: 'no_usmle', value: 'true' },
  'no ecfmg': { key: 'no_ecfmg', value: 'true' },
  'no fee': { key: 'free', value: 'true' },
};

const FEE_WORDS = new Set(['under', 'below', 'max', 'maximum', 'upto', '<', '<=', '≤', 'less-than']);
const DATE_WORDS = new Set(['before', 'by']);
// why: connector words carry no meaning on their own; they never become the free-text query
const FILLER = new Set([
  'in',
  'at',
  'near',
  'with',
  'and',
  'or',
  'for',
  'the',
  'a',
  'an',
  'of',
  'on',
  'around',
  'show',
  'me',
  'find',
  'any',
  'please',
]);

const MONEY = /^(?:<=?|≤)?\$?(\d{1,3}(?:,\d{3})+|\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function flagAt(words: readonly string[], i: number): Hit | undefined {
  const w = (words[i] ?? '').toLowerCase().replace(/[.,;!?]+$/, '');
  const pair = `${w} ${(words[i + 1] ?? '').toLowerCase()}`;
  const two = FLAG_PAIRS[pair];
  if (two) return { ...two, length: 2 };
  const one = FLAG_WORDS[w];
  if (one) return { ...one, length: 1 };
  const next = words[i + 1] ?? '';
  if (FEE_WORDS.has(w) && MONEY.test(next)) {
    return { key: 'max_fee', value: (MONEY.exec(next)?.[1] ?? '').replace(/,/g, ''), length: 2 };
  }
  if (/^(?:<=?|≤)?\$\d/.test(w) && MONEY.test(w)) {
    return { key: 'max_fee', value: (MONEY.exec(w)?.[1] ?? '').replace(/,/g, ''), length: 1 };
  }
  if (DATE_WORDS.has(w) && DATE.test(next)) return { key: 'deadline_before', value: next, length: 2 };
  if (DATE.test(w)) return { key: 'deadline_before', value: w, length: 1 };
  return undefined;
}

/** Where the note of a place search says what it covers (`LA` is also Louisiana's code). */
function placeNote(hit: PlaceHit, typed: string): string {
  const louisiana =
    hit.place.id === 'la' && !hit.area && typed === 'LA' ? ' For Louisiana, type state:LA.' : '';
  return `Searching ${describePlace(hit)}.${louisiana}`;
}

/**
 * A specialty, state or city phrase at `words[i]`; the longest wins. On a tie
 * the specialty wins (`ID`: infectious disease, not Idaho), and a one-word
 * city nickname in capitals beats the state code it spells (`LA` is Los
 * Angeles; Louisiana is `state:LA` or its name).
 */
function placeAt(words: readonly string[], i: number): Hit | undefined {
  const specialty = matchSpecialtyPhrase(words, i);
  const state = matchStatePhrase(words, i);
  const city = matchPlacePhrase(words, i);
  const longest = Math.max(specialty?.length ?? 0, state?.length ?? 0, city?.length ?? 0);
  if (longest === 0) return undefined;
  if (specialty && specialty.length === longest) {
    return { key: 'specialty', value: specialty.id, length: specialty.length };
  }
  if (city && city.length === longest && (!state || state.length < longest || city.length === 1)) {
    const typed = words.slice(i, i + city.length).join(' ');
    return { key: 'city', value: city.hit.name, length: city.length, note: placeNote(city.hit, typed) };
  }
  if (state) return { key: 'state', value: state.code, length: state.length };
  return undefined;
}

/** A misspelt specialty or city name (`cardiolgy`, `Chicgo`), repaired, with a note saying so. */
function typoAt(word: string): Hit | undefined {
  const bare = word.replace(/[.,;!?]+$/, '');
  const specialty = correctSpecialtyWord(bare);
  if (specialty) {
    return {
      key: 'specialty',
      value: specialty,
      length: 1,
      note: `Searching ${specialtyLabel(specialty).toLowerCase()} (you typed ${bare}).`,
    };
  }
  const place = correctPlaceWord(bare);
  if (place) {
    return {
      key: 'city',
      value: place.name,
      length: 1,
      note: `Searching ${place.name} (you typed ${bare}).`,
    };
  }
  return undefined;
}

function describe(key: string, value: string): string {
  return key === 'specialty' ? specialtyLabel(value) : value;
}

/** A second, different value for a one-value filter (`cardiology ... neurology`). */
function conflict(out: Readonly<Record<string, string>>, hit: Hit): Result<never> | undefined {
  const prior = out[hit.key];
  if (prior === undefined || prior === hit.value) return undefined;
  if (hit.key === 'type') {
    return fail(
      'SEARCH.TWO_TYPES',
      `Pick one type: you wrote ${prior} and ${hit.value}. Example: /opportunities type:${hit.value}`,
    );
  }
  if (hit.key !== 'specialty' && hit.key !== 'state' && hit.key !== 'city') return undefined;
  const a = describe(hit.key, prior);
  const b = describe(hit.key, hit.value);
  return fail(
    'SEARCH.TWO_VALUES',
    `Pick one ${hit.key}: you wrote ${a} and ${b}. Search one at a time, e.g. ${hit.key}:${hit.value}`,
    { option: hit.key },
  );
}

/**
 * A type word: in /opportunities it sets the type; in a type's own command
 * (`/observership observerships`) it is ignored (an empty key).
 */
function typeAt(word: string, opts: { allowType: boolean; ownType?: ListingType }): Hit | undefined {
  const type = matchType(word);
  if (!type || !(opts.allowType || type === opts.ownType)) return undefined;
  return { key: opts.allowType ? 'type' : '', value: type, length: 1 };
}

/**
 * Parses bare search words. `ownType` is the type the command already
 * searches (`/observership`), whose name is then just ignored; `allowType`
 * lets /opportunities take a type word.
 */
export function parseSearchWords(
  words: readonly string[],
  opts: { allowType: boolean; ownType?: ListingType },
): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  const notes: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    const keyed = /^([A-Za-z][A-Za-z0-9_-]{0,31}):(.*)$/.exec(word);
    // An unknown `key:value` is handed back so the framework names the unknown option.
    const hit: Hit | undefined = keyed?.[1]
      ? { key: keyed[1], value: keyed[2] ?? '', length: 1 }
      : (typeAt(word, opts) ?? flagAt(words, i) ?? placeAt(words, i) ?? typoAt(word));
    if (!hit) {
      if (!FILLER.has(word.toLowerCase())) rest.push(word);
      i++;
      continue;
    }
    const clash = keyed ? undefined : conflict(out, hit);
    if (clash) return clash;
    if (hit.key !== '') out[hit.key] = hit.value;
    if (hit.note && !notes.includes(hit.note)) notes.push(hit.note);
    i += hit.length;
  }
  if (rest.length > 0) out.q = rest.join(' ');
  if (notes.length > 0) out[BARE_WORD_NOTE] = notes.join(' ');
  return ok(out);
}
