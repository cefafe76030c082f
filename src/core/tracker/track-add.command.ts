import { callerOf } from '../caller.ts';
import type { ActionDef } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { booleanOption, choiceOption, dateOption, stringOption } from '../commands/options.ts';
import type { Reminder } from '../reminders/reminder.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { chainFields, entryWarnings } from './describe-entry.ts';
import { localToday } from './sync-chain.ts';
import { TRACKER_STATUSES, type TrackerEntry } from './tracker.ts';
import { addEntry } from './tracker-entries.ts';

/** The reply after an entry was added: its id, status, and the reminders it set up. */
export function addedReply(
  entry: TrackerEntry,
  chain: readonly Reminder[],
  zone: string,
  now: number,
): Reply {
  const follow = chain.length > 0 ? ' I set up these reminders:' : '';
  const warnings = entryWarnings(entry, localToday(now, zone));
  return reply({
    title: 'Added to your tracker',
    text: [
      `${entry.program} (id ${entry.id}) is now "${entry.status}".`,
      ...warnings,
      `Change it with /track update id:${entry.id} status:<status>.${follow}`,
    ].join(' '),
    fields: chainFields(chain, zone, entry),
    ids: [entry.id],
    ephemeral: true,
  });
}

/** `/track add program:<name or listing id> [status] [contacted] [rotation_start] [rotation_end] [hands_on]`. */
export const trackAddCommand = defineCommand({
  name: 'track add',
  description: 'Track an application: a program name or a listing id, its status and dates',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {
    program: stringOption({
      description: 'Program name, or a listing id from /opportunity',
      example: 'Mercy Hospital IM externship',
      required: true as const,
      maxLength: 120,
    }),
    status: choiceOption({
      description: 'Where it stands (default: interested)',
      example: 'applied',
      choices: TRACKER_STATUSES,
    }),
    contacted: dateOption({
      description: 'When you applied or last wrote to them, YYYY-MM-DD',
      example: '2027-01-10',
    }),
    rotation_start: dateOption({
      description: 'First day of the rotation, YYYY-MM-DD',
      example: '2027-03-01',
    }),
    rotation_end: dateOption({ description: 'Last day of the rotation, YYYY-MM-DD', example: '2027-03-28' }),
    hands_on: booleanOption({ description: 'Hands-on (yes) or observational (no)', example: 'yes' }),
  },
  examples: [
    '/track add program:"Mercy Hospital IM externship" status:applied contacted:2027-01-10',
    '/track add program:"St. Luke’s cardiology" status:accepted rotation_start:2027-03-01 rotation_end:2027-03-28 hands_on:yes',
  ],
  async handler(input, ctx): Promise<Reply> {
    const res = await addEntry(ctx.deps, {
      ...callerOf(ctx),
      program: input.program,
      fields: {
        status: input.status,
        contacted: input.contacted,
        rotationStart: input.rotation_start,
        rotationEnd: input.rotation_end,
        handsOn: input.hands_on,
      },
    });
    if (!res.ok) return failureReply(res);
    return addedReply(res.value.entry, res.value.chain, ctx.zone, ctx.now);
  },
});

/** The "Track this" button on a listing (payload: the listing id). */
export const trackerAddListingAction: ActionDef = {
  id: 'tracker.add-listing',
  permission: 'member',
  personal: true,
  async handler(payload, ctx): Promise<Reply> {
    const id = payload.trim();
    const listing = /^[A-Za-z0-9_-]{1,64}$/.test(id)
      ? await ctx.deps.listingLookup.getDeadlineInfo(id)
      : undefined;
    if (!listing)
      return errorReply(
        'LISTING.NOT_FOUND',
        `There is no listing with id ${id}. Find listings with /opportunity.`,
      );
    const res = await addEntry(ctx.deps, { ...callerOf(ctx), program: listing.id, fields: {} });
    if (!res.ok) return failureReply(res);
    return addedReply(res.value.entry, res.value.chain, ctx.zone, ctx.now);
  },
};
