import type { Reminder } from '../reminders/reminder.ts';
import type { ReplyField, ReplyRecord } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import type { TrackerEntry } from './tracker.ts';

const STEP_LABEL: Record<string, string> = {
  'follow-up': 'Follow-up reminder',
  letter: 'Ask for a letter of recommendation',
  'thank-you': 'Thank-you note reminder',
};

/** One field per scheduled chain step: what and when (local, with offset). */
export function chainFields(chain: readonly Reminder[], zone: string): ReplyField[] {
  return chain.map((r) => ({
    name: STEP_LABEL[r.kind] ?? r.kind,
    value: `${formatLocal(r.fireAt, zone)} (id ${r.id})`,
  }));
}

/** An entry as a record of `/track list`. */
export function entryRecord(e: TrackerEntry, chain: readonly Reminder[], zone: string): ReplyRecord {
  const parts: string[] = [e.status];
  if (e.contactedOn) parts.push(`contacted ${e.contactedOn}`);
  if (e.rotationStart || e.rotationEnd)
    parts.push(`rotation ${e.rotationStart ?? '?'} to ${e.rotationEnd ?? '?'}`);
  if (e.handsOn !== undefined) parts.push(e.handsOn ? 'hands-on' : 'observational');
  const fields: ReplyField[] = chainFields(chain, zone);
  const last = e.notes[e.notes.length - 1];
  if (last) fields.push({ name: `Note (${e.notes.length})`, value: last.text });
  return { id: e.id, title: e.program, subtitle: parts.join(', '), fields };
}
