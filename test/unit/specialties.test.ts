import { describe, expect, it } from 'vitest';
import {
  isSpecialtyId,
  matchSpecialtyPhrase,
  matchSpecialtyWord,
  normaliseSpecialty,
  SPECIALTIES,
  searchSpecialties,
  specialtyLabel,
} from '../../src/core/opportunities/specialties.ts';

describe('SPECIALTIES vocabulary', () => {
  it.each([
    'internal-medicine',
    'family-medicine',
    'pediatrics',
    'psychiatry',
    'obstetrics-gynecology',
    'neurology',
    'general-surgery',
    'emergency-medicine',
    'cardiology',
    'hematology-oncology',
    'gastroenterology',
    'pulmonary-critical-care',
    'nephrology',
    'endocrinology',
    'infectious-disease',
    'rheumatology',
    'geriatrics',
    'radiology',
    'anesthesiology',
    'pathology',
    'dermatology',
    'ophthalmology',
    'orthopedics',
    'urology',
    'neurosurgery',
    'physical-medicine-rehabilitation',
    'preventive-medicine',
    'palliative-care',
    'sleep-medicine',
    'allergy-immunology',
    'primary-care',
  ])('GIVEN the required id %s THEN it is in the vocabulary', (id) => {
    expect(isSpecialtyId(id)).toBe(true);
  });

  it('GIVEN every definition THEN ids are unique and url-safe', () => {
    const ids = SPECIALTIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('GIVEN every definition THEN each caps-only word is also an alias', () => {
    for (const s of SPECIALTIES) {
      for (const word of s.capsOnly ?? []) expect(s.aliases).toContain(word);
    }
  });

  it('GIVEN every alias THEN it resolves to its own specialty (no alias is shared)', () => {
    for (const s of SPECIALTIES) {
      for (const term of [s.id, s.label, ...s.aliases]) {
        expect(normaliseSpecialty(term), term).toEqual({ ok: true, value: s.id });
      }
    }
  });

  it('GIVEN research THEN it is not a specialty (it is a listing type)', () => {
    expect(normaliseSpecialty('research').ok).toBe(false);
  });
});

describe('normaliseSpecialty', () => {
  it.each([
    ['OB/GYN', 'obstetrics-gynecology'],
    ['ob gyn', 'obstetrics-gynecology'],
    ['Ob-Gyn', 'obstetrics-gynecology'],
    ['obgyn', 'obstetrics-gynecology'],
    ['Obstetrics & Gynaecology', 'obstetrics-gynecology'],
    ['obstetrics and gynecology', 'obstetrics-gynecology'],
    ['IM', 'internal-medicine'],
    ['im', 'internal-medicine'],
    ['  Internal   Medicine ', 'internal-medicine'],
    ['internal-medicine', 'internal-medicine'],
    ['medicine', 'internal-medicine'],
    ['FM', 'family-medicine'],
    ['peds', 'pediatrics'],
    ['paeds', 'pediatrics'],
    ['Paediatrics', 'pediatrics'],
    ['psych', 'psychiatry'],
    ['neuro', 'neurology'],
    ['gen surg', 'general-surgery'],
    ['Surgery', 'general-surgery'],
    ['EM', 'emergency-medicine'],
    ['ER', 'emergency-medicine'],
    ['A&E', 'emergency-medicine'],
    ['cards', 'cardiology'],
    ['heme/onc', 'hematology-oncology'],
    ['Haem/Onc', 'hematology-oncology'],
    ['haematology', 'hematology-oncology'],
    ['oncology', 'hematology-oncology'],
    ['GI', 'gastroenterology'],
    ['pulm', 'pulmonary-critical-care'],
    ['PCCM', 'pulmonary-critical-care'],
    ['critical care', 'pulmonary-critical-care'],
    ['ID', 'infectious-disease'],
    ['rheum', 'rheumatology'],
    ['rads', 'radiology'],
    ['anesthesia', 'anesthesiology'],
    ['anaesthesia', 'anesthesiology'],
    ['gas', 'anesthesiology'],
    ['path', 'pathology'],
    ['derm', 'dermatology'],
    ['ophtho', 'ophthalmology'],
    ['ortho', 'orthopedics'],
    ['orthopaedic surgery', 'orthopedics'],
    ['PM&R', 'physical-medicine-rehabilitation'],
    ['pm and r', 'physical-medicine-rehabilitation'],
    ['physiatry', 'physical-medicine-rehabilitation'],
    ['public health', 'preventive-medicine'],
    ['ENT', 'otolaryngology'],
    ['Gynaecology', 'obstetrics-gynecology'],
  ])('GIVEN %j THEN it resolves to %s', (input, id) => {
    expect(normaliseSpecialty(input)).toEqual({ ok: true, value: id });
  });

  it.each([
    ['cardiolgy', 'cardiology'],
    ['neurolgy', 'neurology'],
    ['dermatolgy', 'dermatology'],
    ['gastroenterolgy', 'gastroenterology'],
    ['pulmonolgy', 'pulmonary-critical-care'],
    ['pediatircs', 'pediatrics'],
    ['psychiatyr', 'psychiatry'],
  ])('GIVEN the misspelling %j THEN SPECIALTY.UNKNOWN suggests %s first', (input, suggestion) => {
    const result = normaliseSpecialty(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('SPECIALTY.UNKNOWN');
    const suggestions = result.details?.suggestions as string[];
    expect(suggestions[0]).toBe(suggestion);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(result.message).toContain(`"${input}"`);
    expect(result.message).toContain(`Did you mean ${suggestion}`);
    expect(result.message).toContain(`Example: specialty:${suggestion}`);
  });

  it('GIVEN "cardiolgy" THEN the message is exactly the documented one', () => {
    expect(normaliseSpecialty('cardiolgy')).toEqual({
      ok: false,
      code: 'SPECIALTY.UNKNOWN',
      message: 'Unknown specialty "cardiolgy". Did you mean cardiology? Example: specialty:cardiology',
      details: { input: 'cardiolgy', suggestions: ['cardiology'] },
    });
  });

  it.each(['xyzzy', 'basket weaving', 'qqqqqqqqqqqq'])(
    'GIVEN the unrelated word %j THEN SPECIALTY.UNKNOWN lists examples and no suggestions',
    (input) => {
      const result = normaliseSpecialty(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe('SPECIALTY.UNKNOWN');
      expect(result.details?.suggestions).toEqual([]);
      expect(result.message).toContain('internal-medicine (IM)');
      expect(result.message).toContain('Example: specialty:cardiology');
    },
  );

  it.each(['', '   ', '/-&'])('GIVEN the blank input %j THEN SPECIALTY.EMPTY', (input) => {
    const result = normaliseSpecialty(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('SPECIALTY.EMPTY');
  });

  it('GIVEN a very long input THEN the message quotes a clipped form', () => {
    const result = normaliseSpecialty('x'.repeat(500));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(400);
  });
});

describe('specialtyLabel', () => {
  it.each([
    ['internal-medicine', 'Internal Medicine'],
    ['obstetrics-gynecology', 'Obstetrics & Gynecology'],
    ['IM', 'Internal Medicine'],
    ['not-a-specialty', 'not-a-specialty'],
  ])('GIVEN %j THEN the label is %j', (id, label) => {
    expect(specialtyLabel(id)).toBe(label);
  });
});

describe('matchSpecialtyWord', () => {
  it.each([
    ['cardiology', 'cardiology'],
    ['Cardiology', 'cardiology'],
    ['IM', 'internal-medicine'],
    ['FM', 'family-medicine'],
    ['OB/GYN', 'obstetrics-gynecology'],
    ['peds', 'pediatrics'],
    ['ER', 'emergency-medicine'],
    ['ID', 'infectious-disease'],
    ['im', undefined],
    ['Im', undefined],
    ['er', undefined],
    ['id', undefined],
    ['path', undefined],
    ['cardiolgy', undefined],
    ['observership', undefined],
    ['NY', undefined],
    ['and', undefined],
  ])('GIVEN the bare word %j THEN it matches %s', (word, id) => {
    expect(matchSpecialtyWord(word)).toBe(id);
  });
});

describe('matchSpecialtyPhrase', () => {
  it.each([
    [['internal', 'medicine', 'NY'], 0, { id: 'internal-medicine', length: 2 }],
    [['cardiology', 'observership', 'NY'], 0, { id: 'cardiology', length: 1 }],
    [['observership', 'in', 'family', 'medicine'], 2, { id: 'family-medicine', length: 2 }],
    [['obstetrics', 'and', 'gynecology'], 0, { id: 'obstetrics-gynecology', length: 3 }],
    [['ob', 'gyn', 'externship'], 0, { id: 'obstetrics-gynecology', length: 2 }],
    [['Heme', 'Onc', 'NJ'], 0, { id: 'hematology-oncology', length: 2 }],
    [['emergency', 'medicine'], 0, { id: 'emergency-medicine', length: 2 }],
    [
      ['physical', 'medicine', 'and', 'rehabilitation'],
      0,
      { id: 'physical-medicine-rehabilitation', length: 4 },
    ],
    [['cardiology', 'and', 'neurology'], 0, { id: 'cardiology', length: 1 }],
    [['IM', 'in', 'NY'], 0, { id: 'internal-medicine', length: 1 }],
    [['im', 'looking', 'for', 'cardiology'], 0, undefined],
    [['im', 'looking', 'for', 'cardiology'], 3, { id: 'cardiology', length: 1 }],
    [['looking', 'for', 'cardiology'], 0, undefined],
    [['internal', 'medicine'], 5, undefined],
    [[], 0, undefined],
    [['cardiology'], -1, undefined],
  ])('GIVEN %j at %i THEN it matches %j', (words, start, expected) => {
    expect(matchSpecialtyPhrase(words, start)).toEqual(expected);
  });
});

describe('searchSpecialties', () => {
  it.each([
    ['card', 'cardiology'],
    ['cardio', 'cardiology'],
    ['int', 'internal-medicine'],
    ['ob', 'obstetrics-gynecology'],
    ['peds', 'pediatrics'],
    ['paed', 'pediatrics'],
    ['onc', 'hematology-oncology'],
    ['neuro', 'neurology'],
    ['surg', 'general-surgery'],
    ['cardiolgy', 'cardiology'],
    ['PM&R', 'physical-medicine-rehabilitation'],
  ])('GIVEN the prefix %j THEN %s is the first choice', (prefix, id) => {
    expect(searchSpecialties(prefix)[0]?.id).toBe(id);
  });

  it('GIVEN "neuro" THEN both neurology and neurosurgery are offered', () => {
    const ids = searchSpecialties('neuro').map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['neurology', 'neurosurgery']));
  });

  it('GIVEN "surg" THEN the surgical specialties are offered', () => {
    const ids = searchSpecialties('surg').map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['general-surgery', 'neurosurgery', 'vascular-surgery', 'plastic-surgery']),
    );
  });

  it('GIVEN "med" THEN specialties with Medicine in their label are offered', () => {
    const ids = searchSpecialties('med').map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['internal-medicine', 'family-medicine', 'emergency-medicine']),
    );
  });

  it('GIVEN an empty prefix THEN up to 25 specialties in label order, each with its label', () => {
    const all = searchSpecialties('');
    expect(all).toHaveLength(25);
    expect(all[0]).toEqual({ id: 'allergy-immunology', label: 'Allergy & Immunology' });
    const labels = all.map((s) => s.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });

  it.each([
    ['', 5, 5],
    ['', 0, 0],
    ['xq', 25, 0],
    ['zzzzzzzz', 25, 0],
  ])('GIVEN %j with limit %i THEN %i choices', (prefix, limit, count) => {
    expect(searchSpecialties(prefix, limit)).toHaveLength(count);
  });

  it('GIVEN any prefix THEN no specialty is listed twice', () => {
    for (const prefix of ['c', 'me', 'surg', 'o', 'ped']) {
      const ids = searchSpecialties(prefix).map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
