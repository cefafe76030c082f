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
 * skipped; steps that moved are rescheduled, steps no longer wanted removed.
 * A rolling listing (no deadline) keeps none.
 */
export async function syncDeadlineReminders(
  deps: ReminderDeps,
  userId: string,
  communityId: string,
  listing: ListingDeadlineInfo,
): Promise<Reminder[]> {
  const [timing, community, existing] = await Promise.all([
    memberTiming(deps, userId),
    deps.userSettings.getCommunity(communityId),
    deadlineRemindersOf(deps, userId, listing.id),
  ]);
  const steps =
    listing.deadlineAt === null
      ? []
      : planDeadlineReminders({
          deadlineAt: listing.deadlineAt,
          offsetsDays: community.deadlineOffsetsDays ?? deps.settings.deadlineOffsetsDays,
          zone: timing.zone,
          hour: deps.settings.deadlineReminderHour,
          now: deps.clock.now(),
        });
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
