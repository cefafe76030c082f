import { decisionOf } from '../caller.ts';
import { type ActionDef, type CommandContext, defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption, stringOption } from '../commands/options.ts';
import { type Reply, reply } from '../reply.ts';
import { dismissReport } from './dismiss-report.ts';
import { approveListing, rejectListing } from './review-decisions.ts';

/** Button action ids of the review queue. */
export const APPROVE_ACTION = 'review.approve';
/** See {@link APPROVE_ACTION}. */
export const REJECT_ACTION = 'review.reject';
/** See {@link APPROVE_ACTION}. */
export const DISMISS_REPORT_ACTION = 'report.dismiss';

/** Runs {@link approveListing} for the caller and says what became of the listing. */
async function approve(id: string, ctx: CommandContext): Promise<Reply> {
  const done = await approveListing(ctx.deps, { ...decisionOf(ctx), id });
  if (!done.ok) return failureReply(done);
  const l = done.value;
  const text =
    l.status === 'published'
      ? `“${l.title}” (${id}) is published.`
      : `“${l.title}” (${id}) was approved, but its deadline has passed, so it is marked expired and not shown in searches.`;
  return reply({ title: 'Approved', text, ids: [id], ephemeral: true });
}

/** Runs {@link rejectListing} for the caller. */
async function reject(id: string, reason: string, ctx: CommandContext): Promise<Reply> {
  const done = await rejectListing(ctx.deps, { ...decisionOf(ctx), id, reason });
  if (!done.ok) return failureReply(done);
  return reply({
    title: 'Rejected',
    text: `“${done.value.title}” (${id}) was rejected: ${reason}`,
    ids: [id],
    ephemeral: true,
  });
}

/** The Approve button of /review and of a held /post. */
export const approveAction: ActionDef = {
  id: APPROVE_ACTION,
  permission: 'moderator',
  handler: (payload, ctx) => approve(payload, ctx),
};

/** The Reject button: a button carries no text, so it asks for the reason. */
export const rejectAction: ActionDef = {
  id: REJECT_ACTION,
  permission: 'moderator',
  async handler(payload) {
    return reply({
      title: 'Reject with a reason',
      text: `The member is told why. Run: /reject id:${payload} reason:<why it cannot be listed>`,
      ephemeral: true,
    });
  },
};

/** Dismisses a member's report (the listing is fine). */
export const dismissReportAction: ActionDef = {
  id: DISMISS_REPORT_ACTION,
  permission: 'moderator',
  async handler(payload, ctx) {
    const done = await dismissReport(ctx.deps, { ...decisionOf(ctx), reportId: payload });
    if (!done.ok) return failureReply(done);
    return reply({
      title: 'Report dismissed',
      text: `Report ${payload} on ${done.value.listingId} is closed.`,
      ephemeral: true,
    });
  },
};

/** `/approve id:<id>`. */
export const approveCommand = defineCommand({
  name: 'approve',
  description: 'Approve a pending listing from the review queue (moderators)',
  group: 'moderation',
  permission: 'moderator',
  options: { id: idOption({ description: 'The pending listing id', example: 'k3m9x2pq', required: true }) },
  examples: ['/approve id:k3m9x2pq'],
  handler: (input, ctx) => approve(input.id, ctx),
});

/** `/reject id:<id> reason:<text>`. */
export const rejectCommand = defineCommand({
  name: 'reject',
  description: 'Reject a pending listing with a reason the member sees (moderators)',
  group: 'moderation',
  permission: 'moderator',
  options: {
    id: idOption({ description: 'The pending listing id', example: 'k3m9x2pq', required: true }),
    reason: stringOption({
      description: 'Why it cannot be listed',
      example: 'duplicate of obs-cardio-ny-01',
      required: true,
      maxLength: 300,
    }),
  },
  examples: ['/reject id:k3m9x2pq reason:"duplicate of obs-cardio-ny-01"'],
  handler: (input, ctx) => reject(input.id, input.reason, ctx),
});
