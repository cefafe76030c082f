import { DateTime } from 'luxon';
import type { Caller } from '../caller.ts';
import { placeReminder, type ReminderDeps } from '../reminders/place-reminder.ts';
import type { Reminder } from '../reminders/reminder.ts';
import type { MatchCycle } from './match-cycle.ts';
import { buildMatchPlan, milestoneReminderAt } from './match-plan.ts';

/** What setting the plan's reminders did. */
export interface PlanRemindersResult {
  readonly created: readonly { label: string; at: number }[];
  /** Milestones that already had a pending reminder from an earlier run. */
  readonly kept: number;
}

/**
 * Creates one reminder per upcoming actionable milestone of the season, at
 * 09:00 in the member's zone. Idempotent: the reminders made are recorded in
 * the member's settings by `<match year>:<milestone>`, and a milestone whose
 * recorded reminder is still pending gets no second one.
 */
export async function setPlanReminders(
  deps: ReminderDeps,
  req: Caller & { readonly cycle: MatchCycle },
): Promise<PlanRemindersResult> {
  const { cycle } = req;
  const userId = req.by.userId;
  const { store } = deps.reminders;
  const made = { ...((await deps.userSettings.getUser(userId)).planReminders ?? {}) };
  const now = DateTime.fromMillis(req.at, { zone: req.zone });
  const created: { label: string; at: number }[] = [];
  let kept = 0;
  for (const m of buildMatchPlan(cycle, req.zone)) {
    if (!m.actionable) continue;
    const at = milestoneReminderAt(m, now);
    if (!at) continue;
    const key = `${cycle.matchYear}:${m.id}`;
    const earlier = made[key] ? await store.get(made[key]) : undefined;
    if (earlier && earlier.status === 'pending' && earlier.userId === userId) {
      kept++;
      continue;
    }
    const reminder: Reminder = {
      id: store.newId(),
      userId,
      communityId: req.by.communityId,
      kind: 'custom',
      text: `Match ${cycle.matchYear} plan: ${m.label}. ${m.why}`,
      status: 'pending',
      dueAt: at.toMillis(),
      fireAt: at.toMillis(),
      createdAt: req.at,
    };
    const placed = await placeReminder(deps, reminder);
    made[key] = placed.id;
    created.push({ label: m.label, at: placed.fireAt });
  }
  if (created.length > 0) await deps.userSettings.updateUser(userId, { planReminders: made });
  return { created, kept };
}
