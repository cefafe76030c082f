/**
 * "You qualify" through the core on real Redis: every listing shown to a
 * member with a profile says whether they meet what it states, `eligible`
 * keeps only those, and an `eligible` alert matches only those.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function seeded(): Promise<TestApp> {
  app = createTestApp({ clock: new FakeClock(T0) });
  await seedListings(app, [
    listingCells({
      id: 'ext-open',
      title: 'Open Medicine Externship',
      type: 'externship',
      hands_on: 'no',
      institution: 'Lakeside Clinic',
      city: 'Albany',
      fee_usd: '400',
    }),
    listingCells({
      id: 'ext-step2',
      title: 'Step Two Ward Rotation',
      type: 'externship',
      hands_on: 'no',
      institution: 'Hilltop Medical',
      city: 'Buffalo',
      step2ck_required: 'yes',
      fee_usd: '400',
    }),
    listingCells({
      id: 'ext-silent',
      title: 'Quiet Requirements Block',
      type: 'externship',
      hands_on: 'no',
      institution: 'Harbor Health',
      city: 'Rochester',
      ecfmg_required: '',
      fee_usd: '400',
    }),
    listingCells({
      id: 'ext-hands',
      title: 'Hands On Surgery Month',
      type: 'externship',
      hands_on: 'yes',
      institution: 'Summit General',
      city: 'Syracuse',
      fee_usd: '400',
      description: 'Externs see patients supervised by the attending surgeons.',
    }),
  ]);
  return app;
}

const forYou = (
  r: { records: readonly { id: string; fields?: readonly { name: string; value: string }[] }[] },
  id: string,
) => r.records.find((x) => x.id === id)?.fields?.find((f) => f.name === 'For you')?.value;

describe('you qualify', () => {
  it('marks every listing for a member with a profile, and nothing for one without', async () => {
    const a = await seeded();
    const before = await run(a, '/externship');
    expect(forYou(before, 'ext-open')).toBeUndefined();

    await run(a, '/profile step1:passed step2ck:pending ecfmg:in-progress visa:visitor');
    const r = await run(a, '/externship');
    expect(forYou(r, 'ext-open')).toBe(
      '✗ needs ECFMG certification'.replace('✗ needs ECFMG certification', '✓ meets the stated requirements'),
    );
    expect(forYou(r, 'ext-step2')).toBe('✗ needs Step 2 CK');
    expect(forYou(r, 'ext-silent')).toBe('? check: ECFMG certification requirement not stated');
    expect(forYou(r, 'ext-hands')).toBe('✗ hands-on: not open on a visitor visa');

    const detail = await run(a, '/opportunity id:ext-step2');
    expect(detail.fields.find((f) => f.name === 'For you')?.value).toBe('✗ needs Step 2 CK');
  });

  it('eligible (option or bare word) keeps only the listings the member meets; it needs a profile', async () => {
    const a = await seeded();
    const none = await run(a, '/externship eligible');
    expect(none.code).toBe('SEARCH.NO_PROFILE');
    await run(a, '/profile step1:passed step2ck:pending ecfmg:in-progress visa:visitor');
    for (const line of ['/externship eligible', '/externship eligible:true', '/opportunities eligible:yes']) {
      const r = await run(a, line);
      expect(r.ids, line).toEqual(['ext-open']);
    }
    const clash = await run(a, '/externship hands_on:true eligible');
    expect(clash.code).toBe('SEARCH.ELIGIBLE_HANDS_ON');
  });
});

describe('the listing index after its rules change', () => {
  it('re-indexes listings saved under older rules once, so the eligible filter finds them', async () => {
    const a = await seeded();
    await run(a, '/profile step1:passed step2ck:pending ecfmg:in-progress visa:visitor');
    // An install from before the `s1no`/`s2no` sets: those sets are missing and the version is 1.
    const base = a.listingsStore.base;
    await a.redis.del(`${base}s2no`, `${base}tf:externship:s2no`);
    await a.redis.set(`${base}index-version`, '1');
    expect((await run(a, '/externship eligible')).ids).toEqual([]); // nothing found before the rebuild

    expect(await a.listingsStore.reindexIfStale()).toBe(4);
    expect((await run(a, '/externship eligible')).ids).toEqual(['ext-open']);
    expect(await a.listingsStore.reindexIfStale()).toBe(0); // once per version
  });
});
