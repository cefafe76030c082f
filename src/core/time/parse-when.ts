/**
 * Reads "when" text ("in 2 hours", "next Friday 9am", "2027-01-15 08:30") as an
 * instant, interpreting every wall-clock value in the member's IANA zone.
 *
 * chrono-node does all of its arithmetic on JS `Date`s in the machine's zone, so
 * we never use its `date()` output. Instead we hand it a reference `Date` whose
 * machine-local fields equal the member's wall clock, read back the parsed
 * fields, and build the instant ourselves with luxon in the member's zone.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
// why the English entry: members type English dates, and loading every locale cost ~150 ms at start-up
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.ts';

/** A local calendar date and time of day, as a member would read it on a wall clock. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/** A parsed "when": the UTC instant, how it reads locally, and any assumption we made. */
export interface When {
  /** UTC milliseconds. */
  readonly at: number;
  /** The instant formatted in the member's zone, see {@link formatLocal}. */
  readonly local: string;
  /** Set when we assumed something the member should see (default 09:00, DST gap, explicit zone). */
  readonly note?: string;
}

/** Time of day used when the member gives a date but no time. */
export const DEFAULT_HOUR = 9;
const MAX_AHEAD_YEARS = 2;
const EXAMPLES = 'Try: "in 2 hours", "tomorrow 18:00", "next Friday 9am" or "2027-01-15 08:30".';
/** Words around a time that carry no meaning ("remind me at 9am please"); anything else is suspicious. */
const FILLER = new Set(['at', 'on', 'by', 'around', 'about', 'please', 'pls', 'remind', 'me', 'and', '@']);
/** Casual words whose implied hour chrono picks sensibly; "morning" is 06:00 in chrono, too early for us. */
const CASUAL_HOURS = ['tonight', 'evening', 'afternoon', 'noon', 'midnight'];

/**
 * Converts a wall-clock time in `zone` to an instant, deterministically across DST:
 * a time that happens twice (fall back) resolves to the first occurrence, and a
 * time that doesn't exist (spring forward) moves forward by the gap, e.g. 02:30 -> 03:30.
 * With `after`, the first occurrence later than that instant wins instead (used for
 * "end of quiet hours", which must not land before the time being deferred).
 * luxon alone picks the fall-back offset from the *current* real time, which would
 * make the same input mean different instants depending on when it is parsed.
 */
export function fromWallClock(wc: WallClock, zone: string, after?: number): { at: number; shifted: boolean } {
  const dt = DateTime.fromObject({ second: 0, millisecond: 0, ...wc }, { zone });
  const candidates = [dt, ...dt.getPossibleOffsets()].map((d) => d.toMillis()).sort((a, b) => a - b);
  const at = candidates.find((c) => after === undefined || c > after) ?? candidates[0]!;
  const back = DateTime.fromMillis(at, { zone });
  const shifted = back.day !== wc.day || back.hour !== wc.hour || back.minute !== wc.minute;
  return { at, shifted };
}

/** Formats an instant for a member, always with the explicit offset: 'Fri 15 Jan 2027, 08:30 EST (UTC-05:00)'. */
export function formatLocal(atMs: number, zone: string): string {
  const dt = DateTime.fromMillis(atMs, { zone }).setLocale('en-US');
  const abbr = dt.toFormat('ZZZZ');
  // ICU only has letter abbreviations for some zones (EST, GMT, CET); others come out as
  // "GMT+5", which would just repeat the offset we print anyway.
  const name = /^[A-Z]{2,5}$/.test(abbr) && abbr !== 'UTC' ? `${abbr} ` : '';
  return `${dt.toFormat('ccc d LLL yyyy, HH:mm')} ${name}(UTC${dt.toFormat('ZZ')})`;
}

/** Formats a duration compactly for confirmations, e.g. '2 h 5 min', '14 days', '30 s'. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const parts = [
    days ? `${days} day${days === 1 ? '' : 's'}` : '',
    hours ? `${hours} h` : '',
    minutes ? `${minutes} min` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** 'UTC+05:30' for an offset in minutes. */
function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A DateTime's wall-clock fields in `Date` argument order (month from 0). */
function wallFields(d: DateTime): [number, number, number, number, number, number, number] {
  return [d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.millisecond];
}

/** The parsed fields as if they were UTC, so differences are pure wall-clock arithmetic. */
function fieldsAsUtc(c: ParsedComponents): number {
  const g = (k: Parameters<ParsedComponents['get']>[0]): number => c.get(k) ?? 0;
  return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second'), g('millisecond'));
}

/** Chrono reads "01/02/2027" month-first; many IMGs write day-first, so refuse to guess. */
function ambiguousSlashDate(text: string): boolean {
  const m = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?![\d])/.exec(text);
  return m !== null && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

/** Checks the shape of chrono's answer: exactly one single time and no unexplained words. */
function checkShape(text: string, results: ParsedResult[]): Result<ParsedResult> {
  const [first] = results;
  if (!first) return fail('WHEN.UNPARSABLE', `I could not read "${text}" as a time. ${EXAMPLES}`);
  if (results.length > 1) {
    const found = results.map((r) => `"${r.text}"`).join(' and ');
    return fail(
      'WHEN.AMBIGUOUS',
      `"${text}" contains more than one time (${found}). Give just one, e.g. "next Friday 9am".`,
    );
  }
  if (first.end) {
    return fail(
      'WHEN.AMBIGUOUS',
      `"${first.text}" is a range. Give the single time to remind you, e.g. "Friday 17:00".`,
    );
  }
  const rest = `${text.slice(0, first.index)} ${text.slice(first.index + first.text.length)}`
    .toLowerCase()
    .split(/[\s,.;!?]+/)
    .filter((w) => w && !FILLER.has(w));
  if (rest.length > 0) {
    return fail(
      'WHEN.AMBIGUOUS',
      `I read "${first.text}" in "${text}" but not "${rest.join(' ')}". Give only the time, e.g. "next Friday 9am".`,
      { unread: rest },
    );
  }
  if (ambiguousSlashDate(first.text)) {
    return fail(
      'WHEN.AMBIGUOUS',
      `"${first.text}" could be day/month or month/day. Write it as 2027-02-01 or "1 Feb 2027".`,
    );
  }
  return ok(first);
}

/** Picks the time of day: the stated one, "same time" for "in 2 weeks", a casual word's, or 09:00. */
function timeOfDay(r: ParsedResult): { hour: number; minute: number; second: number; defaulted: boolean } {
  const s = r.start;
  const tags = r.tags();
  const sameTimeLater = tags.has('result/relativeDate') && /^in\b|\bfrom now\b|\blater\b/i.test(r.text);
  const casual = CASUAL_HOURS.some((w) => tags.has(`casualReference/${w}`));
  if (s.isCertain('hour') || sameTimeLater || casual) {
    return {
      hour: s.get('hour') ?? 0,
      minute: s.get('minute') ?? 0,
      second: s.get('second') ?? 0,
      defaulted: false,
    };
  }
  return { hour: DEFAULT_HOUR, minute: 0, second: 0, defaulted: true };
}

/** Turns one chrono result into an instant plus an optional note, without range checks. */
function toInstant(r: ParsedResult, ref: DateTime, zone: string): { at: number; note?: string } {
  const s = r.start;
  const tags = r.tags();
  if (tags.has('result/relativeDateAndTime')) {
    // "in 90 minutes" is elapsed time, so DST changes must not stretch or shrink it.
    return { at: ref.toMillis() + (fieldsAsUtc(s) - Date.UTC(...wallFields(ref))) };
  }
  const t = timeOfDay(r);
  const date = {
    year: s.get('year') ?? ref.year,
    month: s.get('month') ?? ref.month,
    day: s.get('day') ?? ref.day,
  };
  const wc = { ...date, hour: t.hour, minute: t.minute, second: t.second };
  const notes = t.defaulted
    ? [`No time of day given, so I used ${String(DEFAULT_HOUR).padStart(2, '0')}:00.`]
    : [];
  const offset = s.get('timezoneOffset');
  if (s.isCertain('timezoneOffset') && offset !== null && !tags.has('casualReference/now')) {
    // The text named a zone ("9am EST"): honour it rather than silently using the member's.
    let at = Date.UTC(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute, wc.second) - offset * 60_000;
    // chrono rolled "9am" forward in the member's wall clock, not the named zone's; redo it here.
    if (at <= ref.toMillis() && !s.isCertain('day')) at += (s.isCertain('weekday') ? 7 : 1) * 86_400_000;
    notes.push(`Read in the zone you wrote (${offsetLabel(offset)}), not yours.`);
    return { at, note: notes.join(' ') };
  }
  let built = fromWallClock(wc, zone);
  // "friday" said on a Friday after 09:00 means next Friday, not a time already gone.
  if (built.at <= ref.toMillis() && s.isCertain('weekday') && !s.isCertain('day')) {
    const next = DateTime.fromObject(date, { zone }).plus({ days: 7 });
    built = fromWallClock({ ...wc, year: next.year, month: next.month, day: next.day }, zone);
  }
  if (built.shifted) {
    const hm = `${String(wc.hour).padStart(2, '0')}:${String(wc.minute).padStart(2, '0')}`;
    notes.push(`${hm} does not exist that day in ${zone} (clocks jump forward), so I moved it forward.`);
  }
  return notes.length ? { at: built.at, note: notes.join(' ') } : { at: built.at };
}

/**
 * Parses natural-language "when" text in the member's zone.
 *
 * Rules: a date without a time means 09:00 local; a time already gone today means
 * tomorrow; "in N hours/minutes/seconds" is elapsed time while "in N days/weeks/months"
 * keeps the wall-clock time; nonexistent local times (spring-forward gap) move forward;
 * repeated ones (fall back) use the first occurrence. Fails with `WHEN.UNPARSABLE`,
 * `WHEN.AMBIGUOUS`, `WHEN.PAST` or `WHEN.TOO_FAR` (more than 2 years ahead).
 */
export function parseWhen(text: string, opts: { zone: string; now: number }): Result<When> {
  const input = text.trim();
  const ref = DateTime.fromMillis(opts.now, { zone: opts.zone });
  if (!ref.isValid) {
    return fail('TIMEZONE.UNKNOWN', `Unknown time zone "${opts.zone}". Set one, e.g. zone:Asia/Karachi.`);
  }
  if (!input) return fail('WHEN.UNPARSABLE', `Tell me when. ${EXAMPLES}`);
  // With forwardDate chrono turns "last friday" into the next one; say so instead.
  if (/\b(last|ago|yesterday)\b/i.test(input)) {
    return fail('WHEN.PAST', `"${input}" points to the past. Give a future time, e.g. "next Friday 9am".`);
  }
  // Machine-local fields equal to the member's wall clock: chrono then reasons in "member time".
  const chronoRef = new Date(...wallFields(ref));
  const shape = checkShape(input, chrono.casual.parse(input, chronoRef, { forwardDate: true }));
  if (!shape.ok) return shape;
  const { at, note } = toInstant(shape.value, ref, opts.zone);
  const local = formatLocal(at, opts.zone);
  if (at <= opts.now) {
    return fail(
      'WHEN.PAST',
      `That time (${local}) has already passed. Give a future time, e.g. "tomorrow 18:00".`,
    );
  }
  if (at > ref.plus({ years: MAX_AHEAD_YEARS }).toMillis()) {
    return fail(
      'WHEN.TOO_FAR',
      `That time (${local}) is more than ${MAX_AHEAD_YEARS} years ahead. Pick something sooner, e.g. "2027-01-15 08:30".`,
    );
  }
  return ok(note ? { at, local, note } : { at, local });
}
