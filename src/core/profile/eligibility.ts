import type { ListingSearch } from '../opportunities/listing.port.ts';
import type { Listing } from '../opportunities/listing.ts';
import type { MemberProfile } from './profile.ts';

/**
 * Whether a member meets what a listing states. Each requirement the listing
 * states is checked against the profile; a requirement the listing does not
 * state, or a profile field the member has not given, is "unknown" and never
 * counted as met. So a listing is a fit only when every check is stated and met.
 */
export interface Fit {
  readonly verdict: 'fits' | 'unknown' | 'no';
  /** What stops it (`needs Step 2 CK`), in the listing's order of requirements. */
  readonly missing: readonly string[];
  /** What nobody stated, on either side (`fee not stated`). */
  readonly unknown: readonly string[];
}

type Exam = 'step1' | 'step2ck' | 'ecfmg';

const EXAMS: readonly { key: Exam; label: string; met: (p: MemberProfile) => boolean | undefined }[] = [
  { key: 'step1', label: 'Step 1', met: (p) => (p.step1 === undefined ? undefined : p.step1 === 'passed') },
  {
    key: 'step2ck',
    label: 'Step 2 CK',
    met: (p) => (p.step2ck === undefined ? undefined : p.step2ck === 'passed'),
  },
  {
    key: 'ecfmg',
    label: 'ECFMG certification',
    met: (p) => (p.ecfmg === undefined ? undefined : p.ecfmg === 'certified'),
  },
];

/** Checks a listing's stated requirements against a member's profile. */
export function assessFit(p: MemberProfile, l: Listing): Fit {
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const exam of EXAMS) {
    const required = l.requirements[exam.key];
    const met = exam.met(p);
    if (required === false || met === true) continue;
    if (required === null) unknown.push(`${exam.label} requirement not stated`);
    else if (met === false) missing.push(`needs ${exam.label}`);
    else unknown.push(`needs ${exam.label} (your profile does not say)`);
  }
  if (l.handsOn && p.visa === 'visitor') missing.push('hands-on: not open on a visitor visa');
  if (p.maxFeeUsd !== undefined) {
    if (l.feeUsd === null) unknown.push('fee not stated');
    else if (l.feeUsd > p.maxFeeUsd) missing.push('fee above your budget');
  }
  if (p.gradYear !== undefined && !/graduat/i.test(l.requirements.other)) {
    unknown.push('graduation-year limit not stated');
  }
  const blocking = unknown.filter((u) => u !== 'graduation-year limit not stated');
  const verdict = missing.length > 0 ? 'no' : blocking.length > 0 ? 'unknown' : 'fits';
  return { verdict, missing, unknown };
}

/** One line for a listing shown to a member with a profile. */
export function fitText(f: Fit): string {
  if (f.verdict === 'no') return `✗ ${[...f.missing, ...f.unknown].join('; ')}`;
  if (f.verdict === 'unknown') return `? check: ${f.unknown.join('; ')}`;
  const note = f.unknown.length > 0 ? ` (${f.unknown.join('; ')})` : '';
  return `✓ meets the stated requirements${note}`;
}

/**
 * The store filters that keep only listings the member meets by what they
 * state: an exam the member has not passed (or not said) must be stated as
 * not required; a visitor-visa member sees no hands-on roles; a budget caps
 * the (stated) fee. `undefined` when the filters contradict (hands-on asked
 * by a visitor-visa member): nothing can match.
 */
export function eligibleSearch(p: MemberProfile, q: ListingSearch): ListingSearch | undefined {
  const out: { -readonly [K in keyof ListingSearch]: ListingSearch[K] } = { ...q };
  if (p.step1 !== 'passed') out.step1No = true;
  if (p.step2ck !== 'passed') out.step2ckNo = true;
  if (p.ecfmg !== 'certified') out.noEcfmg = true;
  if (p.visa === 'visitor') {
    if (q.handsOn === true) return undefined;
    out.handsOn = false;
  }
  if (p.maxFeeUsd !== undefined) out.maxFee = Math.min(q.maxFee ?? p.maxFeeUsd, p.maxFeeUsd);
  return out;
}
