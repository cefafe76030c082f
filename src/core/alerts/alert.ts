import { z } from 'zod';
import type { Listing } from '../opportunities/listing.ts';
import { cityKey } from '../opportunities/listing-text.ts';
import { describeFilters, kindLabel, searchFiltersSchema } from '../opportunities/search-query.ts';
import { placeCities, resolvePlace } from '../opportunities/us-places.ts';

/**
 * A member alert: the filters of a search, kept so that every new listing
 * published in the member's community that matches them is sent to the member
 * by direct message. The filters are the search commands' own (normalised
 * specialty id, state code, city as typed), without the free-text query and
 * the deadline bound, which only make sense for a search run now.
 */
export const alertFiltersSchema = searchFiltersSchema.omit({ command: true, deadlineBefore: true, q: true });
/** The filters of an alert, normalised as the search commands normalise them. */
export type AlertFilters = z.infer<typeof alertFiltersSchema>;

/** One stored alert. */
export const alertSchema = z.object({
  /** Short id (`a` + letters and digits), shown by /alerts and taken by /alert remove. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Platform-scoped member id. */
  userId: z.string(),
  /** The community it was made in; only listings published there are matched. */
  communityId: z.string(),
  filters: alertFiltersSchema,
  createdAt: z.number(),
});
/** A member alert as stored and listed. */
export type Alert = z.infer<typeof alertSchema>;

/** why: ten covers a member's specialties x states of interest; more is a search habit, not an alert. */
export const MAX_ALERTS_PER_MEMBER = 10;

/** True when the alert narrows nothing (it would match every listing). */
export function isEmptyFilter(f: AlertFilters): boolean {
  return (
    f.type === undefined &&
    f.specialty === undefined &&
    f.state === undefined &&
    f.city === undefined &&
    f.handsOn === undefined &&
    f.maxFee === undefined &&
    !f.free &&
    !f.noUsmle &&
    !f.noEcfmg &&
    !f.lor
  );
}

/** A stable text form of the filters: two alerts with the same signature are the same alert. */
export function filterSignature(f: AlertFilters): string {
  const city = f.city === undefined ? undefined : cityKey(f.city);
  return JSON.stringify([
    f.type,
    f.specialty,
    f.state,
    city,
    f.handsOn,
    f.maxFee,
    f.free ?? false,
    f.noUsmle ?? false,
    f.noEcfmg ?? false,
    f.lor ?? false,
  ]);
}

/** A named place (New York City, the NYC area) takes any of its cities in their states; else the city itself. */
function inCity(city: string, l: Listing): boolean {
  const place = resolvePlace(city);
  if (!place) return cityKey(l.city) === cityKey(city);
  const key = cityKey(l.city);
  return placeCities(place).some((c) => c.city === key && c.state === l.state);
}

/**
 * Does a listing match an alert? The same rules as the search indexes
 * (src/store/listings/listing-index.ts): `free` is a stated fee of 0, `no_usmle`
 * Step 1 and Step 2 CK both stated as not required, the city compared folded.
 */
export function alertMatches(f: AlertFilters, l: Listing): boolean {
  if (f.type !== undefined && l.type !== f.type) return false;
  if (f.specialty !== undefined && !l.specialties.includes(f.specialty)) return false;
  if (f.state !== undefined && l.state !== f.state) return false;
  if (f.city !== undefined && !inCity(f.city, l)) return false;
  if (f.handsOn !== undefined && l.handsOn !== f.handsOn) return false;
  // Unknown is not no: a fee, exam or letter the listing does not state never matches these filters.
  if (f.maxFee !== undefined && (l.feeUsd === null || l.feeUsd > f.maxFee)) return false;
  if (f.free && l.feeUsd !== 0) return false;
  if (f.noUsmle && !(l.requirements.step1 === false && l.requirements.step2ck === false)) return false;
  if (f.noEcfmg && l.requirements.ecfmg !== false) return false;
  if (f.lor && l.lorPossible !== true) return false;
  return true;
}

/** `Externships: cardiology · NY · hands-on`, as /alerts and the alert DM name an alert. */
export function describeAlert(f: AlertFilters): string {
  const search = { command: 'alert', ...f };
  const described = describeFilters(search);
  return described ? `${kindLabel(search)}: ${described}` : kindLabel(search);
}
