import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration, formatLocal, fromWallClock, parseWhen } from '../../src/core/time/parse-when.ts';

/**
 * A fixed instant from a local ISO time in a zone; tests never read the real clock.
 * Fall-back wall times (01:30 on 1 Nov in New York) need an explicit offset: luxon would
 * otherwise pick one based on today's date.
 */
const t = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const NY = 'America/New_York';
const utc = (ms: number): string => new Date(ms).toISOString();

interface Case {
  readonly text: string;
  readonly zone: string;
  readonly now: string;
  readonly expected: string;
  readonly note?: RegExp;
}

const successes: Case[] = [
  // New York, Sunday 25 Oct 2026 10:00 EDT; the U.S. falls back on 1 Nov 2026.
  { text: 'in 2 weeks', zone: NY, now: '2026-10-25T10:00', expected: '2026-11-08T15:00:00.000Z' },
  { text: 'in 1 week', zone: NY, now: '2026-10-25T10:00', expected: '2026-11-01T15:00:00.000Z' },
  { text: 'in 5 seconds', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-25T14:00:05.000Z' },
  { text: 'in 2 minutes', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-25T14:02:00.000Z' },
  { text: 'next Friday 9am', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-30T13:00:00.000Z' },
  { text: 'tomorrow 18:00', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-26T22:00:00.000Z' },
  { text: 'tomorrow at 6pm', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-26T22:00:00.000Z' },
  { text: '2027-01-15 08:30', zone: NY, now: '2026-10-25T10:00', expected: '2027-01-15T13:30:00.000Z' },
  { text: 'Jan 15 2027 8:30am', zone: NY, now: '2026-10-25T10:00', expected: '2027-01-15T13:30:00.000Z' },
  { text: 'in 3 days at 10am', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-28T14:00:00.000Z' },
  { text: 'tonight', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-26T02:00:00.000Z' },
  {
    text: 'remind me at 9am please',
    zone: NY,
    now: '2026-10-25T10:00',
    expected: '2026-10-26T13:00:00.000Z',
  },
  { text: 'friday', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-30T13:00:00.000Z', note: /09:00/ },
  {
    text: 'next monday',
    zone: NY,
    now: '2026-10-25T10:00',
    expected: '2026-10-26T13:00:00.000Z',
    note: /09:00/,
  },
  {
    text: '2027-01-15',
    zone: NY,
    now: '2026-10-25T10:00',
    expected: '2027-01-15T14:00:00.000Z',
    note: /09:00/,
  },
  { text: 'tomorrow morning', zone: NY, now: '2026-10-25T10:00', expected: '2026-10-26T13:00:00.000Z' },
  { text: '15/01/2027', zone: NY, now: '2026-10-25T10:00', expected: '2027-01-15T14:00:00.000Z' },
  {
    text: '9am EST',
    zone: NY,
    now: '2026-10-25T10:00',
    expected: '2026-10-26T14:00:00.000Z',
    note: /UTC-05:00/,
  },
  { text: '2026-11-02 09:00', zone: NY, now: '2026-10-30T12:00', expected: '2026-11-02T14:00:00.000Z' },
  // Fall back: 01:30 happens twice on 1 Nov 2026; the first (EDT) one wins; elapsed hours stay elapsed.
  { text: '2026-11-01 01:30', zone: NY, now: '2026-10-30T12:00', expected: '2026-11-01T05:30:00.000Z' },
  { text: 'in 3 hours', zone: NY, now: '2026-10-31T23:00', expected: '2026-11-01T06:00:00.000Z' },
  // Spring forward on 14 Mar 2027: calendar days keep the wall clock, hours are elapsed.
  { text: 'tomorrow 10:00', zone: NY, now: '2027-03-13T10:00', expected: '2027-03-14T14:00:00.000Z' },
  { text: 'in 1 day', zone: NY, now: '2027-03-13T10:00', expected: '2027-03-14T14:00:00.000Z' },
  { text: 'in 24 hours', zone: NY, now: '2027-03-13T10:00', expected: '2027-03-14T15:00:00.000Z' },
  {
    text: '2027-03-14 02:30',
    zone: NY,
    now: '2027-03-13T10:00',
    expected: '2027-03-14T07:30:00.000Z',
    note: /02:30 does not exist/,
  },
  // Los Angeles, across its own spring forward.
  {
    text: 'monday 8am',
    zone: 'America/Los_Angeles',
    now: '2027-03-10T12:00',
    expected: '2027-03-15T15:00:00.000Z',
  },
  // Karachi (UTC+5, no DST): "friday" on a Friday after 09:00 is next week.
  { text: 'friday', zone: 'Asia/Karachi', now: '2026-10-30T10:00', expected: '2026-11-06T04:00:00.000Z' },
  {
    text: 'tomorrow 18:00',
    zone: 'Asia/Karachi',
    now: '2026-10-30T10:00',
    expected: '2026-10-31T13:00:00.000Z',
  },
  // Lagos (UTC+1): a time earlier today than now rolls to tomorrow, a later one stays today.
  { text: '9am', zone: 'Africa/Lagos', now: '2026-06-01T08:00', expected: '2026-06-01T08:00:00.000Z' },
  { text: '7am', zone: 'Africa/Lagos', now: '2026-06-01T08:00', expected: '2026-06-02T06:00:00.000Z' },
  { text: 'in 2 hours', zone: 'Africa/Lagos', now: '2026-06-01T08:00', expected: '2026-06-01T09:00:00.000Z' },
  // Kolkata's half-hour offset.
  {
    text: '2026-12-01 18:45',
    zone: 'Asia/Kolkata',
    now: '2026-12-01T10:00',
    expected: '2026-12-01T13:15:00.000Z',
  },
  {
    text: 'in 90 minutes',
    zone: 'Asia/Kolkata',
    now: '2026-12-01T10:00',
    expected: '2026-12-01T06:00:00.000Z',
  },
  // Sydney: DST starts 4 Oct 2026 (02:00 -> 03:00) and ends 4 Apr 2027 (03:00 -> 02:00).
  {
    text: 'in 1 week',
    zone: 'Australia/Sydney',
    now: '2026-10-03T10:00',
    expected: '2026-10-09T23:00:00.000Z',
  },
  {
    text: 'tomorrow 02:30',
    zone: 'Australia/Sydney',
    now: '2026-10-03T10:00',
    expected: '2026-10-03T16:30:00.000Z',
    note: /forward/,
  },
  {
    text: 'tomorrow 9am',
    zone: 'Australia/Sydney',
    now: '2027-04-03T10:00',
    expected: '2027-04-03T23:00:00.000Z',
  },
];

describe('parseWhen', () => {
  it.each(successes)(
    'GIVEN "$text" in $zone at $now THEN $expected',
    ({ text, zone, now, expected, note }) => {
      const r = parseWhen(text, { zone, now: t(now, zone) });
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      expect(utc(r.value.at)).toBe(expected);
      expect(r.value.local).toBe(formatLocal(r.value.at, zone));
      if (note) expect(r.value.note).toMatch(note);
    },
  );

  it('GIVEN "in 2 weeks" across the U.S. fall back THEN 10:00 EST, two calendar weeks later', () => {
    const r = parseWhen('in 2 weeks', { zone: NY, now: t('2026-10-25T10:00', NY) });
    expect(r.ok && r.value.local).toBe('Sun 8 Nov 2026, 10:00 EST (UTC-05:00)');
  });

  const failures = [
    { text: 'blorp', now: '2026-10-25T10:00', code: 'WHEN.UNPARSABLE' },
    { text: '   ', now: '2026-10-25T10:00', code: 'WHEN.UNPARSABLE' },
    { text: 'friday or monday', now: '2026-10-25T10:00', code: 'WHEN.AMBIGUOUS' },
    { text: 'friday 9am blorp', now: '2026-10-25T10:00', code: 'WHEN.AMBIGUOUS' },
    { text: '5pm to 6pm', now: '2026-10-25T10:00', code: 'WHEN.AMBIGUOUS' },
    { text: '01/02/2027', now: '2026-10-25T10:00', code: 'WHEN.AMBIGUOUS' },
    { text: '2026-11-02 09:00', now: '2026-11-05T10:00', code: 'WHEN.PAST' },
    { text: 'last friday', now: '2026-10-25T10:00', code: 'WHEN.PAST' },
    { text: 'yesterday', now: '2026-10-25T10:00', code: 'WHEN.PAST' },
    { text: 'in 3 years', now: '2026-10-25T10:00', code: 'WHEN.TOO_FAR' },
    { text: '2029-01-01 09:00', now: '2026-10-25T10:00', code: 'WHEN.TOO_FAR' },
  ];
  it.each(failures)('GIVEN "$text" at $now THEN $code', ({ text, now, code }) => {
    const r = parseWhen(text, { zone: NY, now: t(now, NY) });
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });

  it('GIVEN "blorp" THEN the message lists examples', () => {
    const r = parseWhen('blorp', { zone: NY, now: t('2026-10-25T10:00', NY) });
    expect(r.ok ? '' : r.message).toBe(
      'I could not read "blorp" as a time. Try: "in 2 hours", "tomorrow 18:00", "next Friday 9am" or "2027-01-15 08:30".',
    );
  });

  it('GIVEN a past time THEN the message shows it in local time with its offset', () => {
    const r = parseWhen('2026-11-02 09:00', { zone: NY, now: t('2026-11-05T10:00', NY) });
    expect(r.ok ? '' : r.message).toContain(
      'That time (Mon 2 Nov 2026, 09:00 EST (UTC-05:00)) has already passed.',
    );
  });

  it('GIVEN an invalid zone THEN TIMEZONE.UNKNOWN', () => {
    const r = parseWhen('tomorrow', { zone: 'Mars/Olympus', now: 0 });
    expect(r.ok ? 'ok' : r.code).toBe('TIMEZONE.UNKNOWN');
  });
});

describe('parseWhen is independent of the machine and the real clock', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
    vi.useRealTimers();
  });

  it.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin'])(
    'GIVEN machine zone %s THEN "in 2 weeks" and "next Friday 9am" are unchanged',
    (tz) => {
      process.env.TZ = tz;
      const now = t('2026-10-25T10:00', NY);
      const weeks = parseWhen('in 2 weeks', { zone: NY, now });
      const friday = parseWhen('next Friday 9am', { zone: NY, now });
      expect(weeks.ok && utc(weeks.value.at)).toBe('2026-11-08T15:00:00.000Z');
      expect(friday.ok && utc(friday.value.at)).toBe('2026-10-30T13:00:00.000Z');
    },
  );

  it.each(['2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z'])(
    'GIVEN the real clock at %s THEN fall-back 01:30 still resolves to the first (EDT) occurrence',
    (real) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(real));
      const r = fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY);
      expect(utc(r.at)).toBe('2026-11-01T05:30:00.000Z');
      expect(r.shifted).toBe(false);
    },
  );
});

describe('formatLocal and formatDuration', () => {
  const cases = [
    { zone: NY, iso: '2027-01-15T08:30', expected: 'Fri 15 Jan 2027, 08:30 EST (UTC-05:00)' },
    { zone: NY, iso: '2026-07-04T18:00', expected: 'Sat 4 Jul 2026, 18:00 EDT (UTC-04:00)' },
    { zone: 'Asia/Kolkata', iso: '2027-01-15T08:30', expected: 'Fri 15 Jan 2027, 08:30 (UTC+05:30)' },
    { zone: 'Australia/Sydney', iso: '2027-01-15T08:30', expected: 'Fri 15 Jan 2027, 08:30 (UTC+11:00)' },
    { zone: 'UTC', iso: '2027-01-15T08:30', expected: 'Fri 15 Jan 2027, 08:30 (UTC+00:00)' },
  ];
  it.each(cases)('GIVEN $iso in $zone THEN "$expected"', ({ zone, iso, expected }) => {
    expect(formatLocal(t(iso, zone), zone)).toBe(expected);
  });

  it.each([
    [30_000, '30 s'],
    [125 * 60_000, '2 h 5 min'],
    [14 * 86_400_000, '14 days'],
    [86_400_000 + 3_600_000, '1 day 1 h'],
  ])('GIVEN %i ms THEN "%s"', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
