import { distance } from 'fastest-levenshtein';
import type { ListingsPort } from '../opportunities/listing.port.ts';
import type { Listing, ListingDraft } from '../opportunities/listing.ts';
import { cityKey, titleKey } from '../opportunities/listing-text.ts';
import type { FlagHit } from './listing-flags.ts';

/**
 * Possible duplicates: a new post, suggestion or import row that looks like a
 * listing already open (published or waiting for review) is held with the
 * `possible-duplicate` flag naming the other listing. A moderator decides; an
 * update of the same id (an import re-run, an edit) is never compared with itself.
 *
 * Two listings look alike when either
 * - they are the same program: same institution, city and type, and at least
 *   one specialty in common (a hospital's cardiology and nephrology
 *   observerships are two programs, not one posted twice); or
 * - their titles are near-identical and they share the institution (spelled
 *   alike) or the contact: titles alone repeat across hospitals
 *   ("Internal Medicine Observership"), so a title needs one more sign.
 */

/** The flag's rule id. */
export const DUPLICATE_RULE = 'possible-duplicate';

/** The other listing a new one resembles, and why. */
export interface DuplicateMatch {
  readonly id: string;
  readonly title: string;
  readonly status: Listing['status'];
  readonly why: 'same-program' | 'similar-title';
}

/**
 * why 0.9: one edit in ten characters, so "Cardiology Observership" matches
 * "Cardiology Observeship" or "Cardiology Observership." but not
 * "Cardiology Externship" (0.74) or "Nephrology Observership" (0.78).
 */
export const TITLE_SIMILARITY = 0.9;
// why 0.8: "Riverbend Community Hospital" and "Riverbend Community Hosp." (0.86) still match
const INSTITUTION_SIMILARITY = 0.8;
const SHOWN = 3; // why: a few names keep the flag to one readable line
const PAGE = 500; // why: the store's page size for exports; keeps each round trip small

/** Normalised name: folded, punctuation gone, "&" as "and", "Saint" as "st", no leading "the". */
function nameKey(text: string): string {
  return titleKey(text.replace(/&/g, ' and '))
    .replace(/\bsaint\b/g, 'st')
    .replace(/^the /, '');
}

/** 1 for equal strings, 0 for nothing in common (normalised Levenshtein). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

interface Entry {
  readonly listing: Pick<Listing, 'id' | 'title' | 'status'>;
  readonly program: string;
  readonly specialties: readonly string[];
  readonly title: string;
  readonly institution: string;
  readonly contact: string;
}

function entryOf(d: ListingDraft, listing: Entry['listing']): Entry {
  const institution = nameKey(d.institution);
  return {
    listing,
    program: `${institution}|${cityKey(d.city)}|${d.type}`,
    specialties: d.specialties,
    title: titleKey(d.title),
    institution,
    contact: d.contact.trim().toLowerCase(),
  };
}

/**
 * `similarity(a, b) >= threshold`, skipping the edit distance when the lengths
 * alone rule it out (the distance is at least the difference in length).
 */
function atLeast(a: string, b: string, threshold: number): boolean {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return true;
  if (Math.min(a.length, b.length) / longest < threshold) return false;
  return similarity(a, b) >= threshold;
}

function alike(a: Entry, b: Entry): DuplicateMatch['why'] | undefined {
  if (a.program === b.program && a.specialties.some((s) => b.specialties.includes(s))) return 'same-program';
  const samePlace =
    (a.contact !== '' && a.contact === b.contact) ||
    atLeast(a.institution, b.institution, INSTITUTION_SIMILARITY);
  return samePlace && atLeast(a.title, b.title, TITLE_SIMILARITY) ? 'similar-title' : undefined;
}

/** The open listings, ready to compare new ones with. */
export class DuplicateIndex {
  private readonly entries: Entry[];

  constructor(listings: readonly Listing[]) {
    this.entries = listings
      .filter((l) => l.status === 'published' || l.status === 'pending')
      .map((l) => entryOf(l, l));
  }

  /** Open listings the draft resembles, never the listing `selfId` itself. */
  find(d: ListingDraft, selfId?: string): DuplicateMatch[] {
    const probe = entryOf(d, { id: selfId ?? '', title: d.title, status: 'pending' });
    const out: DuplicateMatch[] = [];
    for (const e of this.entries) {
      if (e.listing.id === selfId) continue;
      const why = alike(probe, e);
      if (why) out.push({ id: e.listing.id, title: e.listing.title, status: e.listing.status, why });
    }
    return out;
  }
}

/** Reads every listing once (page by page) into a {@link DuplicateIndex}. */
export async function loadDuplicateIndex(listings: Pick<ListingsPort, 'list'>): Promise<DuplicateIndex> {
  const all: Listing[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listings.list(offset, PAGE);
    all.push(...page);
    if (page.length < PAGE) break;
  }
  return new DuplicateIndex(all);
}

/** Open listings a new listing resembles (reads the store). */
export async function findDuplicates(
  listings: Pick<ListingsPort, 'list'>,
  d: ListingDraft,
  selfId?: string,
): Promise<DuplicateMatch[]> {
  return (await loadDuplicateIndex(listings)).find(d, selfId);
}

const WHY: Record<DuplicateMatch['why'], string> = {
  'same-program': 'same institution, city, type and specialty',
  'similar-title': 'near-identical title at the same place',
};

/** The flag a moderator reads: which listings, by id and title, and why. */
export function duplicateHit(matches: readonly DuplicateMatch[]): FlagHit {
  const named = matches
    .slice(0, SHOWN)
    .map((m) => `${m.id} "${m.title}"${m.status === 'pending' ? ' (pending)' : ''} (${WHY[m.why]})`);
  const more = matches.length > SHOWN ? ` and ${matches.length - SHOWN} more` : '';
  return {
    rule: DUPLICATE_RULE,
    label: 'possibly a duplicate of another listing',
    words: matches.slice(0, SHOWN).map((m) => m.title),
    message: `Looks like ${matches.length === 1 ? 'listing' : 'listings'} ${named.join('; ')}${more}`,
  };
}

/** The listing with the duplicate flag added (once). */
export function withDuplicateFlag<T extends Pick<Listing, 'flags'>>(l: T): T {
  return l.flags.includes(DUPLICATE_RULE) ? l : { ...l, flags: [...l.flags, DUPLICATE_RULE] };
}

/**
 * The edited listing keeps the duplicate flag it had: an edit does not look
 * for duplicates again, and must not silently drop the question either.
 */
export function keepDuplicateFlag<T extends Pick<Listing, 'flags'>>(
  before: Pick<Listing, 'flags'>,
  after: T,
): T {
  return before.flags.includes(DUPLICATE_RULE) ? withDuplicateFlag(after) : after;
}
