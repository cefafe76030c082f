import type { CoreDeps } from '../deps.ts';
import type { Listing } from '../opportunities/listing.ts';
import { assessFit } from '../profile/eligibility.ts';
import { readProfile } from '../profile/update-profile.ts';
import { placeReminder } from '../reminders/place-reminder.ts';
import { type Alert, alertMatches } from './alert.ts';
import { alertNoticeText } from './announcement-message.ts';

/** What alert matching needs from the core. */
export type AlertDeps = Pick<
  CoreDeps,
  'alerts' | 'reminders' | 'userSettings' | 'settings' | 'clock' | 'logger'
>;

/** The matching alerts of a community, grouped by member (first-made alert first). */
export async function matchingAlerts(deps: AlertDeps, l: Listing): Promise<Map<string, Alert[]>> {
  const byMember = new Map<string, Alert[]>();
  const candidates = await deps.alerts.store.candidates(l.postedIn, l.type);
  for (const a of candidates.sort((x, y) => x.createdAt - y.createdAt)) {
    if (a.communityId !== l.postedIn || !alertMatches(a.filters, l)) continue;
    // An `eligible` alert matches only listings whose stated requirements the member meets.
    if (a.filters.eligible && assessFit(await readProfile(deps, a.userId), l).verdict !== 'fits') continue;
    byMember.set(a.userId, [...(byMember.get(a.userId) ?? []), a]);
  }
  return byMember;
}

/**
 * Tells every member whose alerts in the listing's community match it, once
 * per member per listing. Each message is a reminder notice, so it rides the
 * reminders' delivery: queued, rate-limited, retried, held until the member's
 * quiet hours end, and skipped for a member whose DMs are closed. The claim is
 * recorded before the notice is placed, so a repeated run never tells anyone
 * twice (a crash between the two loses that one message: at most once).
 * A member who chose a daily or weekly digest gets the listing in their next
 * digest instead. Returns how many members were told (or will be, by digest).
 */
export async function notifyAlerts(deps: AlertDeps, l: Listing): Promise<number> {
  let told = 0;
  for (const [userId, alerts] of await matchingAlerts(deps, l)) {
    if (!(await deps.alerts.store.claimNotice(l.id, userId))) continue;
    const now = deps.clock.now();
    const digest = (await deps.userSettings.getUser(userId)).alertDigest;
    if (digest && digest.mode !== 'instant') {
      // Kept for the member's next digest, which names every match since the last one.
      await deps.alerts.digests.add(userId, l.id, now);
      told++;
      continue;
    }
    await placeReminder(deps, {
      id: deps.reminders.store.newId(),
      userId,
      communityId: l.postedIn,
      kind: 'notice',
      text: alertNoticeText(l, alerts),
      status: 'pending',
      dueAt: now,
      fireAt: now,
      createdAt: now,
    });
    told++;
  }
  return told;
}
