import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { saveListingRevision } from '../opportunities/save-listing.ts';

// why: listings are read 200 at a time, as the export does
const PAGE = 200;
// why: a listing edited during the delete is read again; three tries outlast any real race
const SAVE_ATTEMPTS = 3;

/** The member's part in one listing, as `/mydata export` reports it. */
export interface MemberListing {
  readonly id: string;
  readonly title: string;
  readonly status: Listing['status'];
  readonly source: Listing['source'];
  readonly postedAt: number;
  /** `posted` / `suggested` (they wrote it), `reviewed` or `withdrew` (as a moderator). */
  readonly parts: readonly ('posted' | 'suggested' | 'reviewed' | 'withdrew')[];
}

function partsOf(l: Listing, userId: string): MemberListing['parts'] {
  const parts: ('posted' | 'suggested' | 'reviewed' | 'withdrew')[] = [];
  if (l.postedBy === userId) parts.push(l.source === 'suggest' ? 'suggested' : 'posted');
  if (l.review?.by === userId) parts.push('reviewed');
  if (l.withdrawn?.by === userId) parts.push('withdrew');
  return parts;
}

function renamed(l: Listing, userId: string, replacement: string): Listing {
  const swap = (id: string) => (id === userId ? replacement : id);
  return {
    ...l,
    postedBy: swap(l.postedBy),
    ...(l.review ? { review: { ...l.review, by: swap(l.review.by) } } : {}),
    ...(l.withdrawn ? { withdrawn: { ...l.withdrawn, by: swap(l.withdrawn.by) } } : {}),
  };
}

async function* allListings(deps: Pick<CoreDeps, 'listings'>): AsyncGenerator<Listing> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.listings.list(offset, PAGE);
    yield* page;
    if (page.length < PAGE) return;
  }
}

/** Listings the member posted or suggested, or decided on as a moderator. */
export async function memberListings(
  deps: Pick<CoreDeps, 'listings'>,
  userId: string,
): Promise<MemberListing[]> {
  const out: MemberListing[] = [];
  for await (const l of allListings(deps)) {
    const parts = partsOf(l, userId);
    if (parts.length > 0) {
      out.push({ id: l.id, title: l.title, status: l.status, source: l.source, postedAt: l.postedAt, parts });
    }
  }
  return out;
}

/**
 * Replaces the member's id in the listings they posted, suggested, reviewed
 * or withdrew. The listings stay (moderators and other members rely on
 * them); only who did it is forgotten. Returns how many changed.
 */
export async function anonymiseListings(
  deps: Pick<CoreDeps, 'listings'>,
  userId: string,
  replacement: string,
): Promise<number> {
  const ids = (await memberListings(deps, userId)).map((l) => l.id);
  let changed = 0;
  for (const id of ids) {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const l = await deps.listings.get(id);
      if (!l || partsOf(l, userId).length === 0) break;
      const saved = await saveListingRevision(deps, l, renamed(l, userId, replacement), 'changed meanwhile');
      if (saved.ok) {
        changed++;
        break;
      }
    }
  }
  return changed;
}
