import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells as cells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';

let app: TestApp;

afterEach(async () => {
  await app.dispose();
});

function ids(r: Reply): string[] {
  expect(r.error, r.text).toBe(false);
  return [...r.ids].sort();
}

/** One observership per city (id = city), and cardiology research posts in two cities. */
async function seedCities(): Promise<void> {
  const where: [string, string, string][] = [
    ['manhattan', 'New York', 'NY'],
    ['brooklyn', 'Brooklyn', 'NY'],
    ['bronx', 'Bronx', 'NY'],
    ['flushing', 'Flushing', 'NY'],
    ['albany', 'Albany', 'NY'],
    ['newark', 'Newark', 'NJ'],
    ['jersey-city', 'Jersey City', 'NJ'],
    ['yonkers', 'Yonkers', 'NY'],
    ['los-angeles', 'Los Angeles', 'CA'],
    ['pasadena-ca', 'Pasadena', 'CA'],
    ['new-orleans', 'New Orleans', 'LA'],
    ['philadelphia', 'Philadelphia', 'PA'],
    ['camden', 'Camden', 'NJ'],
    ['washington', 'Washington', 'DC'],
    ['chicago', 'Chicago', 'IL'],
    ['evanston', 'Evanston', 'IL'],
    ['houston', 'Houston', 'TX'],
    ['pasadena-tx', 'Pasadena', 'TX'],
  ];
  await seedListings(app, [
    ...where.map(([id, city, state]) =>
      cells({ id: `obs-${id}`, title: `Observership ${id}`, city, state, specialties: 'internal-medicine' }),
    ),
    cells({
      id: 'res-cardio-1',
      type: 'research',
      specialties: 'cardiology',
      title: 'Heart Research',
      city: 'Albany',
    }),
    cells({
      id: 'res-cardio-2',
      type: 'research',
      specialties: 'cardiology',
      title: 'Cardiac Outcomes Research',
      city: 'Houston',
      state: 'TX',
    }),
    cells({ id: 'res-neuro', type: 'research', specialties: 'neurology', title: 'Stroke Research' }),
  ]);
}

describe('bare-word search: typos, city nicknames and metro areas', () => {
  beforeEach(async () => {
    app = createTestApp({ clock: new FakeClock(T0), settings: { pageSize: 10 } });
    await seedCities();
  });

  it('GIVEN a misspelt specialty THEN it searches the specialty and says what it read', async () => {
    const typo = await run(app, '/research cardiolgy');
    expect(ids(typo)).toEqual(['res-cardio-1', 'res-cardio-2']);
    expect(typo.text).toContain('Searching cardiology (you typed cardiolgy).');
    const exact = await run(app, '/research cardiology');
    expect(typo.title).toBe(exact.title);
    expect(exact.text).not.toContain('you typed');
    // An explicit option still asks instead of guessing.
    expect((await run(app, '/research specialty:cardiolgy')).code).toBe('SPECIALTY.UNKNOWN');
  });

  it.each<[string, string[]]>([
    ['NYC', ['obs-bronx', 'obs-brooklyn', 'obs-flushing', 'obs-manhattan']],
    ['New York City', ['obs-bronx', 'obs-brooklyn', 'obs-flushing', 'obs-manhattan']],
    ['city:NYC', ['obs-bronx', 'obs-brooklyn', 'obs-flushing', 'obs-manhattan']],
    [
      'NYC area',
      [
        'obs-bronx',
        'obs-brooklyn',
        'obs-flushing',
        'obs-jersey-city',
        'obs-manhattan',
        'obs-newark',
        'obs-yonkers',
      ],
    ],
    ['NYC area NJ', ['obs-jersey-city', 'obs-newark']],
    ['LA', ['obs-los-angeles']],
    ['Los Angeles area', ['obs-los-angeles', 'obs-pasadena-ca']],
    ['Philly', ['obs-philadelphia']],
    ['greater Philly', ['obs-camden', 'obs-philadelphia']],
    ['DC', ['obs-washington']],
    ['Chicago', ['obs-chicago']],
    ['Chicago metro', ['obs-chicago', 'obs-evanston']],
    ['Houston', ['obs-houston']],
    ['Houston area', ['obs-houston', 'obs-pasadena-tx']],
    ['state:LA', ['obs-new-orleans']],
  ])('/observership %s finds exactly %j', async (words, expected) => {
    expect(ids(await run(app, `/observership ${words}`))).toEqual(expected);
  });

  it('says what a place covers and how to widen it, and that LA is not Louisiana', async () => {
    const nyc = await run(app, '/observership NYC');
    expect(nyc.title).toContain('New York City');
    expect(nyc.text).toContain('Searching New York City (');
    expect(nyc.text).toContain('Brooklyn');
    expect(nyc.text).toContain('"NYC area" adds nearby cities');
    const area = await run(app, '/observership NYC area');
    expect(area.title).toContain('New York City area');
    expect(area.text).toContain('Newark');
    expect((await run(app, '/observership LA')).text).toContain('For Louisiana, type state:LA.');
  });

  it('GIVEN a misspelt city THEN it searches the city and says so', async () => {
    const r = await run(app, '/observership Chicgo');
    expect(ids(r)).toEqual(['obs-chicago']);
    expect(r.text).toContain('Searching Chicago (you typed Chicgo).');
  });

  it('keeps lower-case words that spell a nickname as words ("la" is not Los Angeles)', async () => {
    const r = await run(app, '/observership la');
    expect(r.title).not.toContain('Los Angeles');
  });
});
