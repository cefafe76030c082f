import { z } from 'zod';
import { matchCycleSchema } from './profile/match-cycle.ts';

/**
 * Community-independent defaults the core uses, read from
 * `config/settings.json` and validated at start-up.
 */
export const coreSettingsSchema = z.object({
  /** Zone for members who have not set one. */
  defaultTimezone: z.string().default('America/New_York'),
  /** Zone of a listing whose deadline is a bare date (architecture rule 5). */
  listingTimezone: z.string().default('America/New_York'),
  /** Search results per page. */
  pageSize: z.number().int().min(1).max(10).default(5),
  /** Member suggestions allowed per member per day. */
  suggestionsPerDay: z.number().int().min(1).max(50).default(3),
  /** Days before a deadline that deadline reminders go out, unless a community overrides them. */
  deadlineOffsetsDays: z.array(z.number().int().min(0).max(90)).min(1).max(6).default([14, 7, 1]),
  /** Local hour at which deadline reminders are delivered. */
  deadlineReminderHour: z.number().int().min(0).max(23).default(9),
  /** Days of silence before the tracker suggests a follow-up (a program silent for 2-3 weeks gets a polite nudge). */
  followUpDays: z.number().int().min(14).max(21).default(14),
  /** Each Match season's key dates (`config/match-cycles.json`), for `/plan`. */
  matchCycles: z.array(matchCycleSchema).default([]),
});

export type CoreSettings = z.infer<typeof coreSettingsSchema>;

/** Defaults, for tests and for a missing settings file. */
export const defaultCoreSettings: CoreSettings = coreSettingsSchema.parse({});
