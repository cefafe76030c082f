import { describe, expect, it } from 'vitest';
import { alertMatches } from '../../src/core/alerts/alert.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { parseSearchWords } from '../../src/core/opportunities/search-bare-words.ts';
import { correctSpecialtyWord } from '../../src/core/opportunities/specialties.ts';
import { placeCities, resolvePlace } from '../../src/core/opportunities/us-places.ts';

describe('resolvePlace', () => {
  it.each([
    ['NYC', 'New York City'],
    ['new york city', 'New York City'],
    ['N.Y.C.', 'New York City'],
    ['NYC area', 'New York City area'],
    ['greater Boston', 'Boston area'],
    ['near DC', 'Washington, DC area'],
    ['Philly', 'Philadelphia'],
    ['LA', 'Los Angeles'],
    ['New York City area', 'New York City area'],
  ])('GIVEN %s THEN %s', (typed, name) => {
    expect(resolvePlace(typed)?.name).toBe(name);
  });

  it.each(['New York', 'Albany', 'Springfield', ''])(
    'GIVEN %j THEN no named place (a plain city)',
    (typed) => {
      expect(resolvePlace(typed)).toBeUndefined();
    },
  );

  it('GIVEN the NYC area THEN its cities carry their states (Newark, NJ; not a Newark elsewhere)', () => {
    const area = placeCities(resolvePlace('NYC area') ?? ({} as never));
    expect(area).toContainEqual({ city: 'newark', state: 'NJ' });
    expect(area).toContainEqual({ city: 'brooklyn', state: 'NY' });
    expect(area).not.toContainEqual({ city: 'albany', state: 'NY' });
  });
});

describe('bare-word typo repair', () => {
  it.each([
    ['cardiolgy', 'cardiology'],
    ['pediatircs', 'pediatrics'],
    ['neurolgy', 'neurology'],
  ])('GIVEN %s THEN %s', (typed, id) => {
    expect(correctSpecialtyWord(typed)).toBe(id);
  });

  it.each(['hospital', 'clinic', 'research', 'rounds', 'boston', 'cardiology'])(
    'GIVEN the word %s THEN nothing is "repaired"',
    (word) => {
      expect(correctSpecialtyWord(word)).toBeUndefined();
    },
  );

  it('GIVEN "cardiolgy NYC" THEN specialty, city and one note for each', () => {
    const r = parseSearchWords(['cardiolgy', 'NYC'], { allowType: false });
    expect(r.ok && r.value.specialty).toBe('cardiology');
    expect(r.ok && r.value.city).toBe('New York City');
    expect(r.ok && r.value['bare word note']).toContain('you typed cardiolgy');
  });
});

describe('alerts follow named places', () => {
  const listing = (city: string, state: string) => ({ city, state }) as unknown as Listing;
  const fits = (alertCity: string, l: Listing) =>
    alertMatches({ city: alertCity } as Parameters<typeof alertMatches>[0], l);

  it('GIVEN an alert for NYC THEN a Brooklyn listing matches and a Newark one does not', () => {
    expect(fits('New York City', listing('Brooklyn', 'NY'))).toBe(true);
    expect(fits('New York City', listing('Newark', 'NJ'))).toBe(false);
    expect(fits('New York City area', listing('Newark', 'NJ'))).toBe(true);
    expect(fits('Houston area', listing('Pasadena', 'CA'))).toBe(false);
    expect(fits('Albany', listing('albany', 'NY'))).toBe(true);
  });
});
