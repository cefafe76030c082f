import type { CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { idOption } from '../commands/options.ts';
import type { Listing } from '../opportunities/listing.ts';
import { editDraft } from '../opportunities/listing-draft.ts';
import type { ListingFieldValues } from '../opportunities/listing-fields.ts';
import { editableFieldOptions } from '../opportunities/listing-options.ts';
import { deadlineInfo, draftOf, withContent } from '../opportunities/listing-record.ts';
import { deadlinePassed } from '../opportunities/listing-time.ts';
import { notFoundReply } from '../opportunities/show-listing.command.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { auditListing, contentChanges } from './listing-audit.ts';
import { FLAG_LABELS, type FlagRule, unapprovedFlags } from './listing-flags.ts';

/** The status after an edit: new unaccepted flags hold a live listing; a new future deadline revives an expired one. */
function nextStatus(before: Listing, after: Listing, now: number): Listing['status'] {
  const fresh = unapprovedFlags(after.flags, before.approvedFlags);
  if (before.status === 'published') return fresh.length > 0 ? 'pending' : 'published';
  if (before.status === 'expired' && !deadlinePassed(after, now))
    return fresh.length > 0 ? 'pending' : 'published';
  return before.status;
}

/** A changed value as the moderator reads it: null (a fee, exam or letter nobody stated) is "not stated". */
function shown(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? 'not stated' : v)) ?? '—';
}

async function edit(id: string, values: Partial<ListingFieldValues>, ctx: CommandContext): Promise<Reply> {
  const before = await ctx.deps.listings.get(id);
  if (!before) return notFoundReply(id);
  if (Object.keys(values).length === 0) {
    return errorReply(
      'EDIT.NOTHING',
      `Name at least one field to change. Example: /edit id:${id} deadline:2027-05-01`,
    );
  }
  const draft = editDraft(draftOf(before), values);
  if (!draft.ok) return errorReply(draft.code, `Listing ${id} was not changed: ${draft.message}.`);
  const changed = withContent(before, draft.value, ctx.now);
  if (values.deadline !== undefined && deadlinePassed(changed, ctx.now) && before.status !== 'withdrawn') {
    return errorReply(
      'LISTING.DEADLINE_PASSED',
      `The deadline ${values.deadline} has already passed; listing ${id} was not changed. To close a listing, use /withdraw id:${id} reason:<text>.`,
    );
  }
  const after: Listing = { ...changed, status: nextStatus(before, changed, ctx.now) };
  const diff = contentChanges(before, after);
  if (Object.keys(diff.after).length === 0) {
    return reply({
      title: 'No change',
      text: `Listing ${id} already has those values.`,
      ids: [id],
      ephemeral: true,
    });
  }
  if (!(await ctx.deps.listings.save(after, before.rev))) {
    return errorReply(
      'LISTING.CONFLICT',
      `Listing ${id} changed while you were editing. Nothing was changed; try again.`,
    );
  }
  await auditListing(ctx, 'listing.edit', id, diff);
  if (before.deadlineAt !== after.deadlineAt)
    await ctx.deps.listingHooks.deadlineChanged(deadlineInfo(after));
  const held = before.status !== 'pending' && after.status === 'pending';
  const fired = unapprovedFlags(after.flags, before.approvedFlags).map(
    (f) => FLAG_LABELS[f as FlagRule] ?? f,
  );
  return reply({
    title: `Edited: ${after.title}`,
    text: held
      ? `Saved, but the listing now trips ${fired.join('; ')}, so it is held in /review until a moderator approves it.`
      : `Saved ${Object.keys(diff.after).join(', ')} of listing ${id}.`,
    fields: Object.keys(diff.after).map((k) => ({
      name: k,
      value: `${shown(diff.before[k])} → ${shown(diff.after[k])}`,
    })),
    ids: [id],
    ephemeral: true,
  });
}

/** `/edit id:<id> <field>:<value> ...`: moderators correct a listing; audited with before/after. */
export const editCommand = defineCommand({
  name: 'edit',
  description: 'Change fields of a listing (moderators), e.g. /edit id:abc deadline:2027-05-01',
  group: 'moderation',
  permission: 'moderator',
  options: {
    id: idOption({
      description: 'The listing to change',
      example: 'obs-cardio-ny-01',
      required: true,
      autocomplete: 'listing-id',
    }),
    ...editableFieldOptions(),
  },
  examples: [
    '/edit id:obs-cardio-ny-01 deadline:2027-04-01',
    '/edit id:obs-cardio-ny-01 fee_usd:500 fee_covers:"badge and EMR access"',
  ],
  async handler(input, ctx) {
    const { id, ...rest } = input;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    return edit(id, values as Partial<ListingFieldValues>, ctx);
  },
});
