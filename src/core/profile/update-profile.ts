import { DateTime } from 'luxon';
import type { CoreDeps } from '../deps.ts';
import { normaliseSpecialty } from '../opportunities/specialties.ts';
import { normaliseState } from '../opportunities/us-states.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  type EcfmgStatus,
  type MemberProfile,
  memberProfileSchema,
  PROFILE_FIELD,
  PROFILE_OPTIONS,
  type ProfileOption,
  type Step1Status,
  type Step2ckStatus,
  type VisaStatus,
} from './profile.ts';

/** What `/profile` may change: values to set, and option names to clear. */
export interface ProfileRequest {
  readonly step1?: Step1Status;
  readonly step2ck?: Step2ckStatus;
  readonly ecfmg?: EcfmgStatus;
  readonly visa?: VisaStatus;
  readonly gradYear?: number;
  readonly maxFeeUsd?: number;
  /** `;`- or `,`-separated specialty names or abbreviations (`IM;FM`). */
  readonly specialties?: string;
  /** `;`- or `,`-separated state codes or names (`NY;NJ`). */
  readonly states?: string;
  readonly matchYear?: number;
  /** Option names to forget, or `all`. */
  readonly clear?: string;
}

const MAX_LIST = 10; // why: ten specialties or states already cover any real search
const OLDEST_GRAD_YEAR = 1960; // why: older graduates are not applying to the Match
const SENIOR_STUDENT_YEARS = 6; // why: a student abroad may plan this far ahead of graduating
const MATCH_YEARS_AHEAD = 6; // why: the same horizon for a target Match

function splitList(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function normaliseList(
  text: string,
  option: 'specialties' | 'states',
  one: (s: string) => Result<string>,
): Result<string[]> {
  const items = splitList(text);
  if (items.length > MAX_LIST) {
    return fail('PROFILE.TOO_MANY', `Give at most ${MAX_LIST} ${option}. Example: ${option}:IM;FM`);
  }
  const out: string[] = [];
  for (const item of items) {
    const r = one(item);
    if (!r.ok) return fail(r.code, `${option}: ${r.message}`);
    if (!out.includes(r.value)) out.push(r.value);
  }
  return ok(out);
}

function parseClear(text: string | undefined): Result<ProfileOption[] | 'all'> {
  if (text === undefined) return ok([]);
  const words = splitList(text.toLowerCase().replace(/\s+/g, ';'));
  if (words.includes('all')) return ok('all');
  const bad = words.filter((w) => !(PROFILE_OPTIONS as readonly string[]).includes(w));
  if (bad.length > 0) {
    return fail(
      'PROFILE.CLEAR_UNKNOWN',
      `clear: "${bad[0]?.slice(0, 30)}" is not a profile field. Use all or any of ${PROFILE_OPTIONS.join(', ')}. Example: clear:visa;max_fee`,
    );
  }
  return ok(words as ProfileOption[]);
}

/** Reads the member's stored profile (an unreadable one counts as empty). */
export async function readProfile(
  deps: Pick<CoreDeps, 'userSettings'>,
  userId: string,
): Promise<MemberProfile> {
  const stored = (await deps.userSettings.getUser(userId)).profile;
  const parsed = memberProfileSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Applies a `/profile` request: validates years against today (graduation at
 * most a few years ahead, a Match not in the past), normalises specialties
 * and states as search does, clears what was asked, and stores the result.
 * Nothing is stored when any part is invalid.
 */
export async function updateProfile(
  deps: Pick<CoreDeps, 'userSettings'>,
  userId: string,
  req: ProfileRequest,
  now: number,
  zone: string,
): Promise<Result<MemberProfile>> {
  const year = DateTime.fromMillis(now, { zone }).year;
  if (
    req.gradYear !== undefined &&
    (req.gradYear < OLDEST_GRAD_YEAR || req.gradYear > year + SENIOR_STUDENT_YEARS)
  ) {
    return fail(
      'PROFILE.GRAD_YEAR',
      `grad_year must be between ${OLDEST_GRAD_YEAR} and ${year + SENIOR_STUDENT_YEARS} (got ${req.gradYear}). Example: grad_year:2019`,
    );
  }
  if (req.matchYear !== undefined && (req.matchYear < year || req.matchYear > year + MATCH_YEARS_AHEAD)) {
    return fail(
      'PROFILE.MATCH_YEAR',
      `match_year must be between ${year} and ${year + MATCH_YEARS_AHEAD} (got ${req.matchYear}). Example: match_year:${year + 1}`,
    );
  }
  const clear = parseClear(req.clear);
  if (!clear.ok) return clear;
  const specialties =
    req.specialties !== undefined
      ? normaliseList(req.specialties, 'specialties', normaliseSpecialty)
      : ok(undefined);
  if (!specialties.ok) return specialties;
  const states =
    req.states !== undefined ? normaliseList(req.states, 'states', normaliseState) : ok(undefined);
  if (!states.ok) return states;

  const current = clear.value === 'all' ? {} : await readProfile(deps, userId);
  const next: Record<string, unknown> = { ...current };
  if (clear.value !== 'all') for (const o of clear.value) delete next[PROFILE_FIELD[o]];
  const set: Partial<MemberProfile> = {
    step1: req.step1,
    step2ck: req.step2ck,
    ecfmg: req.ecfmg,
    visa: req.visa,
    gradYear: req.gradYear,
    maxFeeUsd: req.maxFeeUsd,
    specialties: specialties.value,
    states: states.value,
    matchYear: req.matchYear,
  };
  for (const [k, v] of Object.entries(set)) if (v !== undefined) next[k] = v;
  next.updatedAt = now;
  const profile = memberProfileSchema.parse(next);
  await deps.userSettings.updateUser(userId, { profile });
  return ok(profile);
}
