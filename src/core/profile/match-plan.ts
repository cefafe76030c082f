import type { DateTime } from 'luxon';
import { type MatchCycle, type PlanDate, readPlanDate, shift } from './match-cycle.ts';

/**
 * A member's Match timeline, built back from the season's dates with the
 * timing rules IMG advisers give:
 * - start looking for rotations 12-18 months before the season;
 * - finish the most important rotations 6-12 months before applying, so the
 *   experience and the letters are recent;
 * - "recent" clinical experience means within 1-2 years at application time;
 * - ask for a letter 2-4 weeks before a rotation ends.
 * "Applying" is when programs start receiving applications.
 */
export type MilestoneId =
  | 'start-searching'
  | 'finish-rotations'
  | 'ask-letters'
  | 'recent-window'
  | 'application-opens'
  | 'programs-receive'
  | 'match-day';

export interface Milestone {
  readonly id: MilestoneId;
  readonly label: string;
  /** The window's start (absent for a single date). */
  readonly from?: PlanDate;
  /** The date, or the window's end (the latest comfortable time). */
  readonly by: PlanDate;
  /** Why this date, in one line. */
  readonly why: string;
  /** Something the member does (gets a reminder), as opposed to a fact to know. */
  readonly actionable: boolean;
}

export type MilestoneState = 'done' | 'now' | 'upcoming' | 'late';

/** The season's milestones in date order. */
export function buildMatchPlan(cycle: MatchCycle, zone: string): Milestone[] {
  const receive = readPlanDate(cycle.programsReceive, zone);
  return [
    {
      id: 'recent-window',
      label: 'Experience that still counts as recent',
      from: shift(receive, { months: -24 }),
      by: shift(receive, { months: -12 }),
      why: 'Programs count clinical experience from the last 1-2 years at application time: after the later date it is recent everywhere, after the earlier one at many programs.',
      actionable: false,
    },
    {
      id: 'start-searching',
      label: 'Search and apply for rotations',
      from: shift(receive, { months: -18 }),
      by: shift(receive, { months: -12 }),
      why: 'Start 12-18 months before the season: sites take months to answer and places fill early.',
      actionable: true,
    },
    {
      id: 'finish-rotations',
      label: 'Finish your most important rotations',
      from: shift(receive, { months: -12 }),
      by: shift(receive, { months: -6 }),
      why: 'Done 6-12 months before applying, the experience is recent and the letters can be written in time.',
      actionable: true,
    },
    {
      id: 'ask-letters',
      label: 'Have every letter of recommendation requested',
      by: shift(receive, { months: -6 }),
      why: 'Ask 2-4 weeks before each rotation ends, with your CV, a personal statement draft and a summary of your cases.',
      actionable: true,
    },
    {
      id: 'application-opens',
      label: 'Application season opens: start filling in your application',
      by: readPlanDate(cycle.applicationOpens, zone),
      why: 'The application system opens for applicants some months before programs receive applications.',
      actionable: true,
    },
    {
      id: 'programs-receive',
      label: 'Programs start receiving applications: submit early',
      by: receive,
      why: 'Applying early in the season counts; have letters and documents ready by then.',
      actionable: true,
    },
    {
      id: 'match-day',
      label: 'Match Day',
      by: readPlanDate(cycle.matchDay, zone),
      why: 'Results come out.',
      actionable: false,
    },
  ];
}

/** Where a milestone stands today: a passed action is "late" (if not done yet), a passed fact "done". */
export function milestoneState(m: Milestone, today: DateTime): MilestoneState {
  const end = m.by.precision === 'month' ? m.by.at.endOf('month') : m.by.at.endOf('day');
  if (end < today) return m.actionable ? 'late' : 'done';
  if (m.from && m.from.at <= today) return 'now';
  if (!m.from && m.by.at <= today) return 'now';
  return 'upcoming';
}

const REMINDER_HOUR = 9; // why: the hour deadline reminders use too

/**
 * When a milestone's reminder goes out, at 09:00 local: the start of its
 * window, or its latest date when the window has already begun; undefined
 * when both have passed (nothing to remind of).
 */
export function milestoneReminderAt(m: Milestone, now: DateTime): DateTime | undefined {
  for (const d of [m.from, m.by]) {
    const at = d?.at.set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (at && at > now) return at;
  }
  return undefined;
}
