import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.ts';
import { parseWhen, type When } from '../time/parse-when.ts';
import type { Repeat } from './reminder.ts';

/** A "when" with the repeat it named, if any: "every monday 8am" -> weekly, first Monday 08:00. */
export interface RepeatingWhen extends When {
  readonly repeat?: Repeat;
}

const DAY =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const EXAMPLE_REPEAT =
  'Say it in words ("every monday 8am", "every day at 21:00", "every 2 weeks on friday", "weekdays at 7") or use the repeat: option, e.g. /remind when:"tomorrow 8am" what:"Anki reviews" repeat:daily.';

/** Phrases, tried in order: what they repeat, and the "when" left for the first occurrence. */
const PHRASES: readonly {
  readonly re: RegExp;
  readonly repeat: Repeat;
  readonly when: (m: RegExpExecArray) => string;
}[] = [
  { re: /^(?:every|each) ?day\b(.*)$/, repeat: 'daily', when: (m) => m[1] ?? '' },
  { re: /^daily\b(.*)$/, repeat: 'daily', when: (m) => m[1] ?? '' },
  { re: /^(?:every |each |on )?week ?days?\b(.*)$/, repeat: 'weekdays', when: (m) => m[1] ?? '' },
  {
    re: new RegExp(`^(?:every|each) (?:other|2|two|second) (?:weeks? )?(?:on )?${DAY}s?\\b(.*)$`),
    repeat: 'fortnightly',
    when: (m) => `${m[1]}${m[2] ?? ''}`,
  },
  { re: /^(?:every|each) (?:other|2|two) weeks?\b(.*)$/, repeat: 'fortnightly', when: (m) => m[1] ?? '' },
  { re: /^(?:fortnightly|biweekly)\b(.*)$/, repeat: 'fortnightly', when: (m) => m[1] ?? '' },
  {
    re: new RegExp(`^(?:(?:every|each) (?:week )?(?:on )?|weekly on )${DAY}s?\\b(.*)$`),
    repeat: 'weekly',
    when: (m) => `${m[1]}${m[2] ?? ''}`,
  },
  // "mondays at 8", "on fridays": a plural day is a habit, not one date.
  {
    re: /^(?:on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\b(.*)$/,
    repeat: 'weekly',
    when: (m) => `${m[1]}${m[2] ?? ''}`,
  },
  { re: /^(?:every|each) week\b(.*)$/, repeat: 'weekly', when: (m) => m[1] ?? '' },
  { re: /^weekly\b(.*)$/, repeat: 'weekly', when: (m) => m[1] ?? '' },
  { re: /^(?:every|each) month\b(.*)$/, repeat: 'monthly', when: (m) => m[1] ?? '' },
  { re: /^monthly\b(.*)$/, repeat: 'monthly', when: (m) => m[1] ?? '' },
];

/** A weekend instant moved to the Monday after, same wall-clock time (a weekdays series starts on one). */
export function onWeekday(at: number, zone: string): number {
  const local = DateTime.fromMillis(at, { zone });
  return local.weekday <= 5 ? at : local.plus({ days: 8 - local.weekday }).toMillis();
}

/**
 * Reads "when" text that may name a repeat in plain words: "every monday 8am",
 * "every day at 21:00", "every 2 weeks on friday", "weekdays at 7",
 * "every month" (from the date given, or today). The first occurrence is read
 * by {@link parseWhen} in the member's zone; without a time of day, 09:00.
 * A repeat the reminders cannot keep ("every 3 days", "every hour") fails
 * with `REPEAT.UNSUPPORTED`, naming the `repeat:` option with an example.
 */
export function parseRepeatingWhen(text: string, opts: { zone: string; now: number }): Result<RepeatingWhen> {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const phrase of PHRASES) {
    const m = phrase.re.exec(input);
    if (!m) continue;
    const rest = phrase
      .when(m)
      .replace(/^[\s,]+/, '')
      .trim();
    const first = parseWhen(rest === '' ? '9am' : rest, opts);
    if (!first.ok) return first;
    const at = phrase.repeat === 'weekdays' ? onWeekday(first.value.at, opts.zone) : first.value.at;
    const note = rest === '' ? 'No time of day given, so I used 09:00.' : first.value.note;
    return ok({ ...first.value, at, repeat: phrase.repeat, ...(note ? { note } : {}) });
  }
  if (/^(every|each)\b|\b(hourly|yearly|annually)\b|^every ?other\b/.test(input)) {
    return fail(
      'REPEAT.UNSUPPORTED',
      `I cannot repeat "${text.trim()}": reminders repeat daily, on weekdays, weekly, every 2 weeks or monthly. ${EXAMPLE_REPEAT}`,
    );
  }
  return parseWhen(text, opts);
}

/** The repeats as members may name them, for help texts. */
export const REPEAT_WORDS = EXAMPLE_REPEAT;
