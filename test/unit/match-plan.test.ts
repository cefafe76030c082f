import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatPlanDate, type MatchCycle } from '../../src/core/profile/match-cycle.ts';
import { buildMatchPlan, milestoneReminderAt, milestoneState } from '../../src/core/profile/match-plan.ts';

const ZONE = 'Asia/Karachi';
const CYCLE: MatchCycle = {
  matchYear: 2028,
  applicationOpens: '2027-06',
  programsReceive: '2027-09-24',
  matchDay: '2028-03-17',
  source: 'test calendar',
};
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const plan = buildMatchPlan(CYCLE, ZONE);
const byId = (id: string) => {
  const m = plan.find((x) => x.id === id);
  if (!m) throw new Error(`no milestone ${id}`);
  return m;
};

describe('the Match plan, built back from the season', () => {
  it('GIVEN programs receive applications on 24 Sep 2027 THEN the search window is 18 to 12 months before', () => {
    const m = byId('start-searching');
    expect(m.from && formatPlanDate(m.from)).toBe('Tue 24 Mar 2026');
    expect(formatPlanDate(m.by)).toBe('Thu 24 Sep 2026');
  });

  it('GIVEN the same season THEN key rotations finish 12 to 6 months before applying, letters asked by then', () => {
    const m = byId('finish-rotations');
    expect(m.from && formatPlanDate(m.from)).toBe('Thu 24 Sep 2026');
    expect(formatPlanDate(m.by)).toBe('Wed 24 Mar 2027');
    expect(formatPlanDate(byId('ask-letters').by)).toBe('Wed 24 Mar 2027');
  });

  it('GIVEN the same season THEN recent experience is what comes after 24 or 12 months before applying', () => {
    const m = byId('recent-window');
    expect(m.from && formatPlanDate(m.from)).toBe('Wed 24 Sep 2025');
    expect(formatPlanDate(m.by)).toBe('Thu 24 Sep 2026');
    expect(m.actionable).toBe(false);
  });

  it('GIVEN a date known only to the month THEN it reads "about <month>", never an invented day', () => {
    expect(formatPlanDate(byId('application-opens').by)).toBe('about June 2027');
  });

  it('GIVEN today inside the search window THEN searching is "now"; a passed action is late, a passed fact done', () => {
    const today = at('2026-05-01T10:00');
    expect(milestoneState(byId('start-searching'), today)).toBe('now');
    expect(milestoneState(byId('finish-rotations'), today)).toBe('upcoming');
    const later = at('2027-04-01T10:00');
    expect(milestoneState(byId('finish-rotations'), later)).toBe('late');
    expect(milestoneState(byId('recent-window'), later)).toBe('done');
  });

  it('GIVEN a window already begun THEN its reminder goes at 09:00 local on its latest date; passed steps get none', () => {
    const today = at('2026-05-01T10:00');
    expect(milestoneReminderAt(byId('start-searching'), today)?.toISO()).toBe(
      '2026-09-24T09:00:00.000+05:00',
    );
    expect(milestoneReminderAt(byId('finish-rotations'), today)?.toISO()).toBe(
      '2026-09-24T09:00:00.000+05:00',
    );
    expect(milestoneReminderAt(byId('start-searching'), at('2027-01-01T00:00'))).toBeUndefined();
  });
});
