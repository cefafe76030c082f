import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  isOccurrence,
  nextInSeries,
  parseSeriesRule,
  seriesRule,
} from '../../src/core/reminders/recurrence.ts';
import type { Repeat } from '../../src/core/reminders/reminder.ts';
import type { WallClock } from '../../src/core/time/parse-when.ts';
import { reminderRepeatStrategy } from '../../src/jobs/repeat-strategy.ts';

const NY = 'America/New_York';
const t = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss ZZ");
const wall = (iso: string): WallClock => {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second };
};

interface Case {
  readonly name: string;
  readonly anchor: string;
  readonly repeat: Repeat;
  readonly zone: string;
  /** Local time the search starts after. */
  readonly after: string;
  readonly expected: string;
}

const cases: Case[] = [
  {
    name: 'GIVEN a daily 09:00 across the U.S. fall-back THEN 09:00 EST, 25 hours after 09:00 EDT',
    anchor: '2027-11-01T09:00:00',
    repeat: 'daily',
    zone: NY,
    after: '2027-11-06T09:00',
    expected: '2027-11-07T09:00:00 -05:00',
  },
  {
    name: 'GIVEN a daily 02:30 on the spring-forward day THEN 03:30 (the gap moves forward)',
    anchor: '2027-03-01T02:30:00',
    repeat: 'daily',
    zone: NY,
    after: '2027-03-13T02:30',
    expected: '2027-03-14T03:30:00 -04:00',
  },
  {
    name: 'GIVEN a monthly on the 31st THEN February gets its last day, March the 31st again',
    anchor: '2027-01-31T09:00:00',
    repeat: 'monthly',
    zone: NY,
    after: '2027-01-31T09:00',
    expected: '2027-02-28T09:00:00 -05:00',
  },
  {
    name: 'GIVEN a monthly on the 31st after February THEN back on the 31st (no drift)',
    anchor: '2027-01-31T09:00:00',
    repeat: 'monthly',
    zone: NY,
    after: '2027-02-28T09:00',
    expected: '2027-03-31T09:00:00 -04:00',
  },
  {
    name: 'GIVEN a weekly Friday with seconds in Karachi THEN the next Friday, to the second',
    anchor: '2027-01-01T18:00:05',
    repeat: 'weekly',
    zone: 'Asia/Karachi',
    after: '2027-01-01T18:00:05',
    expected: '2027-01-08T18:00:05 +05:00',
  },
  {
    name: 'GIVEN a daily two years old THEN the first one after now (missed ones skipped)',
    anchor: '2025-06-01T07:15:00',
    repeat: 'daily',
    zone: 'Europe/London',
    after: '2027-06-10T12:00',
    expected: '2027-06-11T07:15:00 +01:00',
  },
];

describe('nextInSeries', () => {
  for (const c of cases) {
    it(c.name, () => {
      const next = nextInSeries(wall(c.anchor), c.repeat, c.zone, t(c.after, c.zone));
      expect(local(next.at, c.zone)).toBe(c.expected);
      expect(isOccurrence(wall(c.anchor), c.repeat, c.zone, next.at)).toBe(true);
      expect(isOccurrence(wall(c.anchor), c.repeat, c.zone, next.at + 1_000)).toBe(false);
    });
  }

  it('GIVEN "after" before the anchor THEN the anchor itself is occurrence 0', () => {
    const next = nextInSeries(wall('2027-05-05T08:00:00'), 'weekly', NY, t('2027-01-01T00:00', NY));
    expect(next).toEqual({ n: 0, at: t('2027-05-05T08:00', NY) });
  });
});

describe('seriesRule and the BullMQ repeat strategy', () => {
  it('GIVEN a rule THEN it reads back, and the strategy computes the same next instant', () => {
    const anchor = wall('2027-11-06T09:00:00');
    const rule = seriesRule(anchor, 'daily');
    expect(rule).toBe('daily 2027-11-06T09:00:00');
    expect(parseSeriesRule(rule)).toEqual({ anchor, repeat: 'daily' });
    const after = t('2027-11-06T09:00', NY);
    expect(reminderRepeatStrategy(after, { pattern: rule, tz: NY })).toBe(
      nextInSeries(anchor, 'daily', NY, after).at,
    );
  });

  it('GIVEN a cron pattern or no zone THEN the strategy declines (no job rather than a wrong one)', () => {
    expect(parseSeriesRule('0 9 * * *')).toBeUndefined();
    expect(reminderRepeatStrategy(Date.now(), { pattern: '0 9 * * *', tz: NY })).toBeUndefined();
    expect(reminderRepeatStrategy(Date.now(), { pattern: 'daily 2027-11-06T09:00:00' })).toBeUndefined();
  });
});
