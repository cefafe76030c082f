import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseRepeatingWhen } from '../../src/core/reminders/parse-repeat.ts';
import { nextInSeries, occurrenceWall } from '../../src/core/reminders/recurrence.ts';
import type { Repeat } from '../../src/core/reminders/reminder.ts';

const NY = 'America/New_York';
// Friday 4 Dec 2026, 10:00 in New York.
const now = DateTime.fromISO('2026-12-04T10:00', { zone: NY }).toMillis();
const local = (ms: number): string =>
  DateTime.fromMillis(ms, { zone: NY }).toFormat("ccc yyyy-MM-dd'T'HH:mm");

describe('repeats said in words', () => {
  const table: readonly [string, Repeat | undefined, string][] = [
    ['every monday 8am', 'weekly', 'Mon 2026-12-07T08:00'],
    ['Every Monday at 8am', 'weekly', 'Mon 2026-12-07T08:00'],
    ['every day at 21:00', 'daily', 'Fri 2026-12-04T21:00'],
    ['everyday 7am', 'daily', 'Sat 2026-12-05T07:00'],
    ['daily at 9', 'daily', 'Sat 2026-12-05T09:00'],
    ['every 2 weeks on friday', 'fortnightly', 'Fri 2026-12-11T09:00'],
    ['every other friday 5pm', 'fortnightly', 'Fri 2026-12-04T17:00'],
    ['weekdays at 7', 'weekdays', 'Mon 2026-12-07T07:00'],
    ['every weekday at 18:30', 'weekdays', 'Fri 2026-12-04T18:30'],
    ['every week on wednesday at 20:00', 'weekly', 'Wed 2026-12-09T20:00'],
    ['mondays at 8', 'weekly', 'Mon 2026-12-07T08:00'],
    ['every month', 'monthly', 'Sat 2026-12-05T09:00'],
    ['on friday', undefined, 'Fri 2026-12-11T09:00'],
    ['next friday 9am', undefined, 'Fri 2026-12-11T09:00'],
  ];
  for (const [text, repeat, first] of table) {
    it(`GIVEN "${text}" THEN ${repeat ?? 'no repeat'}, first ${first}`, () => {
      const r = parseRepeatingWhen(text, { zone: NY, now });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.value.repeat).toBe(repeat);
      expect(local(r.value.at)).toBe(first);
    });
  }

  for (const text of ['every 3 days', 'every hour', 'every other month on the 3rd']) {
    it(`GIVEN "${text}" THEN REPEAT.UNSUPPORTED naming the repeat: option with an example`, () => {
      const r = parseRepeatingWhen(text, { zone: NY, now });
      expect(r).toMatchObject({ ok: false, code: 'REPEAT.UNSUPPORTED' });
      if (r.ok) return;
      expect(r.message).toContain('repeat:daily');
      expect(r.message).toContain('"every monday 8am"');
    });
  }
});

describe('weekday and fortnightly series', () => {
  const anchor = { year: 2026, month: 12, day: 3, hour: 7, minute: 0, second: 0 }; // a Thursday
  it('GIVEN weekdays from a Thursday THEN Thu, Fri, Mon, Tue, Wed, Thu, Fri, Mon', () => {
    const days = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => {
      const w = occurrenceWall(anchor, 'weekdays', n);
      return DateTime.fromObject({ year: w.year, month: w.month, day: w.day }).toFormat('ccc d');
    });
    expect(days).toEqual(['Thu 3', 'Fri 4', 'Mon 7', 'Tue 8', 'Wed 9', 'Thu 10', 'Fri 11', 'Mon 14']);
  });

  it('GIVEN any instant over a year THEN the next weekday occurrence is found as a step-by-step walk finds it', () => {
    for (let d = 0; d < 400; d += 3) {
      const after = DateTime.fromObject({ year: 2026, month: 12, day: 3, hour: 12 }, { zone: NY }).plus({
        days: d,
      });
      const got = nextInSeries(anchor, 'weekdays', NY, after.toMillis());
      let walk = after.plus({ days: 1 }).set({ hour: 7, minute: 0, second: 0, millisecond: 0 });
      while (walk.weekday > 5) walk = walk.plus({ days: 1 });
      expect(local(got.at)).toBe(local(walk.toMillis()));
    }
  });

  it('GIVEN every 2 weeks THEN occurrences are 14 days apart at the same wall-clock time across DST', () => {
    const fri = { year: 2027, month: 10, day: 29, hour: 9, minute: 0, second: 0 };
    const walls = [0, 1, 2].map((n) => occurrenceWall(fri, 'fortnightly', n));
    expect(walls.map((w) => `${w.month}-${w.day} ${w.hour}`)).toEqual(['10-29 9', '11-12 9', '11-26 9']);
  });
});
