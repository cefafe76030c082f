import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { DELETED_MEMBER } from '../identity.ts';
import type { Listing } from '../opportunities/listing.ts';
import { draftOf } from '../opportunities/listing-record.ts';
import { reply } from '../reply.ts';

/** Writes one moderator action to the community's audit log (who, what, when, before/after). */
export async function auditListing(
  deps: Pick<CoreDeps, 'audit'>,
  decision: Decision,
  action: string,
  target: string,
  extra: { before?: unknown; after?: unknown; reason?: string } = {},
): Promise<void> {
  await deps.audit.record({
    at: decision.at,
    communityId: decision.by.communityId,
    actorId: decision.by.userId,
    action,
    target,
    ...extra,
  });
}

/** The content fields that differ between two versions, as before/after objects. */
export function contentChanges(
  before: Listing,
  after: Listing,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const a = draftOf(before) as unknown as Record<string, unknown>;
  const b = draftOf(after) as unknown as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      out.before[key] = a[key];
      out.after[key] = b[key];
    }
  }
  if (before.status !== after.status) {
    out.before.status = before.status;
    out.after.status = after.status;
  }
  return out;
}

/**
 * Tells a member what happened to the listing they suggested. Best effort:
 * a closed DM or a missing adapter must not undo the moderator's action.
 */
export async function tellSuggester(
  deps: Pick<CoreDeps, 'notifier' | 'logger'>,
  moderatorId: string,
  l: Listing,
  text: string,
): Promise<void> {
  if (l.source !== 'suggest' || l.postedBy === moderatorId || l.postedBy === DELETED_MEMBER) return;
  try {
    await deps.notifier.sendDirect(l.postedBy, reply({ title: 'Your suggested listing', text }));
  } catch (err) {
    deps.logger.warn({ err, listing: l.id }, 'could not tell the suggester');
  }
}
