import { z } from 'zod';
import { isZone } from './listing-time.ts';
import { isSpecialtyId } from './specialties.ts';
import { isStateCode } from './us-states.ts';

/**
 * The listing model. A listing is validated at the edge (options,
 * import rows) into a {@link ListingDraft}; the store keeps a {@link Listing}:
 * the draft plus status, provenance and the computed deadline instant.
 */

/** Kinds of opportunity (docs/domain.md, "Kinds of opportunity"). */
export const LISTING_TYPES = [
  'observership',
  'externship',
  'clerkship',
  'sub-internship',
  'research',
  'volunteer',
  'clinical-assistant',
] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

/** Where the experience happens (docs/domain.md, "Settings"), plus a catch-all. */
export const LISTING_SETTINGS = [
  'academic',
  'community-hospital',
  'private-practice',
  'fqhc',
  'free-clinic',
  'rural-clinic',
  'other',
] as const;
export type ListingSetting = (typeof LISTING_SETTINGS)[number];

/** Where a listing is in its life: waiting for review, live, taken down, past its deadline. */
export const LISTING_STATUSES = ['pending', 'published', 'withdrawn', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Field limits, chosen so a listing fits every platform (Discord embed field 1,024, title 256). */
export const LIMITS = {
  title: 150,
  institution: 150,
  city: 80,
  description: 2000,
  feeCovers: 300,
  otherRequirements: 500,
  contact: 200,
  /** why: a listing tagged with more than 6 specialties is usually tag spam */
  specialties: 6,
  /** why: the domain's longest programs are 6-12 months; a year is a generous ceiling */
  weeks: 52,
  /** why: no genuine clinical rotation costs more than this; bigger numbers are typos */
  feeUsd: 50_000,
} as const;

/** Listing ids: short, URL-safe, stable; the same alphabet as `idOption`. */
export const LISTING_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The content of a listing: what /post, /suggest and import give. */
export const listingDraftSchema = z.object({
  id: z.string().regex(LISTING_ID).optional(),
  title: z.string().min(1).max(LIMITS.title),
  type: z.enum(LISTING_TYPES),
  handsOn: z.boolean(),
  specialties: z.array(z.string().refine(isSpecialtyId)).min(1).max(LIMITS.specialties),
  institution: z.string().min(1).max(LIMITS.institution),
  city: z.string().min(1).max(LIMITS.city),
  /** Two-letter USPS code for U.S. listings; empty elsewhere. */
  state: z.string().refine((s) => s === '' || isStateCode(s)),
  /** ISO 3166 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/),
  setting: z.enum(LISTING_SETTINGS),
  /** Length in weeks, `min === max` for a fixed length; null when not stated. */
  durationWeeks: z
    .object({ min: z.number().int().min(1), max: z.number().int().max(LIMITS.weeks) })
    .refine((d) => d.min <= d.max)
    .nullable(),
  /** Whole US dollars; 0 means free, null means the listing does not say (never shown as free). */
  feeUsd: z.number().int().min(0).max(LIMITS.feeUsd).nullable(),
  /** What the fee pays for (administration, malpractice cover, EMR access...). */
  feeCovers: z.string().max(LIMITS.feeCovers),
  /** Each exam requirement is yes (true), no (false) or not stated (null): unknown is not no. */
  requirements: z.object({
    step1: z.boolean().nullable(),
    step2ck: z.boolean().nullable(),
    ecfmg: z.boolean().nullable(),
    /** Anything else (malpractice cover, immunisations, visa...), free text. */
    other: z.string().max(LIMITS.otherRequirements),
  }),
  /** A letter of recommendation: possible (true), not offered (false) or not stated (null). */
  lorPossible: z.boolean().nullable(),
  /** Application deadline `YYYY-MM-DD`, or null for rolling admission. */
  deadline: isoDate.nullable(),
  startDate: isoDate.nullable(),
  /** IANA zone the deadline date is read in (its end, 23:59, closes applications). */
  timezone: z.string().refine(isZone),
  /**
   * Email address, http(s) URL (a bare domain is stored with `https://`) or
   * phone number; empty when unknown (that alone flags the listing).
   */
  contact: z.string().max(LIMITS.contact),
  description: z.string().max(LIMITS.description),
});
export type ListingDraft = z.infer<typeof listingDraftSchema>;

/** A moderator decision on a listing. */
export const listingDecisionSchema = z.object({
  by: z.string(),
  at: z.number(),
  reason: z.string().optional(),
});

/** A stored listing: the content plus status and provenance. */
export const listingSchema = listingDraftSchema.extend({
  id: z.string().regex(LISTING_ID),
  status: z.enum(LISTING_STATUSES),
  /** Deadline instant (UTC ms, 23:59 of the deadline date in `timezone`); null when rolling. */
  deadlineAt: z.number().nullable(),
  /** Platform-scoped id of whoever posted, suggested or imported it (`cli:import` for files). */
  postedBy: z.string(),
  postedAt: z.number(),
  /** Community it was posted in (audit entries go there). */
  postedIn: z.string(),
  updatedAt: z.number(),
  verifiedAt: z.number().nullable(),
  /** Scam/quality rules that fired on the current content (see moderation/listing-flags.ts). */
  flags: z.array(z.string()),
  /** Flags a moderator has seen and accepted by approving the listing. */
  approvedFlags: z.array(z.string()),
  /** How it entered the store. */
  source: z.enum(['post', 'suggest', 'import']),
  review: listingDecisionSchema.optional(),
  withdrawn: listingDecisionSchema.optional(),
  /**
   * For a listing first stored by an import row without an id: the key of
   * what identified it (type, title, institution, city, state), so the same
   * row imported again finds it and a different one never takes its id.
   */
  importKey: z.string().optional(),
  /** Revision, bumped on every save (optimistic concurrency). */
  rev: z.number().int().min(1),
});
export type Listing = z.infer<typeof listingSchema>;

/** Labels for replies. */
export const TYPE_LABELS: Record<ListingType, { one: string; many: string }> = {
  observership: { one: 'Observership', many: 'Observerships' },
  externship: { one: 'Externship', many: 'Externships' },
  clerkship: { one: 'Clerkship', many: 'Clerkships' },
  'sub-internship': { one: 'Sub-internship', many: 'Sub-internships' },
  research: { one: 'Research position', many: 'Research positions' },
  volunteer: { one: 'Volunteer role', many: 'Volunteer roles' },
  'clinical-assistant': { one: 'Clinical assistant role', many: 'Clinical assistant roles' },
};

/** Labels of settings for replies. */
export const SETTING_LABELS: Record<ListingSetting, string> = {
  academic: 'Academic centre',
  'community-hospital': 'Community hospital',
  'private-practice': 'Private practice',
  fqhc: 'FQHC',
  'free-clinic': 'Free clinic',
  'rural-clinic': 'Rural clinic',
  other: 'Other',
};
