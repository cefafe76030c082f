import { DateTime } from 'luxon';
import type { ReplyRecord } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import type { Reminder } from './reminder.ts';

const KIND_LABEL: Record<Reminder['kind'], string> = {
  custom: 'Reminder',
  deadline: 'Deadline',
  'follow-up': 'Follow-up',
  letter: 'Letter of recommendation',
  'thank-you': 'Thank-you note',
  notice: 'Notice',
};

/** "every day at 09:00", "every weekday (Monday to Friday) at 07:00", "every 2 weeks on Friday at 09:00", "every month on day 15 at 09:00". */
export function describeRepeat(r: Reminder, zone: string): string | undefined {
  if (!r.repeat) return undefined;
  const local = DateTime.fromMillis(r.dueAt, { zone }).setLocale('en-US');
  const time = local.toFormat('HH:mm');
  if (r.repeat === 'daily') return `every day at ${time}`;
  if (r.repeat === 'weekdays') return `every weekday (Monday to Friday) at ${time}`;
  if (r.repeat === 'weekly') return `every week on ${local.toFormat('cccc')} at ${time}`;
  if (r.repeat === 'fortnightly') return `every 2 weeks on ${local.toFormat('cccc')} at ${time}`;
  return `every month on day ${r.wall?.day ?? local.day} at ${time}`;
}

/** One line of `/reminders`: what, when (local, with offset), and what kind. */
export function reminderRecord(r: Reminder, zone: string): ReplyRecord {
  const deferred = r.fireAt !== r.dueAt ? ` (after your quiet hours; due ${formatLocal(r.dueAt, zone)})` : '';
  const kind =
    r.kind === 'deadline' && r.offsetDays !== undefined
      ? `${KIND_LABEL.deadline}, ${r.offsetDays} day${r.offsetDays === 1 ? '' : 's'} before`
      : KIND_LABEL[r.kind];
  const repeat = describeRepeat(r, zone);
  return {
    id: r.id,
    title: r.text,
    subtitle: `${formatLocal(r.fireAt, zone)}${deferred}`,
    text: repeat ? `${kind}, repeats ${repeat}` : kind,
  };
}
