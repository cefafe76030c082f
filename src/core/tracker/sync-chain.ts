import { DateTime } from 'luxon';
import { dropReminder, memberTiming, placeReminder, type ReminderDeps } from '../reminders/place-reminder.ts';
import { sameWall } from '../reminders/recurrence.ts';
import type { Reminder } from '../reminders/reminder.ts';
import type { TrackerEntry } from './tracker.ts';
import { planChain } from './tracker-chain.ts';

/** why: the settings schema allows 14-21 days (programs that have not answered in 2-3 weeks get a polite follow-up). */
const FOLLOW_UP_RANGE = [14, 21] as const;

/** The pending chain reminders of one tracker entry. */
async function chainOf(deps: ReminderDeps, userId: string, trackerId: string): Promise<Reminder[]> {
  const all = await deps.reminders.store.listForUser(userId);
  return all.filter((r) => r.trackerId === trackerId && r.status === 'pending');
}

/**
 * Brings an entry's follow-up chain in line with its status and dates: steps
 * the status makes moot are cancelled, moved ones rescheduled, new ones added.
 * Follow-up delay: the community's `followUpDays`, else the configured default.
 */
export async function syncChain(
  deps: ReminderDeps,
  entry: TrackerEntry,
  communityId: string,
): Promise<Reminder[]> {
  const [timing, community, existing] = await Promise.all([
    memberTiming(deps, entry.userId),
    deps.userSettings.getCommunity(communityId),
    chainOf(deps, entry.userId, entry.id),
  ]);
  const wanted = community.followUpDays ?? deps.settings.followUpDays;
  const followUpDays = Math.min(FOLLOW_UP_RANGE[1], Math.max(FOLLOW_UP_RANGE[0], wanted));
  const steps = planChain(entry, {
    zone: timing.zone,
    now: deps.clock.now(),
    followUpDays,
    hour: deps.settings.deadlineReminderHour,
  });
  const out: Reminder[] = [];
  for (const step of steps) {
    const prev = existing.find((r) => r.kind === step.kind);
    if (prev?.wall && sameWall(prev.wall, step.wall) && prev.text === entry.program) {
      out.push(prev);
      continue;
    }
    const base: Reminder = prev ?? {
      id: deps.reminders.store.newId(),
      userId: entry.userId,
      communityId,
      kind: step.kind,
      text: entry.program,
      status: 'pending',
      dueAt: step.dueAt,
      fireAt: step.dueAt,
      trackerId: entry.id,
      createdAt: deps.clock.now(),
    };
    out.push(
      await placeReminder(
        deps,
        { ...base, text: entry.program, wall: step.wall, dueAt: step.dueAt },
        { previous: prev, timing },
      ),
    );
  }
  for (const r of existing) {
    if (!steps.some((s) => s.kind === r.kind)) await dropReminder(deps, r);
  }
  return out;
}

/** Cancels every chain reminder of an entry (it was removed), delivered ones with their buttons too. */
export async function dropChain(deps: ReminderDeps, userId: string, trackerId: string): Promise<void> {
  for (const r of await deps.reminders.store.listForUser(userId)) {
    if (r.trackerId === trackerId) await dropReminder(deps, r);
  }
}

/** The member's local date today, `YYYY-MM-DD`. */
export function localToday(now: number, zone: string): string {
  return DateTime.fromMillis(now, { zone }).toISODate()!;
}
