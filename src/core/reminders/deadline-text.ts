import { DateTime } from 'luxon';
import type { ListingDeadlineInfo } from '../ports/listing-events.port.ts';
import { formatLocal } from '../time/parse-when.ts';

/** A zone as people say it: `America/New_York` -> "New York time", `UTC` -> "UTC". */
export function zoneTimeLabel(zone: string): string {
  if (!zone.includes('/')) return zone;
  const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
  return `${city} time`;
}

/**
 * A listing's deadline as the listing states it: its own date, read in its own
 * zone, "Fri 15 Oct 2027 (end of day, New York time)". The date alone is what
 * the program published; converting it to the member's zone would show another
 * day for half the world. Rolling listings say so; a listing that does not
 * carry its date falls back to the instant in `fallbackZone`.
 */
export function listingDeadlineText(
  listing: Pick<ListingDeadlineInfo, 'deadlineAt' | 'deadline' | 'timezone'>,
  fallbackZone: string,
): string {
  if (listing.deadlineAt === null) return 'rolling (no deadline)';
  if (listing.deadline && listing.timezone) {
    const day = DateTime.fromISO(listing.deadline, { zone: listing.timezone }).setLocale('en-US');
    if (day.isValid)
      return `${day.toFormat('ccc d LLL yyyy')} (end of day, ${zoneTimeLabel(listing.timezone)})`;
  }
  return formatLocal(listing.deadlineAt, fallbackZone);
}
