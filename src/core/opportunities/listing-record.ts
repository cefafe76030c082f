import { checkListing } from '../moderation/listing-flags.ts';
import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import type { Listing, ListingDraft, ListingStatus } from './listing.ts';
import { deadlineInstant } from './listing-time.ts';

/** Provenance of a new listing. */
export interface NewListingMeta {
  readonly id: string;
  readonly status: ListingStatus;
  readonly source: Listing['source'];
  readonly postedBy: string;
  readonly postedIn: string;
  readonly now: number;
}

/** A stored listing from its content: deadline instant and flags computed. */
export function makeListing(draft: ListingDraft, meta: NewListingMeta): Listing {
  const { id: _ignored, ...content } = draft;
  return {
    ...content,
    id: meta.id,
    status: meta.status,
    deadlineAt: deadlineInstant(draft.deadline, draft.timezone),
    postedBy: meta.postedBy,
    postedAt: meta.now,
    postedIn: meta.postedIn,
    updatedAt: meta.now,
    verifiedAt: null,
    flags: checkListing(draft).map((h) => h.rule),
    approvedFlags: [],
    source: meta.source,
    rev: 1,
  };
}

/** The listing with new content: deadline and flags recomputed, revision bumped. */
export function withContent(listing: Listing, draft: ListingDraft, now: number): Listing {
  const { id: _ignored, ...content } = draft;
  return {
    ...listing,
    ...content,
    deadlineAt: deadlineInstant(draft.deadline, draft.timezone),
    flags: checkListing(draft).map((h) => h.rule),
    updatedAt: now,
    rev: listing.rev + 1,
  };
}

/** The content part of a stored listing. */
export function draftOf(l: Listing): ListingDraft {
  return {
    id: l.id,
    title: l.title,
    type: l.type,
    handsOn: l.handsOn,
    specialties: l.specialties,
    institution: l.institution,
    city: l.city,
    state: l.state,
    country: l.country,
    setting: l.setting,
    durationWeeks: l.durationWeeks,
    feeUsd: l.feeUsd,
    feeCovers: l.feeCovers,
    requirements: l.requirements,
    lorPossible: l.lorPossible,
    deadline: l.deadline,
    startDate: l.startDate,
    timezone: l.timezone,
    contact: l.contact,
    description: l.description,
  };
}

/** What the reminders side gets about a listing. */
export function deadlineInfo(l: Listing): ListingDeadlineInfo {
  return {
    id: l.id,
    title: l.title,
    deadlineAt: l.deadlineAt,
    deadline: l.deadline,
    timezone: l.timezone,
    status: l.status,
  };
}
