import { DateTime } from 'luxon';
import type { TrackerEntry } from './tracker.ts';

/** The member's U.S. clinical experience, as programs ask about it. */
export interface UsceSummary {
  /** Rotations that have started (accepted, rotating or completed, with both dates). */
  readonly rotations: number;
  readonly totalWeeks: number;
  readonly handsOnWeeks: number;
  readonly observationalWeeks: number;
  /** Weeks of rotations whose kind the member has not stated. */
  readonly unspecifiedWeeks: number;
  /** Rotations that ended (or are ongoing) within the last 12 / 24 months: "recent" USCE. */
  readonly within12Months: number;
  readonly within24Months: number;
  /** Accepted rotations that start later. */
  readonly planned: number;
}

const COUNTED = new Set(['accepted', 'rotating', 'completed']);

/** Length in weeks, both dates inclusive, to one decimal. */
export function rotationWeeks(start: string, end: string): number {
  const days = DateTime.fromISO(end).diff(DateTime.fromISO(start), 'days').days + 1;
  return Math.max(0, Math.round((days / 7) * 10) / 10);
}

/** Summarises tracked rotations relative to `today` (the member's local date, `YYYY-MM-DD`). */
export function summariseUsce(entries: readonly TrackerEntry[], today: string): UsceSummary {
  const now = DateTime.fromISO(today);
  const cut12 = now.minus({ months: 12 }).toISODate()!;
  const cut24 = now.minus({ months: 24 }).toISODate()!;
  let rotations = 0;
  let planned = 0;
  let within12Months = 0;
  let within24Months = 0;
  const weeks = { handsOn: 0, observational: 0, unspecified: 0 };
  for (const e of entries) {
    if (!COUNTED.has(e.status) || !e.rotationStart || !e.rotationEnd) continue;
    if (e.rotationStart > today) {
      planned++;
      continue;
    }
    rotations++;
    const w = rotationWeeks(e.rotationStart, e.rotationEnd);
    if (e.handsOn === true) weeks.handsOn += w;
    else if (e.handsOn === false) weeks.observational += w;
    else weeks.unspecified += w;
    if (e.rotationEnd >= cut12) within12Months++;
    if (e.rotationEnd >= cut24) within24Months++;
  }
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    rotations,
    totalWeeks: round(weeks.handsOn + weeks.observational + weeks.unspecified),
    handsOnWeeks: round(weeks.handsOn),
    observationalWeeks: round(weeks.observational),
    unspecifiedWeeks: round(weeks.unspecified),
    within12Months,
    within24Months,
    planned,
  };
}
