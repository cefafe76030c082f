import { listingsPublished } from '../alerts/listing-published.ts';
import type { CoreDeps } from '../deps.ts';
import { checkListing, type FlagHit } from '../moderation/listing-flags.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Listing, ListingDraft } from './listing.ts';
import { newDraft } from './listing-draft.ts';
import type { ListingFieldValues } from './listing-fields.ts';
import { newListingId, SUFFIX_LENGTHS } from './listing-id.ts';
import { makeListing } from './listing-record.ts';
import { deadlineInstant, formatDay } from './listing-time.ts';

export interface SubmitInput {
  readonly values: Partial<ListingFieldValues>;
  /** `post` (a moderator) publishes unless flagged; `suggest` (a member) always goes to review. */
  readonly source: 'post' | 'suggest';
  readonly actorId: string;
  readonly communityId: string;
  readonly now: number;
}

export interface Submitted {
  readonly listing: Listing;
  /** Rules that fired; non-empty means the listing waits for a moderator. */
  readonly hits: readonly FlagHit[];
}

/** Checks a new listing's content without storing it: fields, then a deadline not already past. */
export function validateSubmission(
  deps: CoreDeps,
  values: Partial<ListingFieldValues>,
  now: number,
): Result<ListingDraft> {
  const draft = newDraft(values, deps.settings.listingTimezone);
  if (!draft.ok) return draft;
  const deadlineAt = deadlineInstant(draft.value.deadline, draft.value.timezone);
  if (deadlineAt !== null && deadlineAt <= now && draft.value.deadline !== null) {
    return fail(
      'LISTING.DEADLINE_PASSED',
      `The deadline ${formatDay(draft.value.deadline, draft.value.timezone)} has already passed. Give a future date (YYYY-MM-DD) or leave it out for rolling admission.`,
      { field: 'deadline' },
    );
  }
  return draft;
}

/**
 * Creates a listing from a post or a suggestion: validates the content,
 * refuses a deadline that has already passed, runs the scam/quality rules and
 * stores it as `published` (a clean post) or `pending` (a suggestion, or
 * anything flagged: even a moderator's post waits for an explicit approval).
 */
export async function submitListing(deps: CoreDeps, input: SubmitInput): Promise<Result<Submitted>> {
  const draft = validateSubmission(deps, input.values, input.now);
  if (!draft.ok) return draft;
  const hits = checkListing(draft.value);
  const status = input.source === 'suggest' || hits.length > 0 ? 'pending' : 'published';
  // A readable id (`ext-im-tx-7kq2`); the create-only save never overwrites a taken one, so on a
  // collision the next attempt draws a new, longer suffix.
  for (const length of SUFFIX_LENGTHS) {
    const id = draft.value.id ?? newListingId(draft.value, length);
    const listing = makeListing(draft.value, {
      id,
      status,
      source: input.source,
      postedBy: input.actorId,
      postedIn: input.communityId,
      now: input.now,
    });
    if (await deps.listings.save(listing, 0)) {
      if (status === 'published') await listingsPublished(deps, [listing.id]);
      return ok({ listing, hits });
    }
    if (draft.value.id !== undefined) {
      return fail(
        'LISTING.ID_TAKEN',
        `A listing with the id "${id}" already exists. Choose another id, or change it with /edit id:${id}.`,
        { field: 'id' },
      );
    }
  }
  throw new Error('could not find a free listing id');
}
