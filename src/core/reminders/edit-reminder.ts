import type { Caller } from '../caller.ts';
import { type Failure, fail, ok, type Result } from '../result.ts';
import { ownReminder } from './cancel-reminder.ts';
import { readWhen } from './create-reminder.ts';
import { placeReminder, type ReminderDeps } from './place-reminder.ts';
import { wallOf } from './recurrence.ts';
import type { Reminder, Repeat } from './reminder.ts';

/** What `/reminder-edit` may change; unset fields stay as they are. */
export interface ReminderEdit {
  readonly when?: string;
  readonly what?: string;
  /** A new repeat, or `none` to stop repeating. */
  readonly repeat?: Repeat | 'none';
}

/** Why this reminder cannot be edited this way, or undefined. */
function refusal(r: Reminder, edit: ReminderEdit): Failure | undefined {
  if (r.kind !== 'custom') {
    return fail(
      'REMINDER.NOT_EDITABLE',
      r.kind === 'deadline'
        ? `This reminder follows the deadline of listing ${r.listingId ?? ''}. Cancel it with /reminder-cancel id:${r.id}, or switch the listing's reminders off with /deadline-reminders listing:${r.listingId ?? '<id>'} off.`
        : `This reminder follows your tracker entry; change the entry with /track update, or cancel it with /reminder-cancel id:${r.id}.`,
    );
  }
  if (edit.when === undefined && edit.what === undefined && edit.repeat === undefined) {
    return fail(
      'REMINDER.NOTHING_TO_EDIT',
      `Say what to change, e.g. /reminder-edit id:${r.id} when:"friday 9am" or what:"email Dr. Rivera".`,
    );
  }
  return undefined;
}

/** The new due instant, repeat and note: from `when` if given, else the current time with the new repeat. */
function newTiming(
  caller: Pick<Caller, 'zone' | 'at'>,
  r: Reminder,
  edit: ReminderEdit,
): Result<{ at: number; repeat?: Repeat; note?: string }> {
  const option = edit.repeat === 'none' ? undefined : edit.repeat;
  const kept = edit.repeat === 'none' ? undefined : (option ?? r.repeat);
  if (edit.when === undefined) {
    if (r.dueAt <= caller.at) {
      return fail(
        'REMINDER.NEEDS_TIME',
        `This reminder's time has passed; give a new one, e.g. /reminder-edit id:${r.id} when:"tomorrow 9am".`,
      );
    }
    return ok({ at: r.dueAt, repeat: kept });
  }
  const when = readWhen(edit.when, option, caller);
  if (!when.ok) return when;
  const repeat = edit.repeat === 'none' ? undefined : (when.value.repeat ?? kept);
  return ok({ at: when.value.at, repeat, note: when.value.note });
}

/**
 * Edits a member's own reminder: its text, its time (natural language, repeats
 * in words included) and its repeat. A new time moves the delivery job: the
 * old one-off job is removed, a repeat's series is replaced (or removed when
 * it stops repeating), so nothing is delivered at the old time. A time alone
 * keeps the repeat; `repeat:none` makes it a one-off. Only the member's own
 * reminders (`/remind`) can be edited: deadline and tracker reminders follow
 * their listing or entry. Fails with `REMINDER.NOT_FOUND`,
 * `REMINDER.NOT_EDITABLE`, `REMINDER.NOTHING_TO_EDIT`, `REPEAT.*` or `WHEN.*`.
 */
export async function editReminder(
  deps: ReminderDeps,
  req: Caller & { readonly id: string; readonly edit: ReminderEdit },
): Promise<Result<{ before: Reminder; reminder: Reminder; note?: string }>> {
  const { edit } = req;
  const found = await ownReminder(deps, req.by.userId, req.id);
  if (!found.ok) return found;
  const r = found.value;
  const refused = refusal(r, edit);
  if (refused) return refused;
  const text = edit.what ?? r.text;
  if (edit.when === undefined && edit.repeat === undefined) {
    // Only the words change: the time, the job and the series stay.
    const renamed = { ...r, text };
    await deps.reminders.store.save(renamed);
    return ok({ before: r, reminder: renamed });
  }
  const timing = newTiming(req, r, edit);
  if (!timing.ok) return timing;
  const { at, repeat, note } = timing.value;
  if (r.repeat) await deps.reminders.scheduler.unscheduleSeries(r.id);
  const moved: Reminder = {
    ...r,
    text,
    status: 'pending',
    dueAt: at,
    fireAt: at,
    wall: repeat ? wallOf(at, req.zone) : undefined,
    repeat,
    occurrence: repeat ? 0 : undefined,
    deliveredAt: undefined,
  };
  const placed = await placeReminder(deps, moved, { previous: r });
  if (r.status === 'pending' && r.fireAt === placed.fireAt && r.repeat && !placed.repeat) {
    // The series' own job for that instant went with the series; the one-off needs its job back.
    await deps.reminders.scheduler.schedule(placed.id, placed.fireAt);
  }
  return ok(note ? { before: r, reminder: placed, note } : { before: r, reminder: placed });
}
