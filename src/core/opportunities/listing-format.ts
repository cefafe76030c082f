import type { ReplyRecord } from '../reply.ts';
import { type Listing, SETTING_LABELS, TYPE_LABELS } from './listing.ts';
import { clip } from './listing-text.ts';
import { deadlineDistance, formatDay } from './listing-time.ts';
import { specialtyLabel } from './specialties.ts';

/**
 * Plain-text pieces of a listing for replies. Text stays plain: adapters
 * escape markup and mentions (architecture rule 8).
 */

/** `free` or `$1,200`. */
export function feeText(l: Pick<Listing, 'feeUsd'>): string {
  return l.feeUsd === 0 ? 'free' : `$${l.feeUsd.toLocaleString('en-US')}`;
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

/** USMLE/ECFMG requirements in words, then any other requirement. */
export function requirementsText(l: Pick<Listing, 'requirements'>): string {
  const r = l.requirements;
  const needs: string[] = [];
  if (r.step1) needs.push('USMLE Step 1');
  if (r.step2ck) needs.push('Step 2 CK');
  if (r.ecfmg) needs.push('ECFMG certification');
  const base = needs.length > 0 ? needs.join(', ') : 'no USMLE or ECFMG requirement';
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
