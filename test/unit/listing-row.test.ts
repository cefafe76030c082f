import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/core/opportunities/listing-draft.ts';
import { makeListing } from '../../src/core/opportunities/listing-record.ts';
import {
  CSV_COLUMNS,
  checkColumns,
  csvCells,
  EXPORT_COLUMNS,
  listingRow,
  parseListingRow,
} from '../../src/core/opportunities/listing-row.ts';
import { parseListingText } from '../../src/runtime/listing-file.ts';

const HEADER = CSV_COLUMNS.join(',');

/** A complete, clean row as a spreadsheet gives it (every cell a string). */
function cells(over: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'obs-cardio-ny-01',
    title: 'Cardiology Observership',
    type: 'observership',
    hands_on: 'no',
    specialties: 'cardiology',
    institution: 'Riverbend Community Hospital',
    city: 'Albany',
    state: 'NY',
    country: 'US',
    setting: 'community-hospital',
    duration_weeks: '4',
    fee_usd: '0',
    step1_required: 'no',
    step2ck_required: 'no',
    ecfmg_required: 'no',
    lor_possible: 'yes',
    deadline: '2027-10-15',
    start_date: '2028-01-10',
    contact: 'observers@riverbend.example.org',
    description: 'Rounds with the consult team.',
    ...over,
  };
}

function errorsOf(over: Record<string, string>): { field: string; reason: string }[] {
  const parsed = parseListingRow(cells(over));
  if (parsed.ok) throw new Error('expected the row to be rejected');
  return parsed.errors;
}

describe('checkColumns', () => {
  it('GIVEN the documented header THEN it is accepted in that order', () => {
    expect(checkColumns(HEADER.split(','))).toEqual({ ok: true, value: [...CSV_COLUMNS] });
  });

  it('GIVEN spreadsheet-style names ("Fee USD", "hands-on") THEN they are read as the columns', () => {
    expect(checkColumns(['ID', ' Title ', 'Fee USD', 'hands-on'])).toEqual({
      ok: true,
      value: ['id', 'title', 'fee_usd', 'hands_on'],
    });
  });

  it('GIVEN a misspelt column THEN the file fails naming it and the closest known column', () => {
    const r = checkColumns([...CSV_COLUMNS.slice(0, 11), 'fee_uds', ...CSV_COLUMNS.slice(12)]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('IMPORT.UNKNOWN_COLUMN');
      expect(r.message).toContain('Unknown column "fee_uds"');
      expect(r.message).toContain('Did you mean fee_usd');
    }
  });

  it('GIVEN a column twice THEN the file fails naming it', () => {
    const r = checkColumns(['id', 'title', 'title']);
    expect(r).toMatchObject({ ok: false, code: 'IMPORT.DUPLICATE_COLUMN' });
  });

  it('GIVEN an empty header THEN the file fails asking for the header row', () => {
    expect(checkColumns(['', ''])).toMatchObject({ ok: false, code: 'IMPORT.NO_HEADER' });
  });
});

describe('parseListingRow', () => {
  it('GIVEN a complete row THEN every field is parsed to its stored form', () => {
    const parsed = parseListingRow(
      cells({ specialties: 'Cardiology; IM', duration_weeks: '4-8', fee_usd: '$1,200', hands_on: 'TRUE' }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.row.id).toBe('obs-cardio-ny-01');
    expect(parsed.row.values).toMatchObject({
      specialties: ['cardiology', 'internal-medicine'],
      duration_weeks: { min: 4, max: 8 },
      fee_usd: 1200,
      hands_on: true,
      deadline: '2027-10-15',
      state: 'NY',
    });
  });

  it.each([
    [{ deadline: '' }, null],
    [{ deadline: 'rolling' }, null],
    [{ deadline: '2027-12-31' }, '2027-12-31'],
  ])('GIVEN deadline %j THEN it is %j (empty means rolling admission)', (over, deadline) => {
    const parsed = parseListingRow(cells(over));
    expect(parsed.ok && parsed.row.values.deadline).toBe(deadline);
  });

  it.each([
    [{ fee_usd: 'twelve' }, 'fee_usd', 'must be whole US dollars'],
    [{ hands_on: 'maybe' }, 'hands_on', 'must be yes or no'],
    [{ specialties: 'cardiolgy' }, 'specialties', 'unknown specialty "cardiolgy" (did you mean cardiology'],
    [{ state: 'Nwe York' }, 'state', 'must be a U.S. state code or name'],
    [{ duration_weeks: '8-4' }, 'duration_weeks', 'from the shorter to the longer'],
    [{ deadline: '15/03/2027' }, 'deadline', 'must be a date written YYYY-MM-DD'],
    [{ deadline: '2027-02-30' }, 'deadline', 'must be a date written YYYY-MM-DD'],
    [{ contact: 'call us' }, 'contact', 'must be an email address, a web address or a phone number'],
    [{ type: 'internship' }, 'type', 'must be one of observership, externship'],
    [{ id: 'has spaces' }, 'id', 'must be an id of 1-64 letters'],
    [{ title: '' }, 'title', 'must not be empty'],
  ])('GIVEN %j THEN the row is rejected at column %s: %s', (over, field, reason) => {
    const errors = errorsOf(over);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.reason).toContain(reason);
  });

  it('GIVEN a row with three bad cells THEN all three are named', () => {
    const errors = errorsOf({ fee_usd: 'lots', state: 'Atlantis', lor_possible: 'perhaps' });
    expect(errors.map((e) => e.field).sort()).toEqual(['fee_usd', 'lor_possible', 'state']);
  });

  it('GIVEN an empty id THEN no id is given (one is derived later)', () => {
    const parsed = parseListingRow(cells({ id: '' }));
    expect(parsed.ok && parsed.row.id).toBeUndefined();
  });

  it.each([
    ['withdrawn', 'withdrawn'],
    ['Pending', 'pending'],
    ['', undefined],
  ])('GIVEN status %j THEN the row asks for status %j', (status, expected) => {
    const parsed = parseListingRow({ ...cells(), status });
    expect(parsed.ok && parsed.row.status).toBe(expected);
  });

  it('GIVEN status "live" THEN the row is rejected at column status', () => {
    const parsed = parseListingRow({ ...cells(), status: 'live' });
    expect(parsed).toMatchObject({ ok: false, errors: [{ field: 'status' }] });
  });

  it('GIVEN a JSON key that is no column THEN the row is rejected naming the key', () => {
    const parsed = parseListingRow({ ...cells(), fee: 100 });
    expect(parsed).toMatchObject({
      ok: false,
      errors: [{ field: 'fee', reason: expect.stringContaining('is not a listing column') }],
    });
  });

  it('GIVEN JSON-typed values (booleans, numbers, arrays, null) THEN they parse like the CSV text', () => {
    const parsed = parseListingRow({
      ...cells(),
      hands_on: true,
      fee_usd: 900,
      specialties: ['peds', 'FM'],
      deadline: null,
      start_date: null,
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.row.values).toMatchObject({
        hands_on: true,
        fee_usd: 900,
        specialties: ['pediatrics', 'family-medicine'],
        deadline: null,
        start_date: null,
      });
    }
  });

  it('GIVEN user text with mentions THEN it is kept as plain text, unchanged', () => {
    const title = '@everyone <@&123> <!channel> Observership';
    const parsed = parseListingRow(cells({ title, description: '<!here> **bold** @here' }));
    expect(parsed.ok && parsed.row.values.title).toBe(title);
    expect(parsed.ok && parsed.row.values.description).toBe('<!here> **bold** @here');
  });
});

describe('listingRow / csvCells', () => {
  it('GIVEN a stored listing THEN its export row parses back to the same content', () => {
    const parsed = parseListingRow({
      ...cells({ specialties: 'cardiology;internal-medicine', duration_weeks: '4-8', deadline: '' }),
      fee_covers: 'badge, EMR access',
      other_requirements: 'BLS certificate',
      timezone: 'America/Chicago',
    });
    if (!parsed.ok) throw new Error('fixture row is invalid');
    const draft = newDraft(parsed.row.values, 'America/New_York');
    if (!draft.ok) throw new Error(draft.message);
    const listing = makeListing(draft.value, {
      id: 'obs-cardio-ny-01',
      status: 'published',
      source: 'import',
      postedBy: 'cli:import',
      postedIn: 'shell:local',
      now: 0,
    });
    const row = listingRow(listing);
    const text = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, csvCells(row)[i] ?? '']));
    expect(text).toMatchObject({ hands_on: 'no', specialties: 'cardiology;internal-medicine', deadline: '' });
    for (const back of [parseListingRow(text), parseListingRow(row)]) {
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      const again = newDraft(back.row.values, 'America/New_York');
      expect(again.ok && again.value).toEqual({ ...draft.value, id: 'obs-cardio-ny-01' });
      expect(back.row.status).toBe('published');
    }
  });
});

describe('parseListingText', () => {
  it('GIVEN a CSV with a quoted multi-line cell THEN rows keep spreadsheet numbers and the starting line', () => {
    const csv = `${HEADER}\n${Object.values(cells({ description: '"two\nlines"' })).join(',')}\n${Object.values(cells({ id: 'b' })).join(',')}\n`;
    const file = parseListingText(csv, 'x.csv');
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.value.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(file.value.rows[0]?.cells.description).toBe('two\nlines');
    expect(file.value.lines.get(3)).toBe(4);
  });

  it('GIVEN a CSV row with too few cells THEN that row carries an error and the others are fine', () => {
    const file = parseListingText(`${HEADER}\na,b,c\n${Object.values(cells()).join(',')}\n`, 'x.csv');
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.value.rows[0]?.error?.reason).toContain('has 3 cells but the header has 20 columns');
    expect(file.value.rows[1]?.error).toBeUndefined();
  });

  it('GIVEN an unclosed quote THEN the whole file fails with the line', () => {
    const file = parseListingText(`${HEADER}\n"oops,1\n`, 'bad.csv');
    expect(file).toMatchObject({ ok: false, code: 'IMPORT.BAD_CSV' });
    if (!file.ok) expect(file.message).toContain('bad.csv is not valid CSV');
  });

  it('GIVEN a JSON array THEN items are numbered from 1 and a non-object item carries an error', () => {
    const file = parseListingText(JSON.stringify([cells(), 'nope']), 'x.json');
    expect(file.ok && file.value.unit).toBe('item');
    expect(file.ok && file.value.rows.map((r) => [r.row, r.error?.field])).toEqual([
      [1, undefined],
      [2, 'item'],
    ]);
  });

  it('GIVEN {"listings": [...]} without a .json name THEN it is still read as JSON', () => {
    const file = parseListingText(JSON.stringify({ listings: [cells()] }), 'export.txt');
    expect(file.ok && file.value.format).toBe('json');
  });

  it('GIVEN JSON that is not a list of listings THEN the file fails with an example', () => {
    expect(parseListingText('{"a":1}', 'x.json')).toMatchObject({ ok: false, code: 'IMPORT.BAD_JSON' });
    expect(parseListingText('[1,', 'x.json')).toMatchObject({ ok: false, code: 'IMPORT.BAD_JSON' });
  });
});
