import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { editDraft } from '../opportunities/listing-draft.ts';
import type { ListingFieldValues } from '../opportunities/listing-fields.ts';
import { deadlineInfo, draftOf, withContent } from '../opportunities/listing-record.ts';
import { deadlinePassed } from '../opportunities/listing-time.ts';
import { loadListing, saveListingRevision } from '../opportunities/save-listing.ts';
import { fail, ok, type Result } from '../result.ts';
import { keepDuplicateFlag } from './duplicates.ts';
import { auditListing, contentChanges } from './listing-audit.ts';
import { flagLabel, unapprovedFlags } from './listing-flags.ts';

/** A moderator's correction of some fields of a listing. */
export interface EditRequest extends Decision {
  readonly id: string;
  /** Only the fields to change; the rest keep their values. */
  readonly values: Partial<ListingFieldValues>;
}

/** What an edit did: nothing (the listing already had those values), or the saved change. */
export type EditOutcome =
  | { readonly changed: false; readonly listing: Listing }
  | {
      readonly changed: true;
      readonly listing: Listing;
      /** The fields (and status) that changed, before and after. */
      readonly diff: { before: Record<string, unknown>; after: Record<string, unknown> };
      /** The edit tripped these rules (labels), so a live listing went back to review. */
      readonly heldFor?: readonly string[];
    };

/** The status after an edit: new unaccepted flags hold a live listing; a new future deadline revives an expired one. */
function nextStatus(before: Listing, after: Listing, now: number): Listing['status'] {
  const fresh = unapprovedFlags(after.flags, before.approvedFlags);
  if (before.status === 'published') return fresh.length > 0 ? 'pending' : 'published';
  if (before.status === 'expired' && !deadlinePassed(after, now))
    return fresh.length > 0 ? 'pending' : 'published';
  return before.status;
}

/**
 * Changes fields of a listing, audited with before/after. New red flags hold
 * a live listing for review; a moved deadline moves members' deadline
 * reminders (through the listing hooks). Fails with `LISTING.NOT_FOUND`,
 * `EDIT.NOTHING`, a field's own code, `LISTING.DEADLINE_PASSED` or
 * `LISTING.CONFLICT`.
 */
export async function editListing(
  deps: Pick<CoreDeps, 'listings' | 'audit' | 'listingHooks'>,
  req: EditRequest,
): Promise<Result<EditOutcome>> {
  const { id, values, at: now } = req;
  const found = await loadListing(deps, id);
  if (!found.ok) return found;
  const before = found.value;
  if (Object.keys(values).length === 0) {
    return fail(
      'EDIT.NOTHING',
      `Name at least one field to change. Example: /edit id:${id} deadline:2027-05-01`,
    );
  }
  const draft = editDraft(draftOf(before), values);
  if (!draft.ok) return fail(draft.code, `Listing ${id} was not changed: ${draft.message}.`);
  const changed = keepDuplicateFlag(before, withContent(before, draft.value, now));
  if (values.deadline !== undefined && deadlinePassed(changed, now) && before.status !== 'withdrawn') {
    return fail(
      'LISTING.DEADLINE_PASSED',
      `The deadline ${values.deadline} has already passed; listing ${id} was not changed. To close a listing, use /withdraw id:${id} reason:<text>.`,
    );
  }
  const after: Listing = { ...changed, status: nextStatus(before, changed, now) };
  const diff = contentChanges(before, after);
  if (Object.keys(diff.after).length === 0) return ok({ changed: false, listing: before });
  const saved = await saveListingRevision(
    deps,
    before,
    after,
    `Listing ${id} changed while you were editing. Nothing was changed; try again.`,
  );
  if (!saved.ok) return saved;
  await auditListing(deps, req, 'listing.edit', id, diff);
  if (before.deadlineAt !== after.deadlineAt) await deps.listingHooks.deadlineChanged(deadlineInfo(after));
  const held = before.status !== 'pending' && after.status === 'pending';
  const heldFor = held ? unapprovedFlags(after.flags, before.approvedFlags).map(flagLabel) : undefined;
  return ok({ changed: true, listing: saved.value, diff, ...(heldFor ? { heldFor } : {}) });
}
