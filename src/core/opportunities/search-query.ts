import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ListingSearch } from './listing.port.ts';
import { LISTING_TYPES, TYPE_LABELS } from './listing.ts';
import { cityKey, indexWords } from './listing-text.ts';
import { specialtyLabel } from './specialties.ts';
import { placeCities, resolvePlace } from './us-places.ts';

/**
 * A member's search, normalised (canonical specialty id, state code), as it
 * is shown back, stored under a paging token and turned into a store query.
 */
export const searchFiltersSchema = z.object({
  /** The command that ran it (`observership`, `opportunities`), for "run it again" hints. */
  command: z.string(),
  type: z.enum(LISTING_TYPES).optional(),
  specialty: z.string().optional(),
  state: z.string().optional(),
  city: z.string().optional(),
  handsOn: z.boolean().optional(),
  maxFee: z.number().int().min(0).optional(),
  free: z.boolean().optional(),
  noUsmle: z.boolean().optional(),
  noEcfmg: z.boolean().optional(),
  lor: z.boolean().optional(),
  /** Only listings the member meets by what they state (needs their /profile). */
  eligible: z.boolean().optional(),
  deadlineBefore: z.string().optional(),
  q: z.string().optional(),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/** The filters a member can loosen, by their option names. */
export const LOOSENABLE = [
  'specialty',
  'state',
  'city',
  'hands_on',
  'max_fee',
  'free',
  'no_usmle',
  'no_ecfmg',
  'lor',
  'eligible',
  'deadline_before',
  'q',
] as const;
export type FilterName = (typeof LOOSENABLE)[number];

const FIELD: Record<FilterName, keyof SearchFilters> = {
  specialty: 'specialty',
  state: 'state',
  city: 'city',
  hands_on: 'handsOn',
  max_fee: 'maxFee',
  free: 'free',
  no_usmle: 'noUsmle',
  no_ecfmg: 'noEcfmg',
  lor: 'lor',
  eligible: 'eligible',
  deadline_before: 'deadlineBefore',
  q: 'q',
};

/** True when the filter narrows the search (`free:false` does not). */
export function isActive(f: SearchFilters, name: FilterName): boolean {
  const v = f[FIELD[name]];
  if (v === undefined) return false;
  if (name === 'hands_on' || name === 'max_fee') return true;
  return v !== false && v !== '';
}

/** The active filters, in option order. */
export function activeFilters(f: SearchFilters): FilterName[] {
  return LOOSENABLE.filter((name) => isActive(f, name));
}

/** The same search without one filter. */
export function withoutFilter(f: SearchFilters, name: FilterName): SearchFilters {
  const copy: Record<string, unknown> = { ...f };
  delete copy[FIELD[name]];
  return copy as SearchFilters;
}

function quoted(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/** One filter as an option, `state:NY`, `q:"heart failure"`. */
export function filterOption(f: SearchFilters, name: FilterName): string {
  const v = f[FIELD[name]];
  if (typeof v === 'boolean') return `${name}:${v}`;
  return `${name}:${quoted(String(v))}`;
}

/** The command line that runs this search again. */
export function commandLine(f: SearchFilters): string {
  const parts = [`/${f.command}`];
  if (f.command === 'opportunities' && f.type) parts.push(`type:${f.type}`);
  for (const name of activeFilters(f)) parts.push(filterOption(f, name));
  return parts.join(' ');
}

/** A short description for titles: `cardiology · NY · hands-on · free`. */
export function describeFilters(f: SearchFilters): string {
  const parts: string[] = [];
  if (f.specialty) parts.push(specialtyLabel(f.specialty).toLowerCase());
  if (f.city) parts.push(f.city);
  if (f.state) parts.push(f.state);
  if (f.handsOn !== undefined) parts.push(f.handsOn ? 'hands-on' : 'observational');
  if (f.free) parts.push('free');
  if (f.maxFee !== undefined) parts.push(`fee ≤ $${f.maxFee}`);
  if (f.noUsmle) parts.push('no USMLE');
  if (f.noEcfmg) parts.push('no ECFMG');
  if (f.lor) parts.push('letter possible');
  if (f.eligible) parts.push('you qualify');
  if (f.deadlineBefore) parts.push(`deadline before ${f.deadlineBefore}`);
  if (f.q) parts.push(`“${f.q}”`);
  return parts.join(' · ');
}

/** `Observerships`, or `Opportunities` when no type is chosen. */
export function kindLabel(f: SearchFilters): string {
  return f.type ? TYPE_LABELS[f.type].many : 'Opportunities';
}

/** A named place (New York City, the NYC area) is any of its cities; any other city is itself. */
function cityFilter(city: string | undefined): Pick<ListingSearch, 'city' | 'places'> {
  if (!city) return {};
  const place = resolvePlace(city);
  return place ? { places: placeCities(place) } : { city: cityKey(city) };
}

/**
 * The store query: `deadline_before:D` keeps deadlines on days strictly
 * before D, i.e. instants before the start of D in the listings' zone.
 */
export function toStoreSearch(f: SearchFilters, listingZone: string): ListingSearch {
  const words = f.q ? indexWords(f.q) : [];
  const before = f.deadlineBefore
    ? DateTime.fromISO(f.deadlineBefore, { zone: listingZone }).toMillis()
    : undefined;
  return {
    ...(f.type ? { type: f.type } : {}),
    ...(f.specialty ? { specialty: f.specialty } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...cityFilter(f.city),
    ...(f.handsOn !== undefined ? { handsOn: f.handsOn } : {}),
    ...(f.maxFee !== undefined ? { maxFee: f.maxFee } : {}),
    ...(f.free ? { free: true } : {}),
    ...(f.noUsmle ? { noUsmle: true } : {}),
    ...(f.noEcfmg ? { noEcfmg: true } : {}),
    ...(f.lor ? { lor: true } : {}),
    ...(before !== undefined ? { deadlineBefore: before } : {}),
    ...(words.length > 0 ? { words } : {}),
  };
}
