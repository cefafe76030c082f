import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * One Match season's key dates, kept in `config/match-cycles.json` so a
 * moderator updates them each year from the official calendars. A date is
 * written `YYYY-MM-DD` when it is published, or `YYYY-MM` when only the month
 * is known: the plan then says "about <month>" rather than inventing a day.
 */
const planDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be YYYY-MM-DD, or YYYY-MM when only the month is known' })
  .refine((v) => DateTime.fromISO(v).isValid, { error: 'is not a real date' });

export const matchCycleSchema = z
  .object({
    /** The year of Match Day (the "Match 2028" season applies in 2027). */
    matchYear: z.number().int().min(2000).max(2100),
    /** When the application system opens for applicants to fill in (MyERAS). */
    applicationOpens: planDate,
    /** When programs start receiving applications: "applying" in the advice on timing. */
    programsReceive: planDate,
    /** Match Day, when results come out. */
    matchDay: planDate,
    /** Where the dates come from, shown to members so they can check. */
    source: z.string().min(3).max(300),
  })
  .strict();

export type MatchCycle = z.infer<typeof matchCycleSchema>;

/** A date with the precision it was known to. */
export interface PlanDate {
  /** Start of that day (or of the month, for month precision), in the member's zone. */
  readonly at: DateTime;
  readonly precision: 'day' | 'month';
}

/** Reads a cycle date in `zone`. */
export function readPlanDate(text: string, zone: string): PlanDate {
  const precision = text.length === 7 ? 'month' : 'day';
  return { at: DateTime.fromISO(text, { zone }).startOf(precision === 'month' ? 'month' : 'day'), precision };
}

/** Moves a plan date by whole months/weeks, keeping its precision. */
export function shift(d: PlanDate, by: { months?: number; weeks?: number }): PlanDate {
  return { at: d.at.plus(by).startOf(d.precision === 'month' ? 'month' : 'day'), precision: d.precision };
}

/** "Tue 15 Sep 2026", or "about September 2026" for a month-precision date. */
export function formatPlanDate(d: PlanDate): string {
  const en = d.at.setLocale('en-US');
  return d.precision === 'month' ? `about ${en.toFormat('LLLL yyyy')}` : en.toFormat('ccc d LLL yyyy');
}
