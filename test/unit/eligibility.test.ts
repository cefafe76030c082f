import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { assessFit, eligibleSearch, fitText } from '../../src/core/profile/eligibility.ts';
import type { MemberProfile } from '../../src/core/profile/profile.ts';

function listing(over: Partial<Listing> & { req?: Partial<Listing['requirements']> } = {}): Listing {
  const { req, ...rest } = over;
  return {
    id: 'ext-1',
    title: 'Externship',
    type: 'externship',
    handsOn: false,
    specialties: ['cardiology'],
    institution: 'Riverbend',
    city: 'Albany',
    state: 'NY',
    country: 'US',
    setting: 'community-hospital',
    durationWeeks: { min: 4, max: 4 },
    feeUsd: 500,
    feeCovers: 'administration',
    requirements: { step1: false, step2ck: false, ecfmg: false, other: '', ...req },
    lorPossible: true,
    deadline: null,
    startDate: null,
    timezone: 'America/New_York',
    contact: 'x@riverbend.example.org',
    description: '',
    status: 'published',
    deadlineAt: null,
    postedBy: 'shell:mod',
    postedAt: 0,
    postedIn: 'shell:local',
    updatedAt: 0,
    verifiedAt: null,
    flags: [],
    ...rest,
  } as Listing;
}

const ALL_PASSED: MemberProfile = {
  step1: 'passed',
  step2ck: 'passed',
  ecfmg: 'certified',
  visa: 'work-authorized',
};

describe('assessFit: what the member meets by what the listing states', () => {
  it('GIVEN every requirement stated and met THEN "meets the stated requirements"', () => {
    const f = assessFit(ALL_PASSED, listing({ req: { step1: true, step2ck: true, ecfmg: true } }));
    expect(fitText(f)).toBe('✓ meets the stated requirements');
  });
  it('GIVEN Step 2 CK required and the score pending THEN "needs Step 2 CK"', () => {
    const f = assessFit({ ...ALL_PASSED, step2ck: 'pending' }, listing({ req: { step2ck: true } }));
    expect(f.verdict).toBe('no');
    expect(fitText(f)).toBe('✗ needs Step 2 CK');
  });
  it('GIVEN ECFMG required and certification in progress THEN "needs ECFMG certification"', () => {
    expect(assessFit({ ecfmg: 'in-progress' }, listing({ req: { ecfmg: true } })).missing).toEqual([
      'needs ECFMG certification',
    ]);
  });
  it('GIVEN a requirement the listing does not state THEN never a fit, the gap is named', () => {
    const f = assessFit({ step1: 'not-yet' }, listing({ req: { step1: null } }));
    expect(f.verdict).toBe('unknown');
    expect(fitText(f)).toBe('? check: Step 1 requirement not stated');
  });
  it('GIVEN a fee above the budget, or no fee stated THEN above budget / not stated', () => {
    expect(fitText(assessFit({ ...ALL_PASSED, maxFeeUsd: 300 }, listing()))).toBe('✗ fee above your budget');
    expect(fitText(assessFit({ ...ALL_PASSED, maxFeeUsd: 300 }, listing({ feeUsd: null })))).toBe(
      '? check: fee not stated',
    );
  });
  it('GIVEN a visitor-visa member THEN a hands-on role is never a fit', () => {
    const f = assessFit({ ...ALL_PASSED, visa: 'visitor' }, listing({ handsOn: true }));
    expect(f.verdict).toBe('no');
    expect(f.missing).toContain('hands-on: not open on a visitor visa');
  });
  it('GIVEN a graduation year and a listing silent on it THEN a fit, with "graduation-year limit not stated"', () => {
    expect(fitText(assessFit({ ...ALL_PASSED, gradYear: 2015 }, listing()))).toBe(
      '✓ meets the stated requirements (graduation-year limit not stated)',
    );
  });
});

describe('eligibleSearch: the store filters of `eligible`', () => {
  it('GIVEN exams not passed, a visitor visa and a budget THEN stated-no exams, observational, fee cap', () => {
    expect(
      eligibleSearch(
        { step1: 'passed', visa: 'visitor', maxFeeUsd: 800 },
        { type: 'externship', maxFee: 2000 },
      ),
    ).toEqual({
      type: 'externship',
      step2ckNo: true,
      noEcfmg: true,
      handsOn: false,
      maxFee: 800,
    });
  });
  it('GIVEN hands-on asked by a visitor-visa member THEN contradiction (undefined)', () => {
    expect(eligibleSearch({ visa: 'visitor' }, { handsOn: true })).toBeUndefined();
  });
});
