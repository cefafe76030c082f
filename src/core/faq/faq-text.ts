import { stemmer } from 'stemmer';
import { SPECIALTIES } from '../opportunities/specialties.ts';
import { SYNONYMS } from './faq-synonyms.file.ts';
import { PhraseTable } from './phrase-table.ts';

/**
 * Text analysis shared by the FAQ entries and the questions: one pipeline on
 * both sides, so an abbreviation in a question meets the spelled-out form in
 * an answer. Steps: fold accents and punctuation habits ("U.S.", "B1/B2",
 * "$4000", "2015"), split into words, replace the field's synonyms and
 * specialty names (longest phrase first), drop stop words, stem.
 */

/** Words that carry no topic: function words and chat filler. */
const STOP_WORDS = new Set(
  (
    'a about above again against all also am an and any anyone anybody anything are arent as at be because been being ' +
    'below between both but by can cant could did didnt do does doesnt doing dont down each else even ever every ' +
    'exactly few for from further get gets getting go going gonna got guys had has have having he her here hers hey hi ' +
    'shall should shouldnt may when after before actually basically still ago that hasnt havent wasnt werent ' +
    'couldnt wouldnt sure two three four five six seven eight nine ten ' +
    'him his how i id if im in into is isnt it its itself just kinda know let like lol me might more most must my ' +
    'myself nah new nor now of off ok okay on once one only or other our ours out over own please pls plz pretty ' +
    'really right rn so some someone something sorta stuff such than thanks thank thats the their theirs them then ' +
    'there these they thing things this those thx to too u ur r under until up us very wanna want was way ways we ' +
    'were what whats which while who whom whose will with wont would ya yall yeah yes you your yours yourself ' +
    'good best great better nice lot lots btw tbh idk etc eg ie vs via am pm ' +
    'ive youve weve theyve youre theyre hes shes itll youll theyll'
  ).split(' '),
);

/** What a synonym variant stands for. */
interface SynonymHit {
  readonly to: readonly string[];
  /** The variant's own words that are indexed too (rows with `keepWords`). */
  readonly keep: readonly string[];
}

function splitWords(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
}

const PHRASES = new PhraseTable<SynonymHit>(
  SYNONYMS.flatMap((row) =>
    row.variants.map((variant) => {
      const words = splitWords(variant.toLowerCase());
      const keep =
        row.keepWords && words.length > 1 ? words.filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w)) : [];
      return [words, { to: row.to, keep }] as const;
    }),
  ),
);

/**
 * Specialty names from the shared vocabulary (ids, labels, aliases; "and"
 * ignored as the specialty parser does). Aliases that are everyday words
 * (`im` as in "I'm") count only when typed in capitals.
 */
const SPECIALTY_PHRASES = new PhraseTable<{ readonly capsOnly: boolean }>(
  SPECIALTIES.flatMap((s) => {
    const caps = new Set(s.capsOnly ?? []);
    return [s.id.replace(/-/g, ' '), s.label, ...s.aliases].map((term) => {
      const words = splitWords(term.toLowerCase()).filter((w) => w !== 'and');
      return [words, { capsOnly: caps.has(term) }] as const;
    });
  }),
);

/** Rewrites that need the punctuation the tokenizer throws away. */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/[\u2018\u2019\u02bc`]/g, "'"],
  [/(\w)'(\w)/g, '$1$2'], // why: "what's" -> "whats", "can't" -> "cant", "I'm" -> "Im" (never the specialty IM)
  // why: a site's name is not the word it is made of ("match.com" is not the Match)
  [/\b[a-z0-9-]+\.(com|net|org|io|co|app)\b/gi, ' website '],
  [/\bu\.\s?s\.(\s?a\.?)?/gi, ' US '],
  [/\b(usa|america|united states|the states)\b/gi, ' US '],
  [/\bb-?1\s*\/\s*b-?2\b/gi, ' b1b2 '],
  [/\b([bj])-([12])\b/gi, ' $1$2 '],
  [/\bh-?1-?b\b/gi, ' h1b '],
  [/\$\s?\d[\d,.]*\s?k?\b/gi, ' moneyamount '],
  [/\b\d+(\.\d+)?\s?k\b/gi, ' moneyamount '],
  [/\b\d[\d,]*\s?(dollars|usd|bucks)\b/gi, ' moneyamount '],
  [/\b(19[5-9]\d|20\d\d)\b/g, ' yearnumber '], // why: a calendar year in a question is about recency or a gap
  [/isation/gi, 'ization'],
  [/\bcentre(s?)\b/gi, 'center$1'],
  [/\bprogramme(s?)\b/gi, 'program$1'],
  [/\bw\//gi, ' with '],
  [/&/g, ' and '],
];

const SPECIALTY_TERM = stemmer('specialty');

/**
 * Folds accents and rewrites what needs punctuation ("U.S.", "B1/B2", "$4000",
 * "2015") into plain words. Idempotent, so callers may run it before
 * {@link analyze} (the typo repair does, so it never "corrects" `b1b2`).
 */
export function prepare(text: string): string {
  let t = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, repl] of REWRITES) t = t.replace(pattern, repl);
  return t;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 20_000; // why: bounds memory when questions bring endless new words

/** Porter stem (the `stemmer` package) with a cache (the same few hundred words come back in every question). */
export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  const out = stemmer(word);
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, out);
  return out;
}

function isAllCaps(words: readonly string[]): boolean {
  return words.every((w) => /[A-Z]/.test(w) && !/[a-z]/.test(w));
}

/**
 * Turns text into index terms: `"Is an obs worth it w/o a LoR?"` ->
 * `['observership', 'worth', 'lor']` (stemmed). Used as MiniSearch's
 * tokenizer for entries and questions alike.
 */
export function analyze(text: string): string[] {
  const words = splitWords(prepare(text));
  const lower = words.map((w) => w.toLowerCase());
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = PHRASES.match(lower, i);
    const start = i;
    const specialty = SPECIALTY_PHRASES.match(
      lower,
      i,
      (s, n) => !s.capsOnly || isAllCaps(words.slice(start, start + n)),
    );
    if (specialty && specialty.length > (phrase?.length ?? 0)) {
      out.push(SPECIALTY_TERM);
      i += specialty.length;
      continue;
    }
    if (phrase) {
      for (const term of phrase.value.to) out.push(stem(term));
      for (const w of phrase.value.keep) if (!phrase.value.to.includes(w)) out.push(stem(w));
      i += phrase.length;
      continue;
    }
    const w = lower[i] as string;
    i++;
    if (STOP_WORDS.has(w) || w.length < 2 || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Words the text analysis knows besides the entries' own: stop words, synonym variants, specialty names. */
export const KNOWN_WORDS: readonly string[] = [
  ...STOP_WORDS,
  ...PHRASES.words(),
  ...SPECIALTY_PHRASES.words(),
];
