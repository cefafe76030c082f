import { DateTime, IANAZone } from 'luxon';
import type { Listing, ListingStatus } from './listing.ts';

// why: listings use a handful of zones; checking one costs an Intl object, so answers are kept
const zoneChecks = new Map<string, boolean>();
// why: 4,096 distinct (date, zone) pairs is more than a year of deadlines in several zones
const MAX_CACHED = 4096;
const instants = new Map<string, number | null>();

/** True for an IANA zone name luxon can use (`America/New_York`); remembered per name. */
export function isZone(zone: string): boolean {
  let known = zoneChecks.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (zoneChecks.size >= MAX_CACHED) zoneChecks.clear();
    zoneChecks.set(zone, known);
  }
  return known;
}

/**
 * The instant a date-only deadline closes: 23:59 of that day in the listing's
 * zone (architecture rule 5), as UTC ms. Null for rolling admission.
 */
export function deadlineInstant(deadline: string | null, zone: string): number | null {
  if (deadline === null) return null;
  const key = `${deadline} ${zone}`;
  const cached = instants.get(key);
  if (cached !== undefined) return cached;
  const day = DateTime.fromISO(deadline, { zone });
  const at = day.isValid ? day.set({ hour: 23, minute: 59, second: 0, millisecond: 0 }).toMillis() : null;
  if (instants.size >= MAX_CACHED) instants.clear();
  instants.set(key, at);
  return at;
}

/** True when the deadline instant has been reached (applications are closed). */
export function deadlinePassed(listing: Pick<Listing, 'deadlineAt'>, now: number): boolean {
  return listing.deadlineAt !== null && listing.deadlineAt <= now;
}

/**
 * The status members see: a published listing whose deadline has passed is
 * expired even before the sweep has rewritten it.
 */
export function effectiveStatus(listing: Pick<Listing, 'status' | 'deadlineAt'>, now: number): ListingStatus {
  return listing.status === 'published' && deadlinePassed(listing, now) ? 'expired' : listing.status;
}

/** `Mon 15 Mar 2027` in a zone. */
export function formatDay(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).toFormat('ccc d LLL yyyy');
}

/** `Mon 15 Mar 2027, 23:59 EDT` for an instant in a zone. */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** "in 3 days", "today", "tomorrow" for a deadline, from the member's point of view. */
export function deadlineDistance(deadlineAt: number, now: number): string {
  const days = Math.floor((deadlineAt - now) / 86_400_000); // why: ms per day
  if (deadlineAt <= now) return 'closed';
  if (days === 0) return 'closes today';
  if (days === 1) return 'closes tomorrow';
  return `in ${days} days`;
}
