import { describe, expect, it } from 'vitest';
import { contactField, feeField, statedBooleanField } from '../../src/core/opportunities/listing-fields.ts';
import { requirementsText } from '../../src/core/opportunities/listing-format.ts';
import { listingIdPrefix, newListingId, specialtyCode } from '../../src/core/opportunities/listing-id.ts';
import { SPECIALTIES } from '../../src/core/opportunities/specialties.ts';
import { neutraliseCell, restoreCell } from '../../src/core/opportunities/spreadsheet-cell.ts';

describe('yes / no / not stated', () => {
  it.each([
    ['yes', true],
    ['No', false],
    ['false', false],
    ['', null],
    ['not stated', null],
    ['Unknown', null],
    [null, null],
    [true, true],
  ] as const)('GIVEN %j THEN it is %j', (raw, want) => {
    expect(statedBooleanField(raw)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['0', 0],
    ['free', 0],
    ['$1,200', 1200],
    ['', null],
    ['not stated', null],
    [null, null],
    [600, 600],
  ] as const)('GIVEN fee %j THEN it is %j (empty is not stated, never free)', (raw, want) => {
    expect(feeField(raw)).toEqual({ ok: true, value: want });
  });

  it('GIVEN requirements nobody stated THEN they read "not stated", never "no requirement"', () => {
    const other = '';
    expect(requirementsText({ requirements: { step1: null, step2ck: null, ecfmg: null, other } })).toBe(
      'USMLE and ECFMG requirements not stated',
    );
    expect(requirementsText({ requirements: { step1: false, step2ck: false, ecfmg: false, other } })).toBe(
      'no USMLE or ECFMG requirement',
    );
    expect(
      requirementsText({ requirements: { step1: true, step2ck: true, ecfmg: null, other: 'BLS' } }),
    ).toBe('USMLE Step 1 and Step 2 CK required; ECFMG certification not stated. BLS');
  });
});

describe('contacts', () => {
  it.each([
    ['hospital.org/observers', 'https://hospital.org/observers'],
    ['www.hospital.org', 'https://www.hospital.org'],
    ['HTTPS://Hospital.org/x?y=1', 'HTTPS://Hospital.org/x?y=1'],
    ['observers@hospital.org', 'observers@hospital.org'],
    ['tel:+1-555-010-0199', '+1-555-010-0199'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['none', ''],
  ])('GIVEN %j THEN it is stored as %j', (raw, want) => {
    expect(contactField(raw)).toEqual({ ok: true, value: want });
  });

  it.each(['call the office', '12345', 'hospital', 'ftp://hospital.org', 'javascript:alert(1)'])(
    'GIVEN %j THEN it is refused with the accepted forms',
    (raw) => {
      expect(contactField(raw)).toMatchObject({
        ok: false,
        message: expect.stringContaining('phone number'),
      });
    },
  );
});

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+1 555 010 0199', "'+1 555 010 0199"],
    ['-5', "'-5"],
    ['@everyone', "'@everyone"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['plain', 'plain'],
    ['', ''],
  ])('GIVEN %j THEN export writes %j and import reads it back exactly', (value, cell) => {
    expect(neutraliseCell(value)).toBe(cell);
    expect(restoreCell(cell)).toBe(value);
  });
});

describe('readable ids', () => {
  it('GIVEN every specialty THEN it has a short code of letters', () => {
    for (const s of SPECIALTIES) expect(specialtyCode(s.id), s.id).toMatch(/^[a-z]{2,8}$/);
  });

  it('GIVEN an externship in internal medicine in Texas THEN its id reads ext-im-tx- and a suffix', () => {
    const d = { type: 'externship', specialties: ['internal-medicine'], state: 'TX', country: 'US' } as const;
    expect(listingIdPrefix({ ...d, specialties: [...d.specialties] })).toBe('ext-im-tx');
    expect(newListingId({ ...d, specialties: [...d.specialties] })).toMatch(/^ext-im-tx-[a-z2-9]{4}$/);
    expect(
      listingIdPrefix({ type: 'observership', specialties: ['cardiology'], state: '', country: 'CA' }),
    ).toBe('obs-cardio-ca');
  });
});
