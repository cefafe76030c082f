import { decisionOf } from '../caller.ts';
import type { CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import type { ListingFieldValues } from '../opportunities/listing-fields.ts';
import { editableFieldOptions } from '../opportunities/listing-options.ts';
import { type Reply, reply } from '../reply.ts';
import { editListing } from './edit-listing.ts';

/** A changed value as the moderator reads it: null (a fee, exam or letter nobody stated) is "not stated". */
function shown(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? 'not stated' : v)) ?? '—';
}

/** Runs {@link editListing} for the caller and lists each changed field, before and after. */
async function edit(id: string, values: Partial<ListingFieldValues>, ctx: CommandContext): Promise<Reply> {
  const done = await editListing(ctx.deps, { ...decisionOf(ctx), id, values });
  if (!done.ok) return failureReply(done);
  const outcome = done.value;
  if (!outcome.changed) {
    return reply({
      title: 'No change',
      text: `Listing ${id} already has those values.`,
      ids: [id],
      ephemeral: true,
    });
  }
  const { diff, heldFor } = outcome;
  return reply({
    title: `Edited: ${outcome.listing.title}`,
    text: heldFor
      ? `Saved, but the listing now trips ${heldFor.join('; ')}, so it is held in /review until a moderator approves it.`
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
