import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { placeReminder } from '../reminders/place-reminder.ts';
import { digestListingLine } from './announcement-message.ts';

/** What sending a digest needs. */
export type DigestDeps = Pick<
  CoreDeps,
  'alerts' | 'listings' | 'reminders' | 'userSettings' | 'settings' | 'clock' | 'logger'
>;

const MAX_LINES = 20; // why: a DM stays readable; the rest is one line pointing to /opportunities

/**
 * Sends one member's digest: every listing that matched their alerts since
 * the last one and is still open (withdrawn or expired ones are left out),
 * as one DM through the reminders' delivery (quiet hours, retries, rate
 * limit). Sends nothing when nothing is new. Returns how many listings it named.
 */
export async function sendDigest(deps: DigestDeps, userId: string): Promise<number> {
  const ids = await deps.alerts.digests.take(userId);
  if (ids.length === 0) return 0;
  const open = (await deps.listings.getMany(ids)).filter(
    (l): l is Listing => l !== undefined && l.status === 'published',
  );
  if (open.length === 0) return 0;
  const now = deps.clock.now();
  const lines = open.slice(0, MAX_LINES).map(digestListingLine);
  const more = open.length > MAX_LINES ? [`…and ${open.length - MAX_LINES} more: /opportunities`] : [];
  const head = `${open.length} new listing${open.length === 1 ? '' : 's'} for your alerts since your last digest:`;
  await placeReminder(deps, {
    id: deps.reminders.store.newId(),
    userId,
    communityId: open[0]?.postedIn ?? 'unknown',
    kind: 'notice',
    text: [head, ...lines, ...more, 'Change how often with /alert-digest.'].join('\n'),
    status: 'pending',
    dueAt: now,
    fireAt: now,
    createdAt: now,
  });
  return open.length;
}
