import type { CommandContext } from '../commands/command.ts';
import type { Reminder } from '../reminders/reminder.ts';
import { fail, ok, type Result } from '../result.ts';
import { dropChain, localToday, syncChain } from './sync-chain.ts';
import {
  MAX_ENTRIES_PER_MEMBER,
  MAX_NOTES_PER_ENTRY,
  type TrackerEntry,
  type TrackerStatus,
} from './tracker.ts';

/** The fields a member can set on an entry. */
export interface EntryFields {
  readonly status?: TrackerStatus;
  readonly contacted?: string;
  readonly rotationStart?: string;
  readonly rotationEnd?: string;
  readonly handsOn?: boolean;
}

const LISTING_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkDates(
  e: Pick<TrackerEntry, 'contactedOn' | 'rotationStart' | 'rotationEnd'>,
  today: string,
): Result<true> {
  if (e.rotationStart && e.rotationEnd && e.rotationEnd < e.rotationStart) {
    return fail(
      'TRACKER.DATES',
      `The rotation ends (${e.rotationEnd}) before it starts (${e.rotationStart}). Example: rotation_start:2027-03-01 rotation_end:2027-03-28.`,
    );
  }
  if (e.contactedOn && e.contactedOn > today) {
    return fail(
      'TRACKER.CONTACT_FUTURE',
      `The contact date ${e.contactedOn} is in the future. Use the day you wrote, e.g. contacted:${today}.`,
    );
  }
  return ok(true);
}

/** Applies fields to an entry: a move to applied/contacted without a date counts as a contact today. */
function applyFields(entry: TrackerEntry, f: EntryFields, now: number, today: string): TrackerEntry {
  const statusChanged = f.status !== undefined && f.status !== entry.status;
  const contacting = statusChanged && (f.status === 'applied' || f.status === 'contacted');
  const contactedOn = f.contacted ?? (contacting ? today : entry.contactedOn);
  return {
    ...entry,
    status: f.status ?? entry.status,
    contactedOn,
    rotationStart: f.rotationStart ?? entry.rotationStart,
    rotationEnd: f.rotationEnd ?? entry.rotationEnd,
    handsOn: f.handsOn ?? entry.handsOn,
    updatedAt: now,
    statusChangedAt: statusChanged ? now : entry.statusChangedAt,
  };
}

/**
 * Adds an application to the member's tracker. `program` is a free name or a
 * listing id (then the listing's title is used and the entry links to it).
 * Starts the follow-up chain its status calls for.
 */
export async function addEntry(
  ctx: CommandContext,
  program: string,
  fields: EntryFields,
): Promise<Result<{ entry: TrackerEntry; chain: Reminder[] }>> {
  const userId = ctx.actor.userId;
  const existing = await ctx.deps.tracker.list(userId);
  if (existing.length >= MAX_ENTRIES_PER_MEMBER) {
    return fail(
      'TRACKER.TOO_MANY',
      `Your tracker is full (${MAX_ENTRIES_PER_MEMBER} entries). Remove old ones with /track remove id:<id>.`,
    );
  }
  const listing = LISTING_ID.test(program)
    ? await ctx.deps.listingLookup.getDeadlineInfo(program)
    : undefined;
  if (listing) {
    const dup = existing.find((e) => e.listingId === listing.id);
    if (dup)
      return fail(
        'TRACKER.DUPLICATE',
        `"${listing.title}" is already in your tracker (id ${dup.id}). Update it with /track update id:${dup.id} status:applied.`,
      );
  }
  const today = localToday(ctx.now, ctx.zone);
  const blank: TrackerEntry = {
    id: ctx.deps.tracker.newId(),
    userId,
    program: listing?.title ?? program,
    ...(listing ? { listingId: listing.id } : {}),
    status: 'interested',
    notes: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    statusChangedAt: ctx.now,
  };
  const status = fields.status ?? (fields.contacted ? 'contacted' : 'interested');
  const entry = applyFields(blank, { ...fields, status }, ctx.now, today);
  const dates = checkDates(entry, today);
  if (!dates.ok) return dates;
  await ctx.deps.tracker.save(entry);
  return ok({ entry, chain: await syncChain(ctx.deps, entry, ctx.actor.communityId) });
}

/** The member's own entry, or `TRACKER.NOT_FOUND`. */
export async function ownEntry(ctx: CommandContext, id: string): Promise<Result<TrackerEntry>> {
  const entry = await ctx.deps.tracker.get(ctx.actor.userId, id);
  return entry
    ? ok(entry)
    : fail('TRACKER.NOT_FOUND', `You have no tracker entry with id ${id}. /track list shows yours.`);
}

/** Updates an entry; any status change re-plans the chain (cancelling steps it makes moot). */
export async function updateEntry(
  ctx: CommandContext,
  id: string,
  fields: EntryFields,
): Promise<Result<{ entry: TrackerEntry; before: TrackerEntry; chain: Reminder[] }>> {
  const found = await ownEntry(ctx, id);
  if (!found.ok) return found;
  const today = localToday(ctx.now, ctx.zone);
  const entry = applyFields(found.value, fields, ctx.now, today);
  const dates = checkDates(entry, today);
  if (!dates.ok) return dates;
  await ctx.deps.tracker.save(entry);
  return ok({ entry, before: found.value, chain: await syncChain(ctx.deps, entry, ctx.actor.communityId) });
}

/** Adds a note (the oldest is dropped past the cap). */
export async function addNote(ctx: CommandContext, id: string, text: string): Promise<Result<TrackerEntry>> {
  const found = await ownEntry(ctx, id);
  if (!found.ok) return found;
  const notes = [...found.value.notes, { at: ctx.now, text }].slice(-MAX_NOTES_PER_ENTRY);
  const entry = { ...found.value, notes, updatedAt: ctx.now };
  await ctx.deps.tracker.save(entry);
  return ok(entry);
}

/** Removes an entry and cancels its chain. */
export async function removeEntry(ctx: CommandContext, id: string): Promise<Result<TrackerEntry>> {
  const found = await ownEntry(ctx, id);
  if (!found.ok) return found;
  await dropChain(ctx.deps, ctx.actor.userId, id);
  await ctx.deps.tracker.remove(ctx.actor.userId, id);
  return ok(found.value);
}

/** The pending chain reminders of each entry of a member, by entry id. */
export async function chainsByEntry(ctx: CommandContext): Promise<Map<string, Reminder[]>> {
  const map = new Map<string, Reminder[]>();
  for (const r of await ctx.deps.reminders.store.listForUser(ctx.actor.userId)) {
    if (!r.trackerId || r.status !== 'pending') continue;
    map.set(r.trackerId, [...(map.get(r.trackerId) ?? []), r]);
  }
  return map;
}
