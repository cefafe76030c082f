import type { ActionDef, CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import { flagLabel } from '../moderation/listing-flags.ts';
import { assessFit, fitText } from '../profile/eligibility.ts';
import { hasProfile } from '../profile/profile.ts';
import { readProfile } from '../profile/update-profile.ts';
import { type Reply, type ReplyAction, type ReplyField, reply } from '../reply.ts';
import type { Listing } from './listing.ts';
import {
  deadlineText,
  durationText,
  feeValue,
  kindText,
  letterText,
  placeText,
  requirementsText,
  specialtiesText,
} from './listing-format.ts';
import { effectiveStatus, formatDay, formatInstant } from './listing-time.ts';
import { listingNotFound } from './save-listing.ts';
import { VIEW_ACTION } from './search-reply.ts';

/** Action ids other issues implement; this side only emits the buttons. */
export const DEADLINE_SUBSCRIBE_ACTION = 'deadline.subscribe';
export const TRACKER_ADD_ACTION = 'tracker.add-listing';
export const REPORT_ACTION = 'listing.report';

/** A listing not found, worded the same wherever an id is looked up. */
export function notFoundReply(id: string): Reply {
  return failureReply(listingNotFound(id));
}

/** Who may see a listing that is not published: moderators and whoever suggested it. */
export function canSee(l: Listing, ctx: CommandContext): boolean {
  return l.status !== 'pending' || ctx.isModerator || l.postedBy === ctx.actor.userId;
}

function fields(l: Listing, ctx: CommandContext): ReplyField[] {
  const zone = ctx.zone;
  const out: ReplyField[] = [
    { name: 'Type', value: kindText(l), inline: true },
    { name: 'Specialties', value: specialtiesText(l), inline: true },
    { name: 'Where', value: `${l.institution}, ${placeText(l)}` },
    { name: 'Duration', value: durationText(l), inline: true },
    {
      name: 'Fee',
      value: l.feeCovers ? `${feeValue(l)} (covers: ${l.feeCovers})` : feeValue(l),
      inline: true,
    },
    { name: 'Requirements', value: requirementsText(l) },
    { name: 'Letter of recommendation', value: letterText(l), inline: true },
    { name: 'Deadline', value: deadlineText(l, ctx.now), inline: true },
    {
      name: 'Start',
      value: l.startDate ? formatDay(l.startDate, l.timezone) : 'flexible / not stated',
      inline: true,
    },
    { name: 'Contact', value: l.contact || 'not given' },
    {
      name: 'Last verified',
      value: l.verifiedAt === null ? 'not yet verified by a moderator' : formatInstant(l.verifiedAt, zone),
      inline: true,
    },
  ];
  const status = effectiveStatus(l, ctx.now);
  if (status !== 'published') {
    const why = l.withdrawn?.reason ?? l.review?.reason;
    out.push({ name: 'Status', value: why ? `${status}: ${why}` : status });
  }
  if (ctx.isModerator) {
    out.push({
      name: 'Posted',
      value: `by ${l.postedBy} (${l.source}) on ${formatInstant(l.postedAt, zone)}`,
    });
    if (l.flags.length > 0) {
      const labels = l.flags.map(flagLabel);
      out.push({ name: 'Flags', value: labels.join('; ') });
    }
  }
  return out;
}

function actions(l: Listing, ctx: CommandContext): ReplyAction[] {
  const status = effectiveStatus(l, ctx.now);
  const out: ReplyAction[] = [];
  if (status === 'published') {
    if (l.deadlineAt !== null) {
      out.push({
        action: DEADLINE_SUBSCRIBE_ACTION,
        label: 'Remind me of the deadline',
        payload: l.id,
        style: 'primary',
      });
    }
    out.push({ action: TRACKER_ADD_ACTION, label: 'Track my application', payload: l.id });
  }
  if (status === 'published' || status === 'expired') {
    out.push({ action: REPORT_ACTION, label: 'Report a problem', payload: l.id, style: 'danger' });
  }
  return out;
}

/** The full listing with its buttons. */
export async function showListing(id: string, ctx: CommandContext): Promise<Reply> {
  const l = await ctx.deps.listings.get(id);
  if (!l || !canSee(l, ctx)) return notFoundReply(id);
  const profile = await readProfile(ctx.deps, ctx.actor.userId);
  const forYou: ReplyField[] = hasProfile(profile)
    ? [{ name: 'For you', value: fitText(assessFit(profile, l)) }]
    : [];
  return reply({
    title: l.title,
    text: l.description || '(no description)',
    fields: [...fields(l, ctx), ...forYou],
    actions: actions(l, ctx),
    ids: [l.id],
    footer: `id: ${l.id}`,
  });
}

/** `/opportunity id:<id>`. */
export const opportunityCommand = defineCommand({
  name: 'opportunity',
  description: 'Show one listing in full, with deadline reminder, tracking and report buttons',
  group: 'opportunities',
  permission: 'member',
  options: {
    id: idOption({
      description: 'The listing id (type part of a title to search)',
      example: 'obs-cardio-ny-01',
      required: true,
      autocomplete: 'listing-id',
    }),
  },
  examples: ['/opportunity id:obs-cardio-ny-01'],
  bareWords: { kind: 'rest', option: 'id' },
  handler: (input, ctx) => showListing(input.id, ctx),
});

/** The "Details" buttons of search results. */
export const viewListingAction: ActionDef = {
  id: VIEW_ACTION,
  permission: 'member',
  handler: (payload, ctx) => showListing(payload, ctx),
};

/** The "Report a problem" button: asks for the reason as a command (buttons carry no text). */
export const reportListingAction: ActionDef = {
  id: REPORT_ACTION,
  permission: 'member',
  async handler(payload, ctx) {
    const l = await ctx.deps.listings.get(payload);
    if (!l) return notFoundReply(payload);
    return reply({
      title: `Report a problem with “${l.title}”`,
      text: `Tell the moderators what is wrong (dead link, closed program, wrong fee...): /report id:${l.id} reason:<what is wrong>`,
      ephemeral: true,
    });
  },
};
