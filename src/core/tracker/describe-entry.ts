import type { Reminder } from '../reminders/reminder.ts';
import type { ReplyField, ReplyRecord } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { letterDay } from './letter-timing.ts';
import type { TrackerEntry } from './tracker.ts';

const STEP_LABEL: Record<string, string> = {
  'follow-up': 'Follow-up reminder',
  letter: 'Ask for a letter of recommendation',
  'thank-you': 'Thank-you note reminder',
};

/** Why a step falls on its day, in plain words, when the entry says. */
function stepReason(kind: string, entry: StepEntry | undefined): string {
  if (!entry?.rotationEnd) return '';
  if (kind === 'letter') return `, ${letterDay(entry.rotationStart, entry.rotationEnd).why}`;
  if (kind === 'thank-you') return ', the day after the rotation ends';
  return '';
}

type StepEntry = Pick<TrackerEntry, 'rotationStart' | 'rotationEnd'>;

/**
 * One field per scheduled chain step: what and when (local, with offset),
 * and, given the entry, why that day (the letter's timing rule).
 */
export function chainFields(chain: readonly Reminder[], zone: string, entry?: StepEntry): ReplyField[] {
  return chain.map((r) => ({
    name: STEP_LABEL[r.kind] ?? r.kind,
    value: `${formatLocal(r.fireAt, zone)}${stepReason(r.kind, entry)} (id ${r.id})`,
  }));
}

/**
 * Things about an entry's dates the member should check: a rotation marked
 * completed that ends in the future, a rotation with no end date (so no
 * letter or thank-you reminder). Empty when all is well.
 */
export function entryWarnings(entry: TrackerEntry, today: string): string[] {
  const out: string[] = [];
  if (entry.status === 'completed' && entry.rotationEnd && entry.rotationEnd > today) {
    out.push(
      `Check the dates: this rotation is marked completed but ends on ${entry.rotationEnd}, which is still ahead. Fix it with /track update id:${entry.id} rotation_end:${today} (or status:rotating).`,
    );
  }
  if ((entry.status === 'accepted' || entry.status === 'rotating') && !entry.rotationEnd) {
    out.push(
      `Add the rotation dates (/track update id:${entry.id} rotation_start:2027-03-01 rotation_end:2027-03-28) to get the letter and thank-you reminders.`,
    );
  }
  return out;
}

/** An entry as a record of `/track list`. */
export function entryRecord(e: TrackerEntry, chain: readonly Reminder[], zone: string): ReplyRecord {
  const parts: string[] = [e.status];
  if (e.contactedOn) parts.push(`contacted ${e.contactedOn}`);
  if (e.rotationStart || e.rotationEnd)
    parts.push(`rotation ${e.rotationStart ?? '?'} to ${e.rotationEnd ?? '?'}`);
  if (e.handsOn !== undefined) parts.push(e.handsOn ? 'hands-on' : 'observational');
  const fields: ReplyField[] = chainFields(chain, zone, e);
  const last = e.notes[e.notes.length - 1];
  if (last) fields.push({ name: `Note (${e.notes.length})`, value: last.text });
  return { id: e.id, title: e.program, subtitle: parts.join(', '), fields };
}
