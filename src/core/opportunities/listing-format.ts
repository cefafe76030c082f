import type { ReplyRecord } from '../reply.ts';
import { type Listing, SETTING_LABELS, TYPE_LABELS } from './listing.ts';
import { clip } from './listing-text.ts';
import { deadlineDistance, formatDay } from './listing-time.ts';
import { specialtyLabel } from './specialties.ts';

/**
 * Plain-text pieces of a listing for replies. Text stays plain: adapters
 * escape markup and mentions (architecture rule 8).
 */

/** `free`, `$1,200` or `fee not stated` (a listing that does not say is never shown as free). */
export function feeText(l: Pick<Listing, 'feeUsd'>): string {
  if (l.feeUsd === null) return 'fee not stated';
  return l.feeUsd === 0 ? 'free' : `$${l.feeUsd.toLocaleString('en-US')}`;
}

/** The value of a `Fee` field: `free`, `$1,200` or `not stated`. */
export function feeValue(l: Pick<Listing, 'feeUsd'>): string {
  return l.feeUsd === null ? 'not stated' : feeText(l);
}

/** The value of a letter-of-recommendation field: `possible`, `not offered` or `not stated`. */
export function letterText(l: Pick<Listing, 'lorPossible'>): string {
  if (l.lorPossible === null) return 'not stated';
  return l.lorPossible ? 'possible' : 'not offered';
}

/** `4 weeks`, `4-8 weeks` or `length not stated`. */
export function durationText(l: Pick<Listing, 'durationWeeks'>): string {
  const d = l.durationWeeks;
  if (d === null) return 'length not stated';
  if (d.min === d.max) return `${d.min} week${d.min === 1 ? '' : 's'}`;
  return `${d.min}-${d.max} weeks`;
}

/** `Albany, NY` (or `City, CC` outside the U.S.). */
export function placeText(l: Pick<Listing, 'city' | 'state' | 'country'>): string {
  if (l.country !== 'US') return `${l.city}, ${l.country}`;
  return `${l.city}, ${l.state}`;
}

/** `apply by Fri 15 Oct 2027 (in 30 days)`, `closed ...` or `rolling admission`. */
export function deadlineText(l: Pick<Listing, 'deadline' | 'deadlineAt' | 'timezone'>, now: number): string {
  if (l.deadline === null || l.deadlineAt === null) return 'rolling admission';
  const when = formatDay(l.deadline, l.timezone);
  return l.deadlineAt <= now ? `closed ${when}` : `apply by ${when} (${deadlineDistance(l.deadlineAt, now)})`;
}

/** Specialty labels joined by commas. */
export function specialtiesText(l: Pick<Listing, 'specialties'>): string {
  return l.specialties.map(specialtyLabel).join(', ');
}

const EXAMS = [
  ['step1', 'USMLE Step 1'],
  ['step2ck', 'Step 2 CK'],
  ['ecfmg', 'ECFMG certification'],
] as const;

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * USMLE/ECFMG requirements in words, each yes / no / not stated, then any
 * other requirement: `USMLE Step 1 required; Step 2 CK not required; ECFMG
 * certification not stated`. Only when all three are a stated "no" does it
 * say there is no requirement.
 */
export function requirementsText(l: Pick<Listing, 'requirements'>): string {
  const r = l.requirements;
  const needed = EXAMS.filter(([k]) => r[k] === true).map(([, label]) => label);
  const notNeeded = EXAMS.filter(([k]) => r[k] === false).map(([, label]) => label);
  const unknown = EXAMS.filter(([k]) => r[k] === null).map(([, label]) => label);
  let base: string;
  if (notNeeded.length === EXAMS.length) base = 'no USMLE or ECFMG requirement';
  else if (unknown.length === EXAMS.length) base = 'USMLE and ECFMG requirements not stated';
  else {
    const parts: string[] = [];
    if (needed.length > 0) parts.push(`${joinWords(needed)} required`);
    if (notNeeded.length > 0) parts.push(`${joinWords(notNeeded)} not required`);
    if (unknown.length > 0) parts.push(`${joinWords(unknown)} not stated`);
    base = parts.join('; ');
  }
  return r.other ? `${base}. ${r.other}` : base;
}

/** `Observership · observational · Community hospital`. */
export function kindText(l: Pick<Listing, 'type' | 'handsOn' | 'setting'>): string {
  return `${TYPE_LABELS[l.type].one} · ${l.handsOn ? 'hands-on' : 'observational'} · ${SETTING_LABELS[l.setting]}`;
}

/** One search result line. */
export function listingRecord(l: Listing, now: number): ReplyRecord {
  return {
    id: l.id,
    title: l.title,
    subtitle: [l.institution, placeText(l), durationText(l), feeText(l), deadlineText(l, now)].join(' · '),
    // why: 200 characters keeps five results inside one Discord embed / Slack message
    text: `${kindText(l)} · ${specialtiesText(l)}${l.lorPossible ? ' · letter possible' : ''}\n${clip(l.description, 200)}`.trim(),
  };
}
