import type { Listing } from '../opportunities/listing.ts';
import { TYPE_LABELS } from '../opportunities/listing.ts';
import { deadlineText, feeText, feeValue, placeText } from '../opportunities/listing-format.ts';
import { formatDay } from '../opportunities/listing-time.ts';
import { VIEW_ACTION } from '../opportunities/search-reply.ts';
import { type Reply, reply } from '../reply.ts';
import { type Alert, describeAlert } from './alert.ts';

/**
 * The words of an announcement. Neutral and short: what, where, the terms,
 * and a Details button (the search results' own); nobody is mentioned, and
 * the listing's text stays plain (adapters escape and clip it).
 */

/** The post in the community's announcement channel. */
export function announcementMessage(l: Listing, now: number): Reply {
  return reply({
    title: `New listing: ${l.title}`,
    text: `${l.institution} · ${placeText(l)}`,
    fields: [
      { name: 'Type', value: TYPE_LABELS[l.type].one, inline: true },
      { name: 'Hands-on', value: l.handsOn ? 'yes' : 'no (observational)', inline: true },
      { name: 'Fee', value: feeValue(l), inline: true },
      { name: 'Deadline', value: deadlineText(l, now), inline: true },
    ],
    actions: [{ action: VIEW_ACTION, label: 'Details', payload: l.id, style: 'primary' }],
    ids: [l.id],
    footer: `id: ${l.id} · get a DM for listings like this with /alert add`,
  });
}

/** The deadline as a date, without "in N days" (the DM may wait for the end of quiet hours). */
function deadlineDay(l: Listing): string {
  return l.deadline === null ? 'rolling admission' : `apply by ${formatDay(l.deadline, l.timezone)}`;
}

/**
 * The direct message for a member whose alerts match a new listing (one
 * message, however many of their alerts match). It is delivered as a reminder
 * notice, so it is plain text with the commands to see the listing and to
 * stop the alert.
 */
export function alertNoticeText(l: Listing, alerts: readonly Alert[]): string {
  const first = alerts[0];
  const which =
    alerts.length === 1 && first
      ? `your alert "${describeAlert(first.filters)}"`
      : `${alerts.length} of your alerts (${alerts.map((a) => a.id).join(', ')})`;
  const terms = [
    TYPE_LABELS[l.type].one,
    l.handsOn ? 'hands-on' : 'observational',
    feeText(l),
    deadlineDay(l),
  ].join(' · ');
  const stop = alerts.length === 1 && first ? `/alert remove id:${first.id}` : '/alert remove id:<id>';
  return `New listing for ${which}: "${l.title}", ${l.institution}, ${placeText(l)}. ${terms}. Details: /opportunity id:${l.id}. Stop an alert with ${stop}.`;
}

/** One line of an alert digest: the listing, where, its terms and how to see it. */
export function digestListingLine(l: Listing): string {
  return `• "${l.title}", ${l.institution}, ${placeText(l)} · ${TYPE_LABELS[l.type].one} · ${feeText(l)} · ${deadlineDay(l)} · /opportunity id:${l.id}`;
}
