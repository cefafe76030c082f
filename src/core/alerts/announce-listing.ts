import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlinePassed } from '../opportunities/listing-time.ts';
import type { DeliveryOutcome } from '../ports/notifier.port.ts';
import { announcementMessage } from './announcement-message.ts';
import { notifyAlerts } from './notify-alerts.ts';

/** What announcing a listing needs from the core. */
export type AnnounceDeps = Pick<
  CoreDeps,
  'alerts' | 'listings' | 'notifier' | 'reminders' | 'userSettings' | 'settings' | 'clock' | 'logger'
>;

/** How an announcement job ended; the job layer maps `retry` to a retried job and `channel-failed` to a stopped one. */
export type AnnounceResult =
  | { readonly kind: 'announced'; readonly posted: boolean; readonly alerted: number }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** The channel refused the post for good (deleted, no access); the alerts were still sent. */
  | { readonly kind: 'channel-failed'; readonly reason: string; readonly alerted: number };

type PostResult = { readonly posted: boolean } | { readonly failed: DeliveryOutcome & { ok: false } };

/** The idempotency key a platform that dedupes sees on every attempt at one announcement. */
export function announcementKey(listingId: string): string {
  return `announce-${listingId}`;
}

/**
 * Posts in the community's announcement channel at most once: the ledger
 * claims the post right before the notifier is called. A claim left by an
 * attempt that died while sending is not posted again (the platform may have
 * shown it), but recorded as uncertain, unless the platform drops repeats of
 * the announcement's key (then it is sent again with that key: no loss, no
 * duplicate); a failure the platform confirmed is released so a retry may post.
 */
async function postOnce(deps: AnnounceDeps, l: Listing): Promise<PostResult> {
  const { ledger } = deps.alerts;
  const channel = (await deps.userSettings.getCommunity(l.postedIn)).announceChannel;
  const claim = await ledger.claimPost(l.id);
  const takeOver =
    claim === 'posting' && channel !== undefined && (deps.notifier.dedupes?.(channel) ?? false);
  if (claim !== 'claimed' && !takeOver) {
    if (claim === 'posting') {
      await ledger.settlePost(l.id, 'uncertain');
      deps.logger.warn({ listing: l.id }, 'an announcement was cut short while posting; not posting again');
    }
    return { posted: false };
  }
  if (!channel) {
    await ledger.settlePost(l.id, 'no-channel');
    return { posted: false };
  }
  const outcome = await deps.notifier.sendToChannel(channel, announcementMessage(l, deps.clock.now()), {
    idempotencyKey: announcementKey(l.id),
  });
  if (outcome.ok) {
    await ledger.settlePost(l.id, 'posted');
    return { posted: true };
  }
  if (outcome.permanent) await ledger.settlePost(l.id, 'failed');
  else await ledger.releasePost(l.id);
  return { failed: outcome };
}

/**
 * Announces a newly published listing (the announcement job calls this):
 * a short post in its community's announcement channel when one is set, and
 * one direct message to each member whose alerts there match it. A listing
 * that is no longer published (withdrawn, expired, held again) when the job
 * runs is not announced; one already announced is not announced again.
 */
export async function announceListing(deps: AnnounceDeps, listingId: string): Promise<AnnounceResult> {
  const l = await deps.listings.get(listingId);
  if (l?.status !== 'published' || deadlinePassed(l, deps.clock.now())) {
    return { kind: 'skipped', reason: `listing ${listingId} is not published` };
  }
  const { ledger } = deps.alerts;
  const before = await ledger.state(l.id);
  if (before.post !== undefined && before.post !== 'posting' && before.alertsDone) {
    return { kind: 'skipped', reason: `listing ${l.id} was already announced` };
  }
  const post = await postOnce(deps, l);
  // Members' alerts do not wait for a channel that is failing: they go now, once; a retry only posts.
  let alerted = 0;
  if (!before.alertsDone) {
    alerted = await notifyAlerts(deps, l);
    await ledger.markAlertsDone(l.id);
  }
  if (!('failed' in post)) return { kind: 'announced', posted: post.posted, alerted };
  const { reason, permanent, retryAfterMs } = post.failed;
  if (!permanent) return { kind: 'retry', reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  return { kind: 'channel-failed', reason, alerted };
}
