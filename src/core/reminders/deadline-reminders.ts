import type { CoreDeps } from '../deps.ts';
import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import { fail, ok, type Result } from '../result.ts';
import { planDeadlineReminders } from './deadline-plan.ts';
import {
  dropReminder,
  memberTiming,
  placeReminder,
  type ReminderDeps,
  replaceMemberReminders,
} from './place-reminder.ts';
import { sameWall } from './recurrence.ts';
import type { Reminder } from './reminder.ts';

/** What deadline reminders need: reminder deps plus the listing lookup. */
export type DeadlineDeps = ReminderDeps & Pick<CoreDeps, 'listingLookup'>;

/** The deadline reminders a member has pending for one listing, soonest first. */
export async function deadlineRemindersOf(
  deps: ReminderDeps,
  userId: string,
  listingId: string,
): Promise<Reminder[]> {
  const all = await deps.reminders.store.listForUser(userId);
  return all.filter((r) => r.kind === 'deadline' && r.listingId === listingId && r.status === 'pending');
}

/**
 * Brings a member's deadline reminders for a listing in line with its current
 * deadline: offsets come from the community (else the configured default),
 * each at the configured hour on the member's wall clock; past steps are
 * skipped, and so are steps the member cancelled; steps that moved are
 * rescheduled, steps no longer wanted removed. A rolling listing (no
 * deadline) keeps none.
 */
export async function syncDeadlineReminders(
  deps: ReminderDeps,
  userId: string,
  communityId: string,
  listing: ListingDeadlineInfo,
): Promise<Reminder[]> {
  const [timing, community, existing, skipped] = await Promise.all([
    memberTiming(deps, userId),
    deps.userSettings.getCommunity(communityId),
    deadlineRemindersOf(deps, userId, listing.id),
    deps.reminders.store.skippedDeadlineSteps(listing.id, userId),
  ]);
  const planned =
    listing.deadlineAt === null
      ? []
      : planDeadlineReminders({
          deadlineAt: listing.deadlineAt,
          offsetsDays: community.deadlineOffsetsDays ?? deps.settings.deadlineOffsetsDays,
          zone: timing.zone,
          hour: deps.settings.deadlineReminderHour,
          now: deps.clock.now(),
        });
  // A step the member cancelled stays cancelled, whatever the listing does later.
  const steps = planned.filter((s) => !skipped.includes(s.offsetDays));
  const out: Reminder[] = [];
  for (const step of steps) {
    const prev = existing.find((r) => r.offsetDays === step.offsetDays);
    if (prev?.wall && sameWall(prev.wall, step.wall) && prev.text === listing.title) {
      out.push(prev);
      continue;
    }
    const base: Reminder = prev ?? {
      id: deps.reminders.store.newId(),
      userId,
      communityId,
      kind: 'deadline',
      text: listing.title,
      status: 'pending',
      dueAt: step.dueAt,
      fireAt: step.dueAt,
      listingId: listing.id,
      offsetDays: step.offsetDays,
      createdAt: deps.clock.now(),
    };
    const next = { ...base, text: listing.title, wall: step.wall, dueAt: step.dueAt };
    out.push(await placeReminder(deps, next, { previous: prev, timing }));
  }
  for (const r of existing) {
    if (!steps.some((s) => s.offsetDays === r.offsetDays)) await dropReminder(deps, r);
  }
  return out;
}

/** Why a listing cannot have deadline reminders, or undefined when it can. */
function refusal(
  listing: ListingDeadlineInfo | undefined,
  id: string,
  now: number,
): Result<ListingDeadlineInfo> {
  if (!listing) {
    return fail(
      'LISTING.NOT_FOUND',
      `There is no listing with id ${id}. Find listings with /opportunity, then use its id.`,
    );
  }
  if (listing.status !== 'published') {
    return fail(
      'LISTING.NOT_OPEN',
      `"${listing.title}" is ${listing.status}, so there is no deadline to remind you of.`,
    );
  }
  if (listing.deadlineAt === null) {
    return fail(
      'LISTING.ROLLING',
      `"${listing.title}" takes applications on a rolling basis: there is no deadline. Set your own with /remind when:"next Friday 9am" what:"apply".`,
    );
  }
  if (listing.deadlineAt <= now) {
    return fail('LISTING.DEADLINE_PASSED', `The deadline of "${listing.title}" has already passed.`);
  }
  return ok(listing);
}

/**
 * Subscribes a member to a listing's deadline reminders (idempotent). The
 * subscription outlives its steps, so a moved deadline brings them back.
 */
export async function subscribeToDeadline(
  deps: DeadlineDeps,
  who: { readonly userId: string; readonly communityId: string },
  listingId: string,
): Promise<Result<{ listing: ListingDeadlineInfo; reminders: Reminder[]; already: boolean }>> {
  const checked = refusal(await deps.listingLookup.getDeadlineInfo(listingId), listingId, deps.clock.now());
  if (!checked.ok) return checked;
  const listing = checked.value;
  const fresh = await deps.reminders.store.subscribeDeadline(listing.id, who.userId, who.communityId);
  const reminders = await syncDeadlineReminders(deps, who.userId, who.communityId, listing);
  return ok({ listing, reminders, already: !fresh });
}

/**
 * Switches a listing's deadline reminders off for a member: the subscription
 * ends and its pending reminders go, jobs included, so no later change to the
 * listing brings them back (only subscribing again does). Works for a listing
 * that is gone too. Returns how many pending reminders were removed, and
 * whether there was a subscription at all.
 */
export async function switchOffDeadline(
  deps: DeadlineDeps,
  userId: string,
  listingId: string,
): Promise<{ removed: number; wasOn: boolean; title: string }> {
  const wasOn = await deps.reminders.store.unsubscribeDeadline(listingId, userId);
  const pending = await deadlineRemindersOf(deps, userId, listingId);
  for (const r of pending) await dropReminder(deps, r);
  const listing = await deps.listingLookup.getDeadlineInfo(listingId);
  return { removed: pending.length, wasOn, title: listing?.title ?? pending[0]?.text ?? listingId };
}

/**
 * Cancels one deadline reminder and remembers the cancellation, so a listing
 * edit or a zone change never brings that step back.
 */
export async function cancelDeadlineStep(deps: ReminderDeps, reminder: Reminder): Promise<void> {
  if (reminder.listingId && reminder.offsetDays !== undefined) {
    await deps.reminders.store.skipDeadlineStep(reminder.listingId, reminder.userId, reminder.offsetDays);
  }
  await dropReminder(deps, reminder);
}

/**
 * After a member's zone changed: deadline reminders are planned again from the
 * deadline's local date in the new zone (so they match a fresh subscription),
 * then every other pending reminder is re-placed (wall-clock ones keep their
 * local time). Returns how many pending reminders now arrive at another instant.
 */
export async function followZoneChange(deps: DeadlineDeps, userId: string): Promise<number> {
  const { store } = deps.reminders;
  const pendingAt = async () =>
    new Map(
      (await store.listForUser(userId)).filter((r) => r.status === 'pending').map((r) => [r.id, r.fireAt]),
    );
  const before = await pendingAt();
  for (const [listingId, communityId] of Object.entries(await store.subscriptionsOf(userId))) {
    const listing = await deps.listingLookup.getDeadlineInfo(listingId);
    if (listing?.status === 'published') await syncDeadlineReminders(deps, userId, communityId, listing);
  }
  await replaceMemberReminders(deps, userId);
  let moved = 0;
  for (const [id, fireAt] of await pendingAt()) if (before.has(id) && before.get(id) !== fireAt) moved++;
  return moved;
}
