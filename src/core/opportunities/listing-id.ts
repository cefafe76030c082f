import { createHash } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import type { ListingDraft, ListingType } from './listing.ts';

/**
 * Readable listing ids, in the style of the sample data: type, first
 * specialty, state (or country), then a short suffix: `ext-im-tx-7kq2`. An
 * id is given once, when the listing is first stored, and never changes
 * (edits and re-imports keep it). Stores save new listings with a
 * create-only write, so a taken id is never overwritten: the caller tries a
 * new (longer) suffix instead.
 */

// why: lowercase letters and digits without look-alikes (0/o, 1/l) read aloud and typed easily
const ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';

/** Suffix lengths tried in turn after a collision. why: 32^4 ≈ 1M per prefix; each retry is 1,000x roomier. */
export const SUFFIX_LENGTHS = [4, 4, 6, 8, 10] as const;
/** Suffix lengths of ids derived from an imported row (a longer one only if a shorter one is taken). */
export const DERIVED_SUFFIX_LENGTHS = [6, 8, 10, 12, 16] as const;

const TYPE_CODES: Record<ListingType, string> = {
  observership: 'obs',
  externship: 'ext',
  clerkship: 'clk',
  'sub-internship': 'subi',
  research: 'res',
  volunteer: 'vol',
  'clinical-assistant': 'ca',
};

/** Short codes of specialties, as members abbreviate them (and as the sample ids use them). */
const SPECIALTY_CODES: Readonly<Record<string, string>> = {
  'internal-medicine': 'im',
  'family-medicine': 'fm',
  'primary-care': 'primary',
  pediatrics: 'peds',
  neonatology: 'neo',
  psychiatry: 'psych',
  'obstetrics-gynecology': 'obgyn',
  neurology: 'neuro',
  'general-surgery': 'surg',
  neurosurgery: 'nsurg',
  orthopedics: 'ortho',
  'cardiothoracic-surgery': 'ctsurg',
  'vascular-surgery': 'vasc',
  'plastic-surgery': 'plastics',
  urology: 'uro',
  otolaryngology: 'ent',
  'emergency-medicine': 'em',
  cardiology: 'cardio',
  'hematology-oncology': 'onc',
  'radiation-oncology': 'radonc',
  gastroenterology: 'gi',
  'pulmonary-critical-care': 'pulm',
  nephrology: 'nephro',
  endocrinology: 'endo',
  'infectious-disease': 'id',
  rheumatology: 'rheum',
  'allergy-immunology': 'allergy',
  geriatrics: 'geri',
  'palliative-care': 'pall',
  'sleep-medicine': 'sleep',
  'physical-medicine-rehabilitation': 'pmr',
  'preventive-medicine': 'prevmed',
  radiology: 'rads',
  anesthesiology: 'anes',
  pathology: 'path',
  dermatology: 'derm',
  ophthalmology: 'ophtho',
};

/** The code of a specialty id (`internal-medicine` -> `im`); a new specialty falls back to its id's first word. */
export function specialtyCode(id: string): string {
  // why: 8 characters keeps the whole id short enough to type from a phone
  return SPECIALTY_CODES[id] ?? (id.split('-')[0] ?? id).replace(/[^a-z0-9]/g, '').slice(0, 8);
}

type IdParts = Pick<ListingDraft, 'type' | 'specialties' | 'state' | 'country'>;

/** `ext-im-tx`: type, first specialty and state (or country) of a listing. */
export function listingIdPrefix(d: IdParts): string {
  const place = (d.state !== '' ? d.state : d.country).toLowerCase();
  return [TYPE_CODES[d.type], specialtyCode(d.specialties[0] ?? 'other'), place].join('-');
}

/** A fresh readable id for a post or suggestion: the prefix and `length` random characters. */
export function newListingId(d: IdParts, length: number = SUFFIX_LENGTHS[0]): string {
  return `${listingIdPrefix(d)}-${customAlphabet(ALPHABET, length)()}`;
}

type IdentityParts = Pick<ListingDraft, 'type' | 'title' | 'institution' | 'city' | 'state'>;

/** What identifies an opportunity in a file without ids: type, title, institution, city and state, folded. */
export function importKey(d: IdentityParts): string {
  const key = [d.type, d.title, d.institution, d.city, d.state].map((s) => s.trim().toLowerCase()).join('\n');
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The id of an imported row without one: the readable prefix and a suffix
 * taken from its {@link importKey}, so importing the same file twice
 * updates rather than duplicates. `length` grows when a shorter id is taken
 * by another listing.
 */
export function derivedListingId(
  d: IdParts & IdentityParts,
  length: number = DERIVED_SUFFIX_LENGTHS[0],
): string {
  const digest = Buffer.from(importKey(d), 'hex');
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return `${listingIdPrefix(d)}-${suffix}`;
}
