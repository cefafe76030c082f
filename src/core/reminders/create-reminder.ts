import type { Caller } from '../caller.ts';
import { fail, ok, type Result } from '../result.ts';
import { onWeekday, parseRepeatingWhen, type RepeatingWhen } from './parse-repeat.ts';
import { placeReminder, type ReminderDeps } from './place-reminder.ts';
import { wallOf } from './recurrence.ts';
import { MAX_PENDING_PER_MEMBER, type Reminder, type Repeat } from './reminder.ts';

/** What `/remind` asks for, and who asks. */
export interface ReminderRequest extends Caller {
  readonly when: string;
  readonly what: string;
  readonly repeat?: Repeat;
}

/**
 * Reads `when` (which may name a repeat in words, see parseRepeatingWhen) with
 * the `repeat:` option: the option fills in a repeat the words did not name;
 * two different repeats fail with `REPEAT.CONFLICT`.
 */
export function readWhen(
  text: string,
  option: Repeat | undefined,
  caller: Pick<Caller, 'zone' | 'at'>,
): Result<RepeatingWhen> {
  const when = parseRepeatingWhen(text, { zone: caller.zone, now: caller.at });
  if (!when.ok) return when;
  const said = when.value.repeat;
  if (said && option && said !== option) {
    return fail(
      'REPEAT.CONFLICT',
      `when:"${text}" repeats ${said} but repeat:${option} says otherwise. Keep one, e.g. when:"${text}" alone.`,
    );
  }
  const repeat = said ?? option;
  if (!repeat) return ok(when.value);
  const at = repeat === 'weekdays' ? onWeekday(when.value.at, caller.zone) : when.value.at;
  return ok({ ...when.value, at, repeat });
}

/**
 * Creates a member's reminder: `when` is read in their zone (natural language,
 * see parseWhen; repeats in words, see parseRepeatingWhen), a repeat keeps the wall-clock time of the first occurrence,
 * and quiet hours may defer delivery. Fails with the parser's `WHEN.*` codes or
 * `REMINDER.TOO_MANY`.
 */
export async function createReminder(
  deps: ReminderDeps,
  req: ReminderRequest,
): Promise<Result<{ reminder: Reminder; note?: string }>> {
  const when = readWhen(req.when, req.repeat, req);
  if (!when.ok) return when;
  const { store } = deps.reminders;
  if ((await store.countPending(req.by.userId)) >= MAX_PENDING_PER_MEMBER) {
    return fail(
      'REMINDER.TOO_MANY',
      `You already have ${MAX_PENDING_PER_MEMBER} pending reminders. Cancel some first: /reminders shows them, /reminder-cancel id:<id> removes one.`,
    );
  }
  const at = when.value.at;
  const reminder: Reminder = {
    id: store.newId(),
    userId: req.by.userId,
    communityId: req.by.communityId,
    kind: 'custom',
    text: req.what,
    status: 'pending',
    dueAt: at,
    fireAt: at,
    createdAt: req.at,
    ...(when.value.repeat ? { repeat: when.value.repeat, wall: wallOf(at, req.zone), occurrence: 0 } : {}),
  };
  const placed = await placeReminder(deps, reminder);
  return ok(when.value.note ? { reminder: placed, note: when.value.note } : { reminder: placed });
}
