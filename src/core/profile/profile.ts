import { z } from 'zod';
import { specialtyLabel } from '../opportunities/specialties.ts';
import type { ReplyField } from '../reply.ts';

/**
 * A member's eligibility profile: where they stand on the requirements that
 * listings state (USMLE steps, ECFMG certification, visa, budget) plus what
 * they are looking for. Every field is optional: a field the member has not
 * given is "not given", never assumed.
 */
export const STEP1_VALUES = ['passed', 'not-yet'] as const;
export const STEP2CK_VALUES = ['passed', 'pending', 'not-yet'] as const;
export const ECFMG_VALUES = ['certified', 'in-progress', 'not-started'] as const;
export const VISA_VALUES = ['visitor', 'work-authorized', 'other'] as const;

export type Step1Status = (typeof STEP1_VALUES)[number];
export type Step2ckStatus = (typeof STEP2CK_VALUES)[number];
export type EcfmgStatus = (typeof ECFMG_VALUES)[number];
export type VisaStatus = (typeof VISA_VALUES)[number];

/** The stored shape, checked again when read back (a hand-edited or older record cannot crash a reply). */
export const memberProfileSchema = z
  .object({
    gradYear: z.number().int().optional(),
    step1: z.enum(STEP1_VALUES).optional(),
    step2ck: z.enum(STEP2CK_VALUES).optional(),
    ecfmg: z.enum(ECFMG_VALUES).optional(),
    visa: z.enum(VISA_VALUES).optional(),
    maxFeeUsd: z.number().int().min(0).optional(),
    specialties: z.array(z.string()).optional(),
    states: z.array(z.string()).optional(),
    matchYear: z.number().int().optional(),
    updatedAt: z.number().optional(),
  })
  .strip();

export type MemberProfile = z.infer<typeof memberProfileSchema>;

/** The profile fields a member can set or clear, by their option names. */
export const PROFILE_OPTIONS = [
  'step1',
  'step2ck',
  'ecfmg',
  'visa',
  'grad_year',
  'max_fee',
  'specialties',
  'states',
  'match_year',
] as const;
export type ProfileOption = (typeof PROFILE_OPTIONS)[number];

/** Option name -> stored field. */
export const PROFILE_FIELD: Readonly<Record<ProfileOption, keyof MemberProfile>> = {
  step1: 'step1',
  step2ck: 'step2ck',
  ecfmg: 'ecfmg',
  visa: 'visa',
  grad_year: 'gradYear',
  max_fee: 'maxFeeUsd',
  specialties: 'specialties',
  states: 'states',
  match_year: 'matchYear',
};

const STEP1_TEXT: Record<Step1Status, string> = { passed: 'passed', 'not-yet': 'not yet passed' };
const STEP2_TEXT: Record<Step2ckStatus, string> = {
  passed: 'passed',
  pending: 'taken, score pending',
  'not-yet': 'not yet taken',
};
const ECFMG_TEXT: Record<EcfmgStatus, string> = {
  certified: 'certified',
  'in-progress': 'in progress',
  'not-started': 'not started',
};
const VISA_TEXT: Record<VisaStatus, string> = {
  visitor: 'needs a visitor visa (B1/B2)',
  'work-authorized': 'has U.S. work authorization',
  other: 'other',
};

const NOT_GIVEN = 'not given';

/** True when the member has given at least one field. */
export function hasProfile(p: MemberProfile | undefined): p is MemberProfile {
  return p !== undefined && PROFILE_OPTIONS.some((o) => p[PROFILE_FIELD[o]] !== undefined);
}

/** The profile as reply fields, every field shown (a missing one as "not given"). */
export function profileFields(p: MemberProfile): ReplyField[] {
  const money = (n: number) => (n === 0 ? '$0 (free listings only)' : `$${n.toLocaleString('en-US')}`);
  return [
    { name: 'Step 1', value: p.step1 ? STEP1_TEXT[p.step1] : NOT_GIVEN, inline: true },
    { name: 'Step 2 CK', value: p.step2ck ? STEP2_TEXT[p.step2ck] : NOT_GIVEN, inline: true },
    { name: 'ECFMG certification', value: p.ecfmg ? ECFMG_TEXT[p.ecfmg] : NOT_GIVEN, inline: true },
    { name: 'Visa', value: p.visa ? VISA_TEXT[p.visa] : NOT_GIVEN, inline: true },
    {
      name: 'Graduation year',
      value: p.gradYear !== undefined ? String(p.gradYear) : NOT_GIVEN,
      inline: true,
    },
    { name: 'Largest fee', value: p.maxFeeUsd !== undefined ? money(p.maxFeeUsd) : NOT_GIVEN, inline: true },
    {
      name: 'Specialties',
      value: p.specialties?.length ? p.specialties.map(specialtyLabel).join(', ') : NOT_GIVEN,
    },
    { name: 'States', value: p.states?.length ? p.states.join(', ') : NOT_GIVEN },
    {
      name: 'Target Match',
      value: p.matchYear !== undefined ? String(p.matchYear) : NOT_GIVEN,
      inline: true,
    },
  ];
}
