import { defineCommand } from '../commands/command.ts';
import type { ListingReport } from '../opportunities/listing.port.ts';
import type { Listing } from '../opportunities/listing.ts';
import { deadlineText, feeText, placeText } from '../opportunities/listing-format.ts';
import { draftOf } from '../opportunities/listing-record.ts';
import { clip } from '../opportunities/listing-text.ts';
import { formatInstant } from '../opportunities/listing-time.ts';
import { type ReplyAction, type ReplyRecord, reply } from '../reply.ts';
import { DUPLICATE_RULE, type DuplicateIndex, duplicateHit, loadDuplicateIndex } from './duplicates.ts';
import { checkListing, type FlagHit, unapprovedFlags } from './listing-flags.ts';
import { APPROVE_ACTION, DISMISS_REPORT_ACTION, REJECT_ACTION } from './review-actions.ts';

// why: five of each keeps the reply inside one Discord message (25 buttons, 10 embeds)
const SHOWN = 5;

/** The duplicate flag as it stands now: the listings it resembles are looked up again. */
function duplicateNow(l: Listing, index: DuplicateIndex | undefined): FlagHit[] {
  if (!index || !unapprovedFlags(l.flags, l.approvedFlags).includes(DUPLICATE_RULE)) return [];
  const matches = index.find(draftOf(l), l.id);
  if (matches.length > 0) return [duplicateHit(matches)];
  return [
    {
      ...duplicateHit([]),
      message: 'It looked like another listing when it arrived; that listing is no longer open',
    },
  ];
}

function pendingRecord(
  l: Listing,
  now: number,
  zone: string,
  index: DuplicateIndex | undefined,
): ReplyRecord {
  const hits = [...checkListing(draftOf(l)), ...duplicateNow(l, index)];
  const origin = l.source === 'suggest' ? 'suggested' : l.source === 'import' ? 'imported' : 'posted';
  return {
    id: l.id,
    title: l.title,
    subtitle: `${origin} by ${l.postedBy} on ${formatInstant(l.postedAt, zone)} · ${l.institution}, ${placeText(l)} · ${feeText(l)} · ${deadlineText(l, now)}`,
    text: clip(l.description, 300),
    fields:
      hits.length > 0
        ? hits.map((h) => ({ name: `flag: ${h.rule}`, value: h.message }))
        : [{ name: 'flags', value: l.source === 'suggest' ? 'none (a member suggestion)' : 'none' }],
  };
}

function reportRecord(r: ListingReport, zone: string): ReplyRecord {
  return {
    id: r.id,
    title: `Report on ${r.listingId}`,
    subtitle: `by ${r.reporterId} on ${formatInstant(r.at, zone)}`,
    text: r.reason,
  };
}

/**
 * `/review`: the queue of pending listings (member suggestions and flagged
 * posts/imports, with the rules that fired) and open member reports, oldest
 * first, with approve / reject / dismiss buttons.
 */
export const reviewCommand = defineCommand({
  name: 'review',
  description: 'The review queue: pending suggestions, flagged listings and member reports',
  group: 'moderation',
  permission: 'moderator',
  options: {},
  examples: ['/review'],
  async handler(_input, ctx) {
    const [queue, reports] = await Promise.all([
      ctx.deps.listings.pending(0, SHOWN),
      ctx.deps.listings.openReports(0, SHOWN),
    ]);
    if (queue.total === 0 && reports.total === 0) {
      return reply({
        title: 'Review queue',
        text: 'Nothing to review: no pending listings and no open reports.',
        ephemeral: true,
      });
    }
    const records: ReplyRecord[] = [];
    const index = queue.listings.some((l) => l.flags.includes(DUPLICATE_RULE))
      ? await loadDuplicateIndex(ctx.deps.listings)
      : undefined;
    const actions: ReplyAction[] = [];
    queue.listings.forEach((l, i) => {
      records.push(pendingRecord(l, ctx.now, ctx.zone, index));
      actions.push({ action: APPROVE_ACTION, label: `Approve ${i + 1}`, payload: l.id, style: 'primary' });
      actions.push({ action: REJECT_ACTION, label: `Reject ${i + 1}`, payload: l.id, style: 'danger' });
    });
    reports.reports.forEach((r, i) => {
      records.push(reportRecord(r, ctx.zone));
      actions.push({ action: DISMISS_REPORT_ACTION, label: `Dismiss report ${i + 1}`, payload: r.id });
    });
    return reply({
      title: 'Review queue',
      text:
        `${queue.total} pending listing${queue.total === 1 ? '' : 's'}, ${reports.total} open report${reports.total === 1 ? '' : 's'} (oldest first). ` +
        'Approve or reject listings (/reject id:<id> reason:<text>); act on a report with /edit, /withdraw or /verify, or dismiss it.',
      records,
      actions,
      ids: records.map((r) => r.id),
      footer:
        queue.total > SHOWN || reports.total > SHOWN ? 'Decide on these to see the next ones.' : undefined,
      ephemeral: true,
    });
  },
});
