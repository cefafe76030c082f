import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../src/core/time/resolve-timezone.ts';

const zoneOf = (input: string): string => {
  const r = resolveTimeZone(input);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value.zone;
};

describe('resolveTimeZone: IANA names and cities', () => {
  it.each([
    ['asia/karachi', 'Asia/Karachi'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/calcutta', 'Asia/Kolkata'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['Australia/Sydney', 'Australia/Sydney'],
    ['US/Eastern', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Lagos', 'Africa/Lagos'],
    ['karachi', 'Asia/Karachi'],
    ['new york', 'America/New_York'],
    ['New_York', 'America/New_York'],
    ['Sao Paulo', 'America/Sao_Paulo'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['los angeles', 'America/Los_Angeles'],
    ['Kathmandu', 'Asia/Kathmandu'],
    ['Beirut', 'Asia/Beirut'],
    ['Amman', 'Asia/Amman'],
    ['Riyadh', 'Asia/Riyadh'],
    ['Dubai', 'Asia/Dubai'],
    ['Tehran', 'Asia/Tehran'],
    ['Dhaka', 'Asia/Dhaka'],
    ['Manila', 'Asia/Manila'],
    ['London', 'Europe/London'],
    ['Toronto', 'America/Toronto'],
  ])('GIVEN "%s" THEN %s without a note', (input, zone) => {
    const r = resolveTimeZone(input);
    expect(r).toEqual({ ok: true, value: { zone } });
  });

  it.each([
    ['Delhi', 'Asia/Kolkata'],
    ['mumbai', 'Asia/Kolkata'],
    ['Bangalore', 'Asia/Kolkata'],
    ['Chennai', 'Asia/Kolkata'],
    ['Islamabad', 'Asia/Karachi'],
    ['Lahore', 'Asia/Karachi'],
    ['Abuja', 'Africa/Lagos'],
    ['Alexandria', 'Africa/Cairo'],
    ['Jeddah', 'Asia/Riyadh'],
    ['Boston', 'America/New_York'],
    ['Philadelphia', 'America/New_York'],
    ['Miami', 'America/New_York'],
    ['Atlanta', 'America/New_York'],
    ['Houston', 'America/Chicago'],
    ['Dallas', 'America/Chicago'],
    ['San Francisco', 'America/Los_Angeles'],
    ['Seattle', 'America/Los_Angeles'],
  ])('GIVEN city "%s" THEN %s with the mapping shown', (input, zone) => {
    const r = resolveTimeZone(input);
    expect(r.ok && r.value).toEqual({ zone, note: `${input} is read as ${zone}.` });
  });

  it('GIVEN "Hyderabad" THEN India, with a hint for Pakistan', () => {
    const r = resolveTimeZone('Hyderabad');
    expect(r.ok && r.value.zone).toBe('Asia/Kolkata');
    expect(r.ok && r.value.note).toContain('Asia/Karachi');
  });

  it('GIVEN every resolved zone THEN luxon accepts it', () => {
    for (const input of ['Lagos', 'Delhi', 'Boston', 'EST', 'IST', 'UTC+5', '+05:30', 'Kyiv']) {
      expect(DateTime.fromMillis(0, { zone: zoneOf(input) }).isValid).toBe(true);
    }
  });
});

describe('resolveTimeZone: abbreviations', () => {
  it.each([
    ['EST', 'America/New_York'],
    ['edt', 'America/New_York'],
    ['ET', 'America/New_York'],
    ['CST', 'America/Chicago'],
    ['MT', 'America/Denver'],
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['AKST', 'America/Anchorage'],
    ['HST', 'Pacific/Honolulu'],
    ['GMT', 'UTC'],
    ['Z', 'UTC'],
    ['BST', 'Europe/London'],
    ['CET', 'Europe/Berlin'],
    ['CEST', 'Europe/Berlin'],
    ['EET', 'Africa/Cairo'],
    ['WAT', 'Africa/Lagos'],
    ['EAT', 'Africa/Nairobi'],
    ['PKT', 'Asia/Karachi'],
    ['IST', 'Asia/Kolkata'],
    ['NPT', 'Asia/Kathmandu'],
    ['PHT', 'Asia/Manila'],
    ['AEST', 'Australia/Sydney'],
  ])('GIVEN "%s" THEN %s with a note', (input, zone) => {
    const r = resolveTimeZone(input);
    expect(r.ok && r.value.zone).toBe(zone);
    expect(r.ok && r.value.note).toMatch(new RegExp(`^${input.toUpperCase()} is read as ${zone}`));
  });

  it('GIVEN "EST" THEN the note says it follows daylight saving', () => {
    const r = resolveTimeZone('EST');
    expect(r.ok && r.value.note).toBe(
      'EST is read as America/New_York (U.S. Eastern, follows daylight saving).',
    );
  });

  it('GIVEN "IST" THEN the note flags the ambiguity and the alternatives', () => {
    const r = resolveTimeZone('IST');
    const note = r.ok ? r.value.note : '';
    expect(note).toContain('ambiguous');
    expect(note).toContain('Europe/Dublin');
    expect(note).toContain('Asia/Jerusalem');
  });
});

describe('resolveTimeZone: fixed offsets', () => {
  it.each([
    ['UTC+5', 'UTC+5'],
    ['utc-3', 'UTC-3'],
    ['GMT+1', 'UTC+1'],
    ['+05:30', 'UTC+5:30'],
    ['+0545', 'UTC+5:45'],
    ['-03:30', 'UTC-3:30'],
  ])('GIVEN "%s" THEN %s with a no-daylight-saving note', (input, zone) => {
    const r = resolveTimeZone(input);
    expect(r.ok && r.value.zone).toBe(zone);
    expect(r.ok && r.value.note).toContain('does not follow daylight saving');
  });

  it('GIVEN "UTC+0" THEN plain UTC', () => {
    expect(resolveTimeZone('UTC+0')).toEqual({ ok: true, value: { zone: 'UTC' } });
  });

  it('GIVEN "Etc/GMT+5" THEN the reversed POSIX sign is explained', () => {
    const r = resolveTimeZone('Etc/GMT+5');
    expect(r.ok && r.value).toEqual({
      zone: 'Etc/GMT+5',
      note: 'Etc/GMT+5 means UTC-5: POSIX signs are reversed.',
    });
  });
});

describe('resolveTimeZone: unknown input', () => {
  it('GIVEN "Lagoss" THEN TIMEZONE.UNKNOWN suggesting Africa/Lagos', () => {
    expect(resolveTimeZone('Lagoss')).toEqual({
      ok: false,
      code: 'TIMEZONE.UNKNOWN',
      message:
        'Unknown time zone "Lagoss". Did you mean Africa/Lagos? Use an IANA name or a city, e.g. zone:Asia/Karachi or zone:Lagos',
      details: { suggestions: ['Africa/Lagos'] },
    });
  });

  it.each([
    ['asia/karchi', 'Asia/Karachi'],
    ['Karchi', 'Asia/Karachi'],
    ['Chcago', 'America/Chicago'],
    ['san fransisco', 'America/Los_Angeles'],
  ])('GIVEN typo "%s" THEN TIMEZONE.UNKNOWN suggesting %s first', (input, first) => {
    const r = resolveTimeZone(input);
    expect(r.ok ? 'ok' : r.code).toBe('TIMEZONE.UNKNOWN');
    const suggestions = r.ok ? [] : (r.details?.suggestions as string[]);
    expect(suggestions[0]).toBe(first);
    expect(suggestions.length).toBeLessThanOrEqual(3);
  });

  it.each(['blorp', '', 'UTC+15', '+05:75', 'Mars/Olympus'])('GIVEN "%s" THEN TIMEZONE.UNKNOWN', (input) => {
    const r = resolveTimeZone(input);
    expect(r.ok ? 'ok' : r.code).toBe('TIMEZONE.UNKNOWN');
    expect(r.ok ? '' : r.message).toContain('zone:Asia/Karachi');
  });
});
