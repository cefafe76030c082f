import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.ts';
import {
  LIMITS,
  LISTING_ID,
  LISTING_SETTINGS,
  LISTING_TYPES,
  type ListingSetting,
  type ListingType,
} from './listing.ts';
import { cleanLine, cleanText } from './listing-text.ts';
import { isZone } from './listing-time.ts';
import { normaliseSpecialty } from './specialties.ts';
import { normaliseState } from './us-states.ts';

/**
 * Parsers for each listing field as it arrives from a user or a file: a
 * string from text adapters and CSV cells, or a typed value from Discord and
 * JSON. Each returns a Result whose failure message is a reason that reads
 * after a field name ("must be ...", "unknown specialty ..."). The CSV column
 * names double as the option names of /post, /suggest and /edit.
 */
export type FieldParser<T> = (raw: unknown) => Result<T>;

const bad = (message: string) => fail('LISTING.FIELD', message);

function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Words that mean "no value" in optional fields. */
const NONE_WORDS = new Set(['', 'none', 'n/a', 'na', '-', 'null']);

/** True for a word that means "no value" (`none`, `n/a`, `-`, an empty cell). */
export function isNoneWord(raw: unknown): boolean {
  return typeof raw === 'string' && NONE_WORDS.has(raw.trim().toLowerCase());
}

/** One line of text, 1..max characters after cleaning. */
export function lineField(max: number, min = 1): FieldParser<string> {
  return (raw) => {
    const text = asText(raw);
    if (text === undefined) return bad('must be text');
    const clean = cleanLine(text);
    if (clean.length < min) return bad(min <= 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if (clean.length > max) return bad(`must be at most ${max} characters (got ${clean.length})`);
    return ok(clean);
  };
}

/** Multi-line text, possibly empty; `none` clears it. */
export function textField(max: number): FieldParser<string> {
  return (raw) => {
    const text = asText(raw);
    if (text === undefined) return bad('must be text');
    if (isNoneWord(text)) return ok('');
    const clean = cleanText(text);
    if (clean.length > max) return bad(`must be at most ${max} characters (got ${clean.length})`);
    return ok(clean);
  };
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'off']);

/** yes|no|true|false (an empty cell means no). */
export const booleanField: FieldParser<boolean> = (raw) => {
  if (typeof raw === 'boolean') return ok(raw);
  const word = asText(raw)?.trim().toLowerCase();
  if (word !== undefined && TRUE_WORDS.has(word)) return ok(true);
  if (word !== undefined && (word === '' || FALSE_WORDS.has(word))) return ok(false);
  return bad('must be yes or no (true/false)');
};

/** Words (and the empty cell) that say a listing does not state a value: unknown, not no. */
const NOT_STATED_WORDS = new Set(['', 'not stated', 'not-stated', 'not_stated', 'unknown', 'unstated', '?']);

/** True for a value that means "the listing does not say" (an empty cell, `not stated`, JSON null). */
export function isNotStated(raw: unknown): boolean {
  if (raw === null) return true;
  return typeof raw === 'string' && NOT_STATED_WORDS.has(raw.trim().toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Yes / no / not stated: `yes|no|true|false`, and an empty cell or
 * `not stated` for a listing that does not say (stored as null, which no
 * `no_usmle`, `no_ecfmg` or `lor` filter matches).
 */
export const statedBooleanField: FieldParser<boolean | null> = (raw) => {
  if (typeof raw === 'boolean') return ok(raw);
  if (isNotStated(raw)) return ok(null);
  const word = asText(raw)?.trim().toLowerCase();
  if (word !== undefined && TRUE_WORDS.has(word)) return ok(true);
  if (word !== undefined && FALSE_WORDS.has(word)) return ok(false);
  return bad('must be yes, no or not stated');
};

/** A listing id: 1-64 letters, digits, `-` or `_`. */
export const idField: FieldParser<string> = (raw) => {
  const text = asText(raw)?.trim() ?? '';
  return LISTING_ID.test(text) ? ok(text) : bad('must be an id of 1-64 letters, digits, - or _');
};

const TYPE_ALIASES: Record<string, ListingType> = {
  observer: 'observership',
  subinternship: 'sub-internship',
  'sub-i': 'sub-internship',
  subi: 'sub-internship',
  'acting-internship': 'sub-internship',
  volunteering: 'volunteer',
  'clinical-assistantship': 'clinical-assistant',
  scribe: 'clinical-assistant',
};

/** A listing type, also in plural or with spaces (`Sub Internship`, `subi`). */
export function matchType(word: string): ListingType | undefined {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const single = key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
  for (const k of [key, single]) {
    if ((LISTING_TYPES as readonly string[]).includes(k)) return k as ListingType;
    const alias = TYPE_ALIASES[k];
    if (alias) return alias;
  }
  return undefined;
}

/** A listing type, see {@link matchType}. */
export const typeField: FieldParser<ListingType> = (raw) => {
  const hit = matchType(asText(raw) ?? '');
  return hit ? ok(hit) : bad(`must be one of ${LISTING_TYPES.join(', ')}`);
};

const SETTING_ALIASES: Record<string, ListingSetting> = {
  'academic-center': 'academic',
  'academic-centre': 'academic',
  'academic-medical-center': 'academic',
  university: 'academic',
  'university-hospital': 'academic',
  'teaching-hospital': 'academic',
  community: 'community-hospital',
  hospital: 'community-hospital',
  private: 'private-practice',
  practice: 'private-practice',
  'community-health-center': 'fqhc',
  'community-health-centre': 'fqhc',
  'free-clinics': 'free-clinic',
  rural: 'rural-clinic',
  '': 'other',
};

/** The setting (`community-hospital`, also `community`, `university`...); empty means other. */
export const settingField: FieldParser<ListingSetting> = (raw) => {
  const key = (asText(raw) ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if ((LISTING_SETTINGS as readonly string[]).includes(key)) return ok(key as ListingSetting);
  const alias = SETTING_ALIASES[key];
  return alias ? ok(alias) : bad(`must be one of ${LISTING_SETTINGS.join(', ')}`);
};

/** `cardiology;IM` (also comma-separated): canonical ids, no duplicates. */
export const specialtiesField: FieldParser<string[]> = (raw) => {
  const parts = Array.isArray(raw) ? raw.map(String) : (asText(raw) ?? '').split(/[;,]/);
  const ids: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
    const hit = normaliseSpecialty(part);
    if (!hit.ok) {
      const suggestions = (hit.details?.suggestions as string[] | undefined) ?? [];
      const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
      return bad(`has an unknown specialty "${part.slice(0, 40)}"${hint}`);
    }
    if (!ids.includes(hit.value)) ids.push(hit.value);
  }
  if (ids.length === 0) return bad('must name at least one specialty, e.g. cardiology;internal-medicine');
  if (ids.length > LIMITS.specialties) return bad(`must name at most ${LIMITS.specialties} specialties`);
  return ok(ids);
};

/** A U.S. state code or name (`NY`, `New York`); empty allowed (checked against the country later). */
export const stateField: FieldParser<string> = (raw) => {
  const text = asText(raw)?.trim() ?? '';
  if (text === '') return ok('');
  const hit = normaliseState(text);
  if (hit.ok) return hit;
  const suggestions = (hit.details?.suggestions as string[] | undefined) ?? [];
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
  return bad(`must be a U.S. state code or name such as NY or New York${hint}`);
};

const US_NAMES = new Set(['us', 'usa', 'u.s.', 'u.s.a.', 'united states', 'united states of america']);

/** ISO country code; empty means US. */
export const countryField: FieldParser<string> = (raw) => {
  const text = asText(raw)?.trim() ?? '';
  if (text === '' || US_NAMES.has(text.toLowerCase())) return ok('US');
  return /^[A-Za-z]{2}$/.test(text)
    ? ok(text.toUpperCase())
    : bad('must be a two-letter country code such as US');
};

/** `4` or `4-8` weeks; empty means not stated. */
export const durationField: FieldParser<{ min: number; max: number } | null> = (raw) => {
  const text = (asText(raw) ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s*weeks?$/, '');
  if (isNoneWord(text)) return ok(null);
  const m = /^(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/.exec(text);
  if (!m) return bad('must be a number of weeks like 4 or a range like 4-8');
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min < 1 || max > LIMITS.weeks) return bad(`must be between 1 and ${LIMITS.weeks} weeks`);
  if (min > max) return bad(`must go from the shorter to the longer length, e.g. ${max}-${min}`);
  return ok({ min, max });
};

/**
 * Whole dollars (`$1,200` accepted); `0` or `free` is free; an empty cell or
 * `not stated` means the listing does not say (null, never shown as free).
 */
export const feeField: FieldParser<number | null> = (raw) => {
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 0 && raw <= LIMITS.feeUsd
      ? ok(raw)
      : bad('must be whole US dollars');
  }
  if (isNotStated(raw)) return ok(null);
  const text = (asText(raw) ?? '').trim().replace(/^\$/, '').replace(/,/g, '');
  if (text.toLowerCase() === 'free') return ok(0);
  if (!/^\d+(\.0+)?$/.test(text))
    return bad('must be whole US dollars, e.g. 1200 (0 for free; leave it empty when not stated)');
  const fee = Number.parseInt(text, 10);
  return fee <= LIMITS.feeUsd ? ok(fee) : bad(`must be at most ${LIMITS.feeUsd} USD`);
};

function dateOrNone(what: string, noneWords: readonly string[]): FieldParser<string | null> {
  return (raw) => {
    const text = (asText(raw) ?? '').trim();
    if (isNoneWord(text) || noneWords.includes(text.toLowerCase())) return ok(null);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid) return ok(text);
    return bad(`must be a date written YYYY-MM-DD${what}`);
  };
}

/** `YYYY-MM-DD`, or empty/`rolling`/`none` for rolling admission. */
export const deadlineField = dateOrNone(' (leave it empty or write rolling for rolling admission)', [
  'rolling',
  'open',
]);
/** `YYYY-MM-DD`, or empty/`flexible` when not stated. */
export const startDateField = dateOrNone('', ['flexible', 'rolling']);

/** The IANA zone a deadline date is read in. */
export const timezoneField: FieldParser<string> = (raw) => {
  const text = (asText(raw) ?? '').trim();
  return isZone(text) ? ok(text) : bad('must be an IANA time zone such as America/New_York');
};

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;
// why: a host name as people type it on a flyer: labels of letters, digits and hyphens, a 2+ letter TLD
const BARE_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/i;
// why: E.164 numbers have at most 15 digits; 7 is the shortest local number worth calling
const PHONE_DIGITS = { min: 7, max: 15 } as const;
const PHONE = /^\+?[\d\s().-]+(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;

/** True for a phone number as people write it (`+1 555 010 0199`, `(555) 010-0199 ext 12`). */
export function isPhoneContact(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const main = text.replace(/\s*(?:ext\.?|x)\s*\d{1,6}$/i, '');
  const digits = main.replace(/\D/g, '').length;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

function webAddress(text: string): string | undefined {
  const withScheme = /^https?:\/\//i.test(text)
    ? text
    : BARE_DOMAIN.test(text)
      ? `https://${text}`
      : undefined;
  if (withScheme === undefined) return undefined;
  try {
    const url = new URL(withScheme);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.'))
      return withScheme;
  } catch {
    // not a web address; the caller says what is accepted
  }
  return undefined;
}

/**
 * A contact as people write it: an email address (`mailto:` dropped), an
 * http(s) URL, a bare domain with or without a path (`hospital.org/observers`,
 * stored as `https://hospital.org/observers`) or a phone number (`tel:`
 * dropped); empty when unknown.
 */
export const contactField: FieldParser<string> = (raw) => {
  const text = cleanLine(asText(raw) ?? '')
    .replace(/^mailto:/i, '')
    .replace(/^tel:/i, '');
  if (isNoneWord(text)) return ok('');
  if (text.length > LIMITS.contact) return bad(`must be at most ${LIMITS.contact} characters`);
  if (EMAIL.test(text)) return ok(text);
  const web = webAddress(text);
  if (web !== undefined)
    return web.length > LIMITS.contact ? bad(`must be at most ${LIMITS.contact} characters`) : ok(web);
  if (isPhoneContact(text)) return ok(text);
  return bad(
    'must be an email address, a web address or a phone number, e.g. observers@hospital.org, hospital.org/observers or +1 555 010 0199',
  );
};

/** Every field by its CSV column / option name. */
export const LISTING_FIELDS = {
  id: idField,
  title: lineField(LIMITS.title),
  type: typeField,
  hands_on: booleanField,
  specialties: specialtiesField,
  institution: lineField(LIMITS.institution),
  city: lineField(LIMITS.city),
  state: stateField,
  country: countryField,
  setting: settingField,
  duration_weeks: durationField,
  fee_usd: feeField,
  fee_covers: textField(LIMITS.feeCovers),
  step1_required: statedBooleanField,
  step2ck_required: statedBooleanField,
  ecfmg_required: statedBooleanField,
  other_requirements: textField(LIMITS.otherRequirements),
  lor_possible: statedBooleanField,
  deadline: deadlineField,
  start_date: startDateField,
  timezone: timezoneField,
  contact: contactField,
  description: textField(LIMITS.description),
} as const;

export type ListingFieldName = keyof typeof LISTING_FIELDS;
export type ListingFieldValues = {
  [K in ListingFieldName]: (typeof LISTING_FIELDS)[K] extends FieldParser<infer T> ? T : never;
};
