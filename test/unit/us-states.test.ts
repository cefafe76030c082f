import { describe, expect, it } from 'vitest';
import {
  isStateCode,
  matchStatePhrase,
  normaliseState,
  stateName,
  US_STATES,
} from '../../src/core/opportunities/us-states.ts';

describe('US_STATES', () => {
  it('GIVEN the list THEN it holds the 50 states, DC and PR with unique upper-case codes', () => {
    const codes = US_STATES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes).toEqual(expect.arrayContaining(['NY', 'CA', 'TX', 'DC', 'PR', 'AK', 'HI', 'WY']));
    const territories = ['DC', 'PR', 'GU', 'VI'];
    expect(codes.filter((c) => !territories.includes(c))).toHaveLength(50);
  });

  it('GIVEN every state THEN its code, name and abbreviations resolve to it', () => {
    for (const s of US_STATES) {
      for (const term of [
        s.code,
        s.code.toLowerCase(),
        s.name,
        ...(s.altNames ?? []),
        ...(s.abbreviations ?? []),
      ]) {
        expect(normaliseState(term), term).toEqual({ ok: true, value: s.code });
      }
    }
  });
});

describe('normaliseState', () => {
  it.each([
    ['NY', 'NY'],
    ['ny', 'NY'],
    ['New York', 'NY'],
    ['new york', 'NY'],
    ['  NEW   YORK ', 'NY'],
    ['N.Y.', 'NY'],
    ['New York State', 'NY'],
    ['NYC', 'NY'],
    ['in', 'IN'],
    ['north carolina', 'NC'],
    ['Calif.', 'CA'],
    ['Washington DC', 'DC'],
    ['D.C.', 'DC'],
    ['Washington', 'WA'],
    ['washington state', 'WA'],
    ['Puerto Rico', 'PR'],
    ['virgin islands', 'VI'],
  ])('GIVEN %j THEN it resolves to %s', (input, code) => {
    expect(normaliseState(input)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['Pensylvania', 'PA'],
    ['Masachusetts', 'MA'],
    ['Califronia', 'CA'],
    ['New Yrok', 'NY'],
    ['Noth Carolina', 'NC'],
    ['Texs', 'TX'],
    ['Iow', 'IA'],
    ['NYY', 'NY'],
  ])('GIVEN the misspelling %j THEN STATE.UNKNOWN suggests %s first', (input, code) => {
    const result = normaliseState(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('STATE.UNKNOWN');
    const suggestions = result.details?.suggestions as string[];
    expect(suggestions[0]).toBe(code);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(result.message).toContain(`"${input}"`);
    expect(result.message).toContain(`Did you mean ${code} (${stateName(code)})`);
    expect(result.message).toContain(`Example: state:${code}`);
  });

  it('GIVEN "Pensylvania" THEN the message is exactly the documented one', () => {
    expect(normaliseState('Pensylvania')).toEqual({
      ok: false,
      code: 'STATE.UNKNOWN',
      message: 'Unknown state "Pensylvania". Did you mean PA (Pennsylvania)? Example: state:PA',
      details: { input: 'Pensylvania', suggestions: ['PA'] },
    });
  });

  it.each(['Atlantis', 'Ontario', 'qqqqqqqqqqqqqqqq'])(
    'GIVEN the non-state %j THEN STATE.UNKNOWN with no suggestions and the example state:NY',
    (input) => {
      const result = normaliseState(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe('STATE.UNKNOWN');
      expect(result.details?.suggestions).toEqual([]);
      expect(result.message).toContain('Example: state:NY');
    },
  );

  it.each(['', '  ', '...'])('GIVEN the blank input %j THEN STATE.EMPTY', (input) => {
    const result = normaliseState(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('STATE.EMPTY');
  });
});

describe('stateName and isStateCode', () => {
  it.each([
    ['NY', 'New York'],
    ['ny', 'New York'],
    ['DC', 'District of Columbia'],
    ['ZZ', 'ZZ'],
  ])('GIVEN %j THEN the name is %j', (code, name) => {
    expect(stateName(code)).toBe(name);
  });

  it.each([
    ['NY', true],
    ['PR', true],
    ['ny', false],
    ['New York', false],
    ['ZZ', false],
  ])('GIVEN %j THEN isStateCode is %s', (code, expected) => {
    expect(isStateCode(code)).toBe(expected);
  });
});

describe('matchStatePhrase', () => {
  it.each([
    [['NY'], 0, { code: 'NY', length: 1 }],
    [['cardiology', 'NY'], 1, { code: 'NY', length: 1 }],
    [['CA', 'cardiology'], 0, { code: 'CA', length: 1 }],
    [['IN'], 0, { code: 'IN', length: 1 }],
    [['OR'], 0, { code: 'OR', length: 1 }],
    [['ME'], 0, { code: 'ME', length: 1 }],
    [['NY,'], 0, { code: 'NY', length: 1 }],
    [['N.Y.'], 0, { code: 'NY', length: 1 }],
    [['new', 'york', 'cardiology'], 0, { code: 'NY', length: 2 }],
    [['New', 'York'], 0, { code: 'NY', length: 2 }],
    [['north', 'carolina'], 0, { code: 'NC', length: 2 }],
    [['Texas'], 0, { code: 'TX', length: 1 }],
    [['ohio'], 0, { code: 'OH', length: 1 }],
    [['Washington', 'DC'], 0, { code: 'DC', length: 2 }],
    [['Washington,', 'DC'], 0, { code: 'DC', length: 2 }],
    [['washington'], 0, { code: 'WA', length: 1 }],
    [['district', 'of', 'columbia'], 0, { code: 'DC', length: 3 }],
    [['West', 'Virginia', 'IM'], 0, { code: 'WV', length: 2 }],
    [['Virginia'], 0, { code: 'VA', length: 1 }],
    [['in'], 0, undefined],
    [['or'], 0, undefined],
    [['me'], 0, undefined],
    [['ok'], 0, undefined],
    [['Ny'], 0, undefined],
    [['ny'], 0, undefined],
    [['NYC'], 0, undefined],
    [['Calif.'], 0, undefined],
    [['ZZ'], 0, undefined],
    [['new'], 0, undefined],
    [['new', '/', 'york'], 0, undefined],
    [['Pensylvania'], 0, undefined],
    [['NY'], 3, undefined],
    [[], 0, undefined],
    [['NY'], -1, undefined],
  ])('GIVEN %j at %i THEN it matches %j', (words, start, expected) => {
    expect(matchStatePhrase(words, start)).toEqual(expected);
  });
});
