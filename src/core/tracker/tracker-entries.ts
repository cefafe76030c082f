import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { ReminderDeps } from '../reminders/place-reminder.ts';
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

/** What the tracker use cases need: the entries, the listings' titles and the reminders of each entry's chain. */
export type TrackerDeps = ReminderDeps & Pick<CoreDeps, 'tracker' | 'listingLookup'>;

/** A request about one of the caller's entries. */
export interface EntryRequest extends Caller {
  readonly id: string;
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
  deps: TrackerDeps,
  req: Caller & { readonly program: string; readonly fields: EntryFields },
): Promise<Result<{ entry: TrackerEntry; chain: Reminder[] }>> {
  const { program, fields, at: now } = req;
  const userId = req.by.userId;
  const existing = await deps.tracker.list(userId);
  if (existing.length >= MAX_ENTRIES_PER_MEMBER) {
    return fail(
      'TRACKER.TOO_MANY',
      `Your tracker is full (${MAX_ENTRIES_PER_MEMBER} entries). Remove old ones with /track remove id:<id>.`,
    );
  }
  const listing = LISTING_ID.test(program) ? await deps.listingLookup.getDeadlineInfo(program) : undefined;
  if (listing) {
    const dup = existing.find((e) => e.listingId === listing.id);
    if (dup)
      return fail(
        'TRACKER.DUPLICATE',
        `"${listing.title}" is already in your tracker (id ${dup.id}). Update it with /track update id:${dup.id} status:applied.`,
      );
  }
  const today = localToday(now, req.zone);
  const blank: TrackerEntry = {
    id: deps.tracker.newId(),
    userId,
    program: listing?.title ?? program,
    ...(listing ? { listingId: listing.id } : {}),
    status: 'interested',
    notes: [],
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
  };
  const status = fields.status ?? (fields.contacted ? 'contacted' : 'interested');
  const entry = applyFields(blank, { ...fields, status }, now, today);
  const dates = checkDates(entry, today);
  if (!dates.ok) return dates;
  await deps.tracker.save(entry);
  return ok({ entry, chain: await syncChain(deps, entry, req.by.communityId) });
}

/** The member's own entry, or `TRACKER.NOT_FOUND`. */
export async function ownEntry(
  deps: Pick<CoreDeps, 'tracker'>,
  userId: string,
  id: string,
): Promise<Result<TrackerEntry>> {
  const entry = await deps.tracker.get(userId, id);
  return entry
    ? ok(entry)
    : fail('TRACKER.NOT_FOUND', `You have no tracker entry with id ${id}. /track list shows yours.`);
}

/** Updates an entry; any status change re-plans the chain (cancelling steps it makes moot). */
export async function updateEntry(
  deps: TrackerDeps,
  req: EntryRequest & { readonly fields: EntryFields },
): Promise<Result<{ entry: TrackerEntry; before: TrackerEntry; chain: Reminder[] }>> {
  const found = await ownEntry(deps, req.by.userId, req.id);
  if (!found.ok) return found;
  const today = localToday(req.at, req.zone);
  const entry = applyFields(found.value, req.fields, req.at, today);
  const dates = checkDates(entry, today);
  if (!dates.ok) return dates;
  await deps.tracker.save(entry);
  return ok({ entry, before: found.value, chain: await syncChain(deps, entry, req.by.communityId) });
}

/** Adds a note (the oldest is dropped past the cap). */
export async function addNote(
  deps: Pick<CoreDeps, 'tracker'>,
  req: EntryRequest & { readonly text: string },
): Promise<Result<TrackerEntry>> {
  const found = await ownEntry(deps, req.by.userId, req.id);
  if (!found.ok) return found;
  const notes = [...found.value.notes, { at: req.at, text: req.text }].slice(-MAX_NOTES_PER_ENTRY);
  const entry = { ...found.value, notes, updatedAt: req.at };
  await deps.tracker.save(entry);
  return ok(entry);
}

/** Removes an entry and cancels its chain. */
export async function removeEntry(
  deps: ReminderDeps & Pick<CoreDeps, 'tracker'>,
  req: Pick<EntryRequest, 'by' | 'id'>,
): Promise<Result<TrackerEntry>> {
  const found = await ownEntry(deps, req.by.userId, req.id);
  if (!found.ok) return found;
  await dropChain(deps, req.by.userId, req.id);
  await deps.tracker.remove(req.by.userId, req.id);
  return ok(found.value);
}

/** The pending chain reminders of each entry of a member, by entry id. */
export async function chainsByEntry(
  deps: Pick<CoreDeps, 'reminders'>,
  userId: string,
): Promise<Map<string, Reminder[]>> {
  const map = new Map<string, Reminder[]>();
  for (const r of await deps.reminders.store.listForUser(userId)) {
    if (!r.trackerId || r.status !== 'pending') continue;
    map.set(r.trackerId, [...(map.get(r.trackerId) ?? []), r]);
  }
  return map;
}
