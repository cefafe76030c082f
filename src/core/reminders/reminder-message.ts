import { DateTime } from 'luxon';
import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import { type Reply, type ReplyAction, reply } from '../reply.ts';
import { formatDuration, formatLocal } from '../time/parse-when.ts';
import type { TrackerEntry } from '../tracker/tracker.ts';
import { listingDeadlineText } from './deadline-text.ts';
import { describeRepeat } from './describe-reminder.ts';
import { hasButtons, type Reminder } from './reminder.ts';

/** Action ids of the buttons on a delivered reminder (payload: the reminder id). */
export const REMINDER_ACTIONS = {
  snooze15: 'reminder.snooze-15m',
  snooze60: 'reminder.snooze-1h',
  snoozeTomorrow: 'reminder.snooze-tomorrow',
  done: 'reminder.done',
} as const;

/** What a message may draw on besides the reminder itself. */
export interface MessageContext {
  readonly zone: string;
  /** How long after its delivery time it is being sent. */
  readonly lateMs: number;
  /** From this lateness on the DM says it is late. */
  readonly lateAfterMs: number;
  readonly listing?: ListingDeadlineInfo;
  readonly entry?: TrackerEntry;
}

function buttons(r: Reminder): ReplyAction[] {
  if (!hasButtons(r.kind)) return [];
  return [
    { action: REMINDER_ACTIONS.snooze15, label: 'Snooze 15 min', payload: r.id },
    { action: REMINDER_ACTIONS.snooze60, label: 'Snooze 1 hour', payload: r.id },
    { action: REMINDER_ACTIONS.snoozeTomorrow, label: 'Tomorrow 09:00', payload: r.id },
    { action: REMINDER_ACTIONS.done, label: 'Done', payload: r.id, style: 'primary' },
  ];
}

function body(r: Reminder, c: MessageContext): { title: string; text: string } {
  const program = c.entry?.program ?? r.text;
  const track = c.entry ? ` Update it with /track update id:${c.entry.id} status:<new status>.` : '';
  switch (r.kind) {
    case 'custom':
      return { title: 'Reminder', text: r.text };
    case 'notice':
      return { title: 'Update from imgbot', text: r.text };
    case 'deadline': {
      const days = r.offsetDays ?? 0;
      const when = c.listing ? listingDeadlineText(c.listing, c.zone) : 'soon';
      const title = c.listing?.title ?? r.text;
      const off = r.listingId ? ` Stop these with /deadline-reminders listing:${r.listingId} off.` : '';
      return {
        title:
          days === 0
            ? `Deadline today: ${title}`
            : `Deadline in ${days} day${days === 1 ? '' : 's'}: ${title}`,
        text: `The application deadline for "${title}" is ${when}.${off}`,
      };
    }
    case 'follow-up': {
      const verb = c.entry?.status === 'contacted' ? 'contacted' : 'applied to';
      const since = c.entry?.contactedOn ? ` on ${c.entry.contactedOn}` : '';
      return {
        title: `Follow up: ${program}`,
        text: `You ${verb} ${program}${since} and have had no reply. A short, polite follow-up email is normal after 2-3 weeks.${track}`,
      };
    }
    case 'letter': {
      const end = c.entry?.rotationEnd;
      // A short rotation's letter request comes the day after it ends.
      const over = end !== undefined && DateTime.fromMillis(r.dueAt, { zone: c.zone }).toISODate()! > end;
      return {
        title: `Ask for a letter: ${program}`,
        text:
          `Your rotation at ${program} ${over ? 'ended' : 'ends'} on ${end ?? 'soon'}. Now is a good time to ask your supervisor ` +
          'for a letter of recommendation: give them your CV, a personal statement draft and a summary of the cases you saw.',
      };
    }
    case 'thank-you':
      return {
        title: `Thank-you note: ${program}`,
        text:
          `Your rotation at ${program} ended on ${c.entry?.rotationEnd ?? 'recently'}. Send your supervisors a short ` +
          'thank-you email, and keep them posted later (exam results, interviews, Match).',
      };
  }
}

/** The direct message for a reminder occurrence: its body, when it was for, lateness, and the buttons. */
export function reminderMessage(r: Reminder, c: MessageContext): Reply {
  const { title, text } = body(r, c);
  const late =
    c.lateMs >= c.lateAfterMs
      ? `Delivered ${formatDuration(c.lateMs)} late: I was offline when it came due (${formatLocal(r.fireAt, c.zone)}).`
      : undefined;
  const fields =
    r.kind === 'notice'
      ? []
      : [{ name: 'For', value: `${formatLocal(r.dueAt, c.zone)}, your time (${c.zone})` }];
  const repeat = describeRepeat(r, c.zone);
  if (repeat) fields.push({ name: 'Repeats', value: `${repeat} (stop with /reminder-cancel id:${r.id})` });
  return reply({ title, text, fields, actions: buttons(r), ids: [r.id], footer: late });
}
