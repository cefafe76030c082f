import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/core/commands/dispatch.ts';
import type { ListingSearch } from '../../src/core/opportunities/listing.port.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { indexWords } from '../../src/core/opportunities/listing-text.ts';
import type { Reply } from '../../src/core/reply.ts';
import { RedisListingsStore } from '../../src/store/listings/listings.redis-store.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells as cells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';

const DAY = 86_400_000;
let app: TestApp;
let clock: FakeClock;

afterEach(async () => {
  await app.dispose();
});

function idsOf(r: Reply): readonly string[] {
  expect(r.error, r.text).toBe(false);
  // The reply's ids are the records it shows, in display order.
  expect(r.ids).toEqual(r.records.map((rec) => rec.id));
  return r.ids;
}

/**
 * Five published observerships (C, A, B by deadline; E and D rolling, E
 * posted later), an externship, a research post, and a pending and a
 * withdrawn observership that no search may show.
 */
async function seedCatalogue(): Promise<void> {
  await seedListings(
    app,
    [
      cells({
        id: 'obs-a',
        specialties: 'cardiology',
        city: 'Albany',
        lor_possible: 'yes',
        deadline: '2027-02-01',
        description: 'Heart failure clinic rounds with the consult team.',
      }),
      cells({
        id: 'obs-b',
        title: 'Outpatient Cardiology Observership',
        specialties: 'cardiology;internal-medicine',
        institution: 'Hudson Lantern Cardiology Group',
        city: 'New York',
        fee_usd: '600',
        step1_required: 'yes',
        deadline: '2027-03-01',
        description: 'Clinic and stress lab.',
      }),
      cells({
        id: 'obs-c',
        title: 'Internal Medicine Observership',
        specialties: 'internal-medicine',
        institution: 'Pinecrest Valley Hospital',
        city: 'Paterson',
        state: 'NJ',
        ecfmg_required: 'yes',
        deadline: '2027-01-20',
        description: 'Hospitalist rounds.',
      }),
      cells({
        id: 'ext-f',
        title: 'Internal Medicine Externship',
        type: 'externship',
        hands_on: 'yes',
        specialties: 'IM',
        institution: 'Lakeshore Internal Medicine Associates',
        city: 'Rochester',
        fee_usd: '2800',
        step1_required: 'yes',
        step2ck_required: 'yes',
        lor_possible: 'yes',
        deadline: '2027-04-01',
        description: 'See patients and present them to the supervising internist.',
      }),
      cells({
        id: 'ext-g',
        title: 'OB/GYN Externship',
        type: 'externship',
        hands_on: 'yes',
        specialties: 'OB/GYN',
        institution: 'Mangrove Point Women’s Health',
        city: 'Tampa',
        state: 'FL',
        fee_usd: '2000',
        deadline: '2027-02-15',
        description: 'Prenatal clinic under the supervising obstetrician.',
      }),
      cells({ id: 'obs-pending', status: 'pending', deadline: '2027-01-10' }),
      cells({ id: 'obs-withdrawn', status: 'withdrawn', deadline: '2027-01-11' }),
    ],
    T0 - 10 * DAY,
  );
  // Rolling admissions, posted on different days: the newer one (E) comes first among them.
  await seedListings(
    app,
    [
      cells({
        id: 'obs-d',
        title: 'Hands-on Cardiology Observership',
        hands_on: 'yes',
        city: 'Buffalo',
        fee_usd: '1200',
        step2ck_required: 'yes',
        lor_possible: 'yes',
        deadline: '',
        description: 'Examine patients under the supervision of an attending.',
      }),
      cells({ id: 'res-h', type: 'research', title: 'Cardiology Research Assistant', deadline: '' }),
    ],
    T0 - 3 * DAY,
  );
  await seedListings(
    app,
    [
      cells({
        id: 'obs-e',
        title: 'Pediatrics Clinic Observership',
        specialties: 'peds',
        institution: 'Mesquite Hollow Pediatrics',
        city: 'Houston',
        state: 'TX',
        deadline: '',
        description: 'Well-child visits.',
      }),
    ],
    T0 - DAY,
  );
}

describe('searching listings', () => {
  beforeEach(async () => {
    clock = new FakeClock(T0);
    app = createTestApp({ clock });
    await seedCatalogue();
  });

  it('shows only published listings, nearest deadline first, rolling admissions last (newest first)', async () => {
    expect(idsOf(await run(app, '/observership'))).toEqual(['obs-c', 'obs-a', 'obs-b', 'obs-e', 'obs-d']);
    const all = await run(app, '/opportunities');
    expect(idsOf(all)).toEqual(['obs-c', 'obs-a', 'ext-g', 'obs-b', 'ext-f']);
    expect(all.text).toContain('8 listings match.');
    const next = all.actions.find((a) => a.label === 'Next page');
    const rest = await runAction(next?.action ?? '', next?.payload ?? '', app.as('amina'));
    expect(idsOf(rest)).toEqual(['obs-e', 'obs-d', 'res-h']);
    expect(idsOf(await run(app, '/opportunities type:research'))).toEqual(['res-h']);
    expect(idsOf(await run(app, '/externship'))).toEqual(['ext-g', 'ext-f']);
  });

  it.each<[string, string[]]>([
    ['specialty:cardiology', ['obs-a', 'obs-b', 'obs-d']],
    ['specialty:IM', ['obs-c', 'obs-b']],
    ['specialty:"internal medicine"', ['obs-c', 'obs-b']],
    ['specialty:peds', ['obs-e']],
    ['state:NY', ['obs-a', 'obs-b', 'obs-d']],
    ['state:"new york"', ['obs-a', 'obs-b', 'obs-d']],
    ['state:nj', ['obs-c']],
    ['city:"new york"', ['obs-b']],
    ['city:ALBANY', ['obs-a']],
    ['hands_on:true', ['obs-d']],
    ['hands_on:false', ['obs-c', 'obs-a', 'obs-b', 'obs-e']],
    ['max_fee:600', ['obs-c', 'obs-a', 'obs-b', 'obs-e']],
    ['max_fee:0', ['obs-c', 'obs-a', 'obs-e']],
    ['free:true', ['obs-c', 'obs-a', 'obs-e']],
    ['no_usmle:true', ['obs-c', 'obs-a', 'obs-e']],
    ['no_ecfmg:true', ['obs-a', 'obs-b', 'obs-e', 'obs-d']],
    ['lor:true', ['obs-a', 'obs-d']],
    ['deadline_before:2027-03-01', ['obs-c', 'obs-a']],
    ['deadline_before:2027-03-02', ['obs-c', 'obs-a', 'obs-b']],
    ['q:"heart failure"', ['obs-a']],
    ['q:clinics', ['obs-a', 'obs-b', 'obs-e']],
    ['q:pinecrest', ['obs-c']],
    ['q:paterson', ['obs-c']],
    ['q:"stress lab"', ['obs-b']],
    ['specialty:cardiology state:NY hands_on:true', ['obs-d']],
    ['specialty:cardiology free:true lor:true', ['obs-a']],
  ])('/observership %s finds exactly %j', async (filters, expected) => {
    expect(idsOf(await run(app, `/observership ${filters}`))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['/observership cardiology NY free', '/observership specialty:cardiology state:NY free:true'],
    ['/observership cardiology NY hands-on', '/observership specialty:cardiology state:NY hands_on:true'],
    ['/observership IM', '/observership specialty:internal-medicine'],
    ['/observership internal medicine New Jersey', '/observership specialty:IM state:NJ'],
    ['/observership cardiology in New York rounds', '/observership specialty:cardiology state:NY q:rounds'],
    ['/observership no usmle observational', '/observership no_usmle:true hands_on:false'],
    ['/observership cardiology under $700', '/observership specialty:cardiology max_fee:700'],
    ['/observership before 2027-03-01', '/observership deadline_before:2027-03-01'],
    [
      '/opportunities externship IM hands-on lor',
      '/opportunities type:externship specialty:IM hands_on:true lor:true',
    ],
    ['/opportunities research cardiology', '/opportunities type:research specialty:cardiology'],
  ])('bare words %j search like %j', async (bare, keyed) => {
    const a = await run(app, bare);
    const b = await run(app, keyed);
    expect(idsOf(a).length).toBeGreaterThan(0);
    expect(idsOf(a)).toEqual(idsOf(b));
    expect(a.title).toBe(b.title);
  });

  it('refuses two specialties or an unknown one with a specific message, suggesting the closest', async () => {
    const two = await run(app, '/observership cardiology neurology');
    expect(two).toMatchObject({ error: true, code: 'SEARCH.TWO_VALUES' });
    expect(two.text).toContain('Pick one specialty');
    const typo = await run(app, '/observership specialty:cardiolgy');
    expect(typo).toMatchObject({ error: true, code: 'SPECIALTY.UNKNOWN' });
    expect(typo.text).toContain('Did you mean cardiology');
    const state = await run(app, '/observership state:"Nwe York"');
    expect(state.error).toBe(true);
    expect(state.text).toContain('Did you mean NY');
  });

  it('with no match says so and names the filter that cut the most, with a button that runs the looser search', async () => {
    const none = await run(app, '/observership specialty:pediatrics state:NY');
    expect(none.error).toBe(false);
    expect(none.ids).toEqual([]);
    expect(none.text).toContain('No observerships match pediatrics · NY.');
    // Without the specialty 3 NY observerships match; without the state only 1 pediatric one.
    expect(none.text).toContain(
      'The filter that cut the most is specialty:pediatrics: without it, 3 listings match.',
    );
    expect(none.text).toContain('Try /observership state:NY');
    const button = none.actions.find((a) => a.label === 'Search without specialty');
    expect(button).toBeDefined();
    const looser = await runAction(button?.action ?? '', button?.payload ?? '', app.as('amina'));
    expect(idsOf(looser)).toEqual(['obs-a', 'obs-b', 'obs-d']);
  });

  it('shows a listing in full with remind / track / report actions; rolling ones have no deadline reminder', async () => {
    const full = await run(app, '/opportunity id:obs-a');
    expect(full.error).toBe(false);
    expect(full.title).toBe('Cardiology Observership');
    expect(full.ids).toEqual(['obs-a']);
    const fields = Object.fromEntries(full.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      Where: 'Riverbend Community Hospital, Albany, NY',
      Fee: 'free',
      'Letter of recommendation': 'possible',
      Requirements: 'no USMLE or ECFMG requirement',
      Contact: 'observers@riverbend.example.org',
      'Last verified': 'not yet verified by a moderator',
    });
    expect(fields.Deadline).toContain('apply by Mon 1 Feb 2027');
    expect(full.actions.map((a) => [a.action, a.payload])).toEqual([
      ['deadline.subscribe', 'obs-a'],
      ['tracker.add-listing', 'obs-a'],
      ['listing.report', 'obs-a'],
    ]);
    const rolling = await run(app, '/opportunity obs-d');
    expect(rolling.actions.map((a) => a.action)).toEqual(['tracker.add-listing', 'listing.report']);
    expect(rolling.fields.find((f) => f.name === 'Deadline')?.value).toBe('rolling admission');
  });

  it('hides pending listings from other members but not from moderators; unknown ids get a clear error', async () => {
    expect((await run(app, '/opportunity id:obs-pending')).code).toBe('LISTING.NOT_FOUND');
    const mod = await run(app, '/opportunity id:obs-pending', 'mod', true);
    expect(mod.fields.find((f) => f.name === 'Status')?.value).toBe('pending');
    const unknown = await run(app, '/opportunity id:nope-404');
    expect(unknown).toMatchObject({ error: true, code: 'LISTING.NOT_FOUND' });
    expect(unknown.text).toContain('No listing has the id "nope-404"');
  });
});

describe('paging', () => {
  beforeEach(async () => {
    clock = new FakeClock(T0);
    app = createTestApp({ clock });
  });

  it('pages 5 at a time with next/previous buttons; ids are each page in display order', async () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      cells({
        id: `obs-${String(i + 1).padStart(2, '0')}`,
        title: `Observership ${i + 1}`,
        deadline: `2027-02-${String(28 - i * 2).padStart(2, '0')}`,
      }),
    );
    await seedListings(app, rows);
    const expected = rows.map((r) => r.id).reverse(); // later rows have earlier deadlines
    const me = app.as('amina');

    const page1 = await run(app, '/observership cardiology');
    expect(idsOf(page1)).toEqual(expected.slice(0, 5));
    expect(page1.footer).toBe('Page 1 of 3');
    expect(page1.text).toContain('12 listings match. Showing 1-5');
    expect(page1.actions.map((a) => a.label)).not.toContain('Previous page');
    const next1 = page1.actions.find((a) => a.label === 'Next page');
    expect(next1).toBeDefined();

    const page2 = await runAction(next1?.action ?? '', next1?.payload ?? '', me);
    expect(idsOf(page2)).toEqual(expected.slice(5, 10));
    expect(page2.footer).toBe('Page 2 of 3');
    const labels2 = page2.actions.map((a) => a.label);
    expect(labels2.slice(0, 2)).toEqual(['Previous page', 'Next page']);

    const next2 = page2.actions.find((a) => a.label === 'Next page');
    const page3 = await runAction(next2?.action ?? '', next2?.payload ?? '', me);
    expect(idsOf(page3)).toEqual(expected.slice(10));
    expect(page3.actions.map((a) => a.label)).not.toContain('Next page');

    const prev = page3.actions.find((a) => a.label === 'Previous page');
    const back = await runAction(prev?.action ?? '', prev?.payload ?? '', me);
    expect(idsOf(back)).toEqual(expected.slice(5, 10));
  });

  it('a stale or forged page button gets a specific message, not a crash', async () => {
    const stale = await runAction('listing.page', 'zzzzzzzzzz.2', app.as('amina'));
    expect(stale).toMatchObject({ error: true, code: 'SEARCH.EXPIRED' });
    const forged = await runAction('listing.page', '../../etc', app.as('amina'));
    expect(forged).toMatchObject({ error: true, code: 'SEARCH.BAD_PAGE' });
  });
});

describe('expiry at the deadline', () => {
  const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

  beforeEach(async () => {
    clock = new FakeClock(T0);
    app = createTestApp({ clock });
    await seedListings(app, [
      cells({ id: 'obs-ny', deadline: '2027-03-15' }),
      cells({
        id: 'obs-la',
        title: 'West Coast Cardiology Observership',
        deadline: '2027-03-15',
        timezone: 'America/Los_Angeles',
      }),
    ]);
  });

  it('closes a date-only deadline at 23:59 of that day in the listing’s own zone', async () => {
    clock.current = at('2027-03-15T23:58:59', 'America/New_York');
    expect(idsOf(await run(app, '/observership'))).toEqual(['obs-ny', 'obs-la']);

    clock.current = at('2027-03-15T23:59', 'America/New_York');
    expect(idsOf(await run(app, '/observership'))).toEqual(['obs-la']);
    // The search swept it: the stored status is expired, and members see it closed.
    expect((await app.deps.listings.get('obs-ny'))?.status).toBe('expired');
    const closed = await run(app, '/opportunity id:obs-ny');
    expect(closed.fields.find((f) => f.name === 'Status')?.value).toBe('expired');
    expect(closed.fields.find((f) => f.name === 'Deadline')?.value).toBe('closed Mon 15 Mar 2027');
    expect(closed.actions.map((a) => a.action)).toEqual(['listing.report']);

    clock.current = at('2027-03-15T23:59', 'America/Los_Angeles');
    const none = await run(app, '/observership');
    expect(none.ids).toEqual([]);
    expect(none.text).toContain('No observerships are open right now');
  });
});

describe('the store finds the same pages whichever strategy a search takes', () => {
  /** The expected result, computed the slow way: filter everything, then sort by deadline (rolling last, newest first). */
  function expected(all: readonly Listing[], q: ListingSearch, now: number): string[] {
    const score = (l: Listing) => l.deadlineAt ?? 9e15 - l.postedAt;
    return (
      all
        .filter((l) => l.status === 'published' && (l.deadlineAt === null || l.deadlineAt > now))
        .filter((l) => !q.type || l.type === q.type)
        .filter((l) => !q.specialty || l.specialties.includes(q.specialty))
        .filter((l) => !q.state || l.state === q.state)
        .filter((l) => q.handsOn === undefined || l.handsOn === q.handsOn)
        // Unknown is not no: a value the listing does not state (null) matches none of these.
        .filter((l) => q.maxFee === undefined || (l.feeUsd !== null && l.feeUsd <= q.maxFee))
        .filter((l) => !q.free || l.feeUsd === 0)
        .filter((l) => !q.noUsmle || (l.requirements.step1 === false && l.requirements.step2ck === false))
        .filter((l) => !q.noEcfmg || l.requirements.ecfmg === false)
        .filter((l) => !q.lor || l.lorPossible === true)
        .filter(
          (l) => q.deadlineBefore === undefined || (l.deadlineAt !== null && l.deadlineAt < q.deadlineBefore),
        )
        .filter((l) => {
          const words = indexWords([l.title, l.institution, l.city, l.description].join(' '));
          return (q.words ?? []).every((w) => words.includes(w));
        })
        .sort((a, b) => score(a) - score(b) || (a.id < b.id ? -1 : 1))
        .map((l) => l.id)
    );
  }

  it('on 400 varied listings, with a tiny threshold (walks, counts, fee sets) and the default one', async () => {
    clock = new FakeClock(T0);
    app = createTestApp({ clock });
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const choose = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const rows = Array.from({ length: 400 }, (_, i) => {
      const handsOn = rnd() < 0.4;
      return cells({
        id: `l-${String(i).padStart(3, '0')}`,
        title: `Listing ${i}`,
        type: choose(['observership', 'externship', 'research']),
        hands_on: handsOn ? 'yes' : 'no',
        specialties: choose(['cardiology', 'IM', 'cardiology;IM', 'peds']),
        state: choose(['NY', 'NY', 'NJ', 'TX']),
        // '' is "not stated" in a spreadsheet: it must never count as free, no or possible.
        fee_usd: String(choose([0, 0, 250, 900, 1500, 2500, ''])),
        step1_required: choose(['yes', 'no', 'no', '']),
        step2ck_required: choose(['yes', 'no', 'no', 'no', '']),
        ecfmg_required: choose(['yes', 'no', 'no', '']),
        lor_possible: choose(['yes', 'no', '']),
        deadline:
          rnd() < 0.3
            ? ''
            : (DateTime.fromMillis(T0)
                .plus({ days: 1 + Math.floor(rnd() * 300) })
                .toISODate() ?? ''),
        description: `${choose(['Clinic', 'Ward', 'Lab'])} work${handsOn ? ', supervised by the attending' : ''}.`,
      });
    });
    for (let i = 0; i < rows.length; i += 100) await seedListings(app, rows.slice(i, i + 100), T0 + i * 1000);
    const all = await app.deps.listings.list(0, 1000);
    const later = T0 + 60 * DAY; // some deadlines have passed: those must never come back
    const before = DateTime.fromMillis(T0).plus({ days: 200 }).toMillis();
    const queries: ListingSearch[] = [
      {},
      { type: 'externship' },
      { specialty: 'cardiology' },
      { specialty: 'cardiology', state: 'NY' },
      { type: 'observership', specialty: 'internal-medicine', state: 'NY' },
      { handsOn: true },
      { noEcfmg: true, lor: true },
      { type: 'research', handsOn: true },
      { maxFee: 0 },
      { maxFee: 250 },
      { maxFee: 1500, noUsmle: true },
      { state: 'NY', handsOn: false, maxFee: 1000 },
      { deadlineBefore: before },
      { deadlineBefore: before, lor: true, type: 'externship' },
      { words: ['clinic'] },
      { words: ['clinic', 'supervised'], free: true },
      { specialty: 'pediatrics', state: 'TX', lor: true, noUsmle: true },
      { specialty: 'pediatrics', state: 'TX', maxFee: 1000 },
    ];
    const tiny = new RedisListingsStore(app.redis, app.keys, { smallIntersection: 10 });
    // At T0 nothing has passed (counts may skip a pass); 60 days on, passed deadlines must be left out.
    for (const [store, now] of [
      [tiny, T0],
      [tiny, later],
      [app.deps.listings, later],
    ] as const) {
      const counts = await store.counts(queries, now);
      for (const [i, q] of queries.entries()) {
        const want = expected(all, q, now);
        for (const offset of [0, 5, 25]) {
          const page = await store.search(q, now, { offset, count: 5 });
          const what = `${JSON.stringify(q)} at ${offset}`;
          expect(
            page.listings.map((l) => l.id),
            what,
          ).toEqual(want.slice(offset, offset + 5));
          expect(page.hasMore, what).toBe(want.length > offset + 5);
          if (page.exact) expect(page.total, what).toBe(want.length);
          else expect(page.total, what).toBeLessThanOrEqual(want.length);
        }
        const c = counts[i];
        if (c?.exact) expect(c.total, JSON.stringify(q)).toBe(want.length);
        else expect(c?.total ?? 0, JSON.stringify(q)).toBeLessThanOrEqual(want.length);
      }
    }
    // The default threshold counts every one of these exactly; the tiny one had to walk some.
    const exact = await app.deps.listings.counts(queries, later);
    expect(exact.every((c) => c.exact)).toBe(true);
    expect((await tiny.counts(queries, later)).some((c) => !c.exact)).toBe(true);
    expect(await app.redis.exists(`${app.keys.k('{listings}')}:tmp:hits`)).toBe(0);
  });
});
