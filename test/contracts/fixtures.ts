import type { Alert } from '../../src/core/alerts/alert.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { makeListing } from '../../src/core/opportunities/listing-record.ts';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import type { TrackerEntry } from '../../src/core/tracker/tracker.ts';
import { draftFrom } from '../helpers/listing-drafts.ts';

/** why: 2027-03-01 12:00 UTC, a fixed instant; records in these suites are dated around it */
export const AT = Date.UTC(2027, 2, 1, 12);
const HOUR = 3_600_000;

/** A pending custom reminder of `userId`, due `hours` after {@link AT}. */
export function reminder(id: string, userId: string, hours: number, over: Partial<Reminder> = {}): Reminder {
  return {
    id,
    userId,
    communityId: 'shell:local',
    kind: 'custom',
    text: `reminder ${id}`,
    status: 'pending',
    dueAt: AT + hours * HOUR,
    fireAt: AT + hours * HOUR,
    createdAt: AT,
    ...over,
  };
}

/** A tracker entry of `userId`, created `minutes` after {@link AT}. */
export function entry(
  id: string,
  userId: string,
  minutes: number,
  over: Partial<TrackerEntry> = {},
): TrackerEntry {
  const at = AT + minutes * 60_000;
  return {
    id,
    userId,
    program: `Program ${id}`,
    status: 'interested',
    notes: [],
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    ...over,
  };
}

/** An alert of `userId` in `communityId`, created `minutes` after {@link AT}. */
export function alert(
  id: string,
  userId: string,
  filters: Alert['filters'],
  minutes = 0,
  communityId = 'shell:local',
): Alert {
  return { id, userId, communityId, filters, createdAt: AT + minutes * 60_000 };
}

/** A clean published listing (the fixture observership) under `id`, posted `minutes` after {@link AT}. */
export function listing(id: string, minutes = 0, over: Partial<Listing> = {}): Listing {
  const made = makeListing(draftFrom({ id }), {
    id,
    status: 'published',
    source: 'import',
    postedBy: 'cli:import',
    postedIn: 'shell:local',
    now: AT + minutes * 60_000,
  });
  return { ...made, ...over };
}
