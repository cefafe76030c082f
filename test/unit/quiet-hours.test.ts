import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { applyQuietHours, parseClock, type QuietWindow } from '../../src/core/time/quiet-hours.ts';
import { snoozeUntil } from '../../src/core/time/snooze.ts';

/**
 * A fixed instant from a local ISO time in a zone; tests never read the real clock.
 * Fall-back wall times (01:30 on 1 Nov in New York) need an explicit offset: luxon would
 * otherwise pick one based on today's date.
 */
const t = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const utc = (ms: number): string => new Date(ms).toISOString();
const NY = 'America/New_York';
const win = (from: string, to: string): QuietWindow => {
  const f = parseClock(from);
  const tt = parseClock(to);
  if (!f.ok || !tt.ok) throw new Error('bad clock in test');
  return { from: f.value, to: tt.value };
};

describe('parseClock', () => {
  it.each([
    ['22:00', 22, 0],
    ['07:30', 7, 30],
    ['7:30', 7, 30],
    ['0:05', 0, 5],
    ['9pm', 21, 0],
    ['9 PM', 21, 0],
    ['9:30am', 9, 30],
    ['12am', 0, 0],
    ['12pm', 12, 0],
    ['11:59 p.m.', 23, 59],
  ])('GIVEN "%s" THEN %i:%i', (text, hour, minute) => {
    expect(parseClock(text)).toEqual({ ok: true, value: { hour, minute } });
  });

  it.each(['24:00', '7:60', '13pm', '0am', '9', 'noonish', '', '7.30'])(
    'GIVEN "%s" THEN CLOCK.INVALID',
    (text) => {
      const r = parseClock(text);
      expect(r.ok ? 'ok' : r.code).toBe('CLOCK.INVALID');
      expect(r.ok ? '' : r.message).toContain('from:22:00 to:07:30');
    },
  );
});

describe('applyQuietHours', () => {
  const cases = [
    // Overnight window 22:00-07:00 in Karachi (UTC+5).
    {
      name: '23:30 inside an overnight window',
      zone: 'Asia/Karachi',
      at: '2026-06-01T23:30',
      w: win('22:00', '07:00'),
      expected: '2026-06-02T02:00:00.000Z',
      deferred: true,
    },
    {
      name: '03:00 after midnight inside the window',
      zone: 'Asia/Karachi',
      at: '2026-06-02T03:00',
      w: win('22:00', '07:00'),
      expected: '2026-06-02T02:00:00.000Z',
      deferred: true,
    },
    {
      name: '22:00 exactly (window start is inside)',
      zone: 'Asia/Karachi',
      at: '2026-06-01T22:00',
      w: win('22:00', '07:00'),
      expected: '2026-06-02T02:00:00.000Z',
      deferred: true,
    },
    {
      name: '07:00 exactly (window end is outside)',
      zone: 'Asia/Karachi',
      at: '2026-06-02T07:00',
      w: win('22:00', '07:00'),
      expected: '2026-06-02T02:00:00.000Z',
      deferred: false,
    },
    {
      name: '12:00 outside the window',
      zone: 'Asia/Karachi',
      at: '2026-06-02T12:00',
      w: win('22:00', '07:00'),
      expected: '2026-06-02T07:00:00.000Z',
      deferred: false,
    },
    // Same-day window in Lagos and a half-hour zone.
    {
      name: '14:00 inside a 13:00-15:30 window',
      zone: 'Africa/Lagos',
      at: '2026-06-02T14:00',
      w: win('13:00', '15:30'),
      expected: '2026-06-02T14:30:00.000Z',
      deferred: true,
    },
    {
      name: '23:00 in Kolkata inside 22:00-06:30',
      zone: 'Asia/Kolkata',
      at: '2026-06-01T23:00',
      w: win('22:00', '06:30'),
      expected: '2026-06-02T01:00:00.000Z',
      deferred: true,
    },
    // New York fall back (1 Nov 2026): the night has an extra hour, yet the end is still 07:00 EST.
    {
      name: '00:30 EDT on fall-back night',
      zone: NY,
      at: '2026-11-01T00:30',
      w: win('22:00', '07:00'),
      expected: '2026-11-01T12:00:00.000Z',
      deferred: true,
    },
    {
      name: '23:00 EDT the evening before fall back',
      zone: NY,
      at: '2026-10-31T23:00',
      w: win('22:00', '07:00'),
      expected: '2026-11-01T12:00:00.000Z',
      deferred: true,
    },
    // New York spring forward (14 Mar 2027): the end is 07:00 EDT.
    {
      name: '23:00 EST before spring forward',
      zone: NY,
      at: '2027-03-13T23:00',
      w: win('22:00', '07:00'),
      expected: '2027-03-14T11:00:00.000Z',
      deferred: true,
    },
    {
      name: 'window ending in the spring-forward gap',
      zone: NY,
      at: '2027-03-14T01:00',
      w: win('00:00', '02:30'),
      expected: '2027-03-14T07:30:00.000Z',
      deferred: true,
    },
    // Sydney (southern hemisphere): DST starts 4 Oct 2026 and ends 4 Apr 2027.
    {
      name: 'Sydney night as DST starts',
      zone: 'Australia/Sydney',
      at: '2026-10-03T23:00',
      w: win('22:00', '07:00'),
      expected: '2026-10-03T20:00:00.000Z',
      deferred: true,
    },
    {
      name: 'Sydney night as DST ends',
      zone: 'Australia/Sydney',
      at: '2027-04-03T23:00',
      w: win('22:00', '07:00'),
      expected: '2027-04-03T21:00:00.000Z',
      deferred: true,
    },
    // Los Angeles, 9pm-8am given in 12-hour form.
    {
      name: '06:00 inside 9pm-8am',
      zone: 'America/Los_Angeles',
      at: '2026-07-10T06:00',
      w: win('9pm', '8am'),
      expected: '2026-07-10T15:00:00.000Z',
      deferred: true,
    },
  ];
  it.each(cases)(
    'GIVEN $name ($zone) THEN $expected, deferred=$deferred',
    ({ zone, at, w, expected, deferred }) => {
      const atMs = t(at, zone);
      const r = applyQuietHours(atMs, zone, w);
      expect(r.deferred).toBe(deferred);
      expect(utc(r.at)).toBe(deferred ? expected : utc(atMs));
    },
  );

  it('GIVEN the repeated 01:15 EST inside a 01:00-01:30 window THEN the end is the later 01:30, never before', () => {
    const secondPass = Date.parse('2026-11-01T06:15:00Z'); // 01:15 EST, the second 01:15 that night
    const r = applyQuietHours(secondPass, NY, win('01:00', '01:30'));
    expect(utc(r.at)).toBe('2026-11-01T06:30:00.000Z');
  });

  it.each([
    ['no window', undefined],
    ['from == to', win('22:00', '22:00')],
  ])('GIVEN %s THEN the instant is unchanged', (_label, w) => {
    const atMs = t('2026-06-01T23:30', 'Asia/Karachi');
    expect(applyQuietHours(atMs, 'Asia/Karachi', w)).toEqual({ at: atMs, deferred: false });
  });
});

describe('snoozeUntil', () => {
  it.each([
    { choice: '15m' as const, zone: NY, now: '2026-11-01T01:50-04:00', expected: '2026-11-01T06:05:00.000Z' },
    { choice: '1h' as const, zone: NY, now: '2026-11-01T01:30-04:00', expected: '2026-11-01T06:30:00.000Z' },
    { choice: 'tomorrow9' as const, zone: NY, now: '2026-10-31T22:00', expected: '2026-11-01T14:00:00.000Z' },
    { choice: 'tomorrow9' as const, zone: NY, now: '2027-03-13T23:30', expected: '2027-03-14T13:00:00.000Z' },
    {
      choice: 'tomorrow9' as const,
      zone: 'Asia/Karachi',
      now: '2026-06-01T00:10',
      expected: '2026-06-02T04:00:00.000Z',
    },
    {
      choice: 'tomorrow9' as const,
      zone: 'Australia/Sydney',
      now: '2026-10-03T20:00',
      expected: '2026-10-03T22:00:00.000Z',
    },
  ])('GIVEN $choice at $now in $zone THEN $expected', ({ choice, zone, now, expected }) => {
    expect(utc(snoozeUntil(choice, t(now, zone), zone))).toBe(expected);
  });
});
