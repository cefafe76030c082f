import { DateTime } from 'luxon';
import { closest } from '../commands/suggest.ts';
import { fail, ok, type Result } from '../result.ts';
import { LISTING_STATUSES, type Listing, type ListingStatus } from './listing.ts';
import type { FieldError } from './listing-draft.ts';
import { LISTING_FIELDS, type ListingFieldName, type ListingFieldValues } from './listing-fields.ts';
import { neutraliseCell } from './spreadsheet-cell.ts';

/**
 * One listing as a row of a spreadsheet (CSV) or an object of a JSON file:
 * the columns of `imgbot import` / `imgbot export`, the pure parsing of one
 * row into field values, and the row a stored listing exports as. File
 * reading and CSV syntax live in `src/runtime`; this module sees cells only.
 */

/**
 * The import/export columns in their fixed order: the header row a moderator's
 * spreadsheet has (README, "Importing and exporting listings"); export writes the same.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'type',
  'hands_on',
  'specialties',
  'institution',
  'city',
  'state',
  'country',
  'setting',
  'duration_weeks',
  'fee_usd',
  'step1_required',
  'step2ck_required',
  'ecfmg_required',
  'lor_possible',
  'deadline',
  'start_date',
  'contact',
  'description',
] as const;

/**
 * Optional columns an export adds so that export -> import gives the same
 * listings: what the fee covers, other requirements, the deadline's zone,
 * the status, the last verification (an ISO instant) and the scam/quality
 * flags a moderator accepted (so an approved listing comes back published,
 * not held for review again).
 */
export const EXTRA_COLUMNS = [
  'fee_covers',
  'other_requirements',
  'timezone',
  'status',
  'verified_at',
  'approved_flags',
] as const;

/** Every column `imgbot export` writes, in order. */
export const EXPORT_COLUMNS = [...CSV_COLUMNS, ...EXTRA_COLUMNS] as const;
export type ListingColumn = (typeof EXPORT_COLUMNS)[number];

const KNOWN = new Set<string>(EXPORT_COLUMNS);

/** `Fee USD ` / `fee-usd` -> `fee_usd`: header cells as spreadsheets write them. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Checks a header row: every column known, none twice, at least one. A bad
 * header fails the whole file (nothing is imported), naming the column and
 * the closest known name, because a misspelt column would silently drop data.
 */
export function checkColumns(header: readonly string[]): Result<ListingColumn[]> {
  const columns = header.map(normaliseColumn);
  if (columns.every((c) => c === '')) {
    return fail('IMPORT.NO_HEADER', `The first row must be the header: ${CSV_COLUMNS.join(',')}`);
  }
  const seen = new Set<string>();
  for (const [i, column] of columns.entries()) {
    if (column === '') {
      return fail('IMPORT.BAD_HEADER', `Header column ${i + 1} is empty; name it or remove the column.`);
    }
    if (!KNOWN.has(column)) {
      const guess = closest(column, EXPORT_COLUMNS);
      const hint = guess.length > 0 ? ` Did you mean ${guess.join(' or ')}?` : '';
      return fail(
        'IMPORT.UNKNOWN_COLUMN',
        `Unknown column "${header[i]?.trim()}" in the header.${hint} Known columns: ${EXPORT_COLUMNS.join(', ')}.`,
        { column },
      );
    }
    if (seen.has(column)) {
      return fail('IMPORT.DUPLICATE_COLUMN', `Column "${column}" appears twice in the header; keep one.`);
    }
    seen.add(column);
  }
  return ok(columns as ListingColumn[]);
}

/** One row's values, ready to become a new listing or to update a stored one. */
export interface ParsedRow {
  /** The id the row gives; absent when the cell is empty (a stable id is derived). */
  readonly id?: string;
  /** Parsed field values of the columns the row has (absent columns keep stored values). */
  readonly values: Partial<ListingFieldValues>;
  /** The status column, when given and not empty. */
  readonly status?: ListingStatus;
  /** The verified_at column as UTC ms, when given and not empty. */
  readonly verifiedAt?: number;
  /** The approved_flags column (rule ids a moderator accepted), when the column is given. */
  readonly approvedFlags?: readonly string[];
}

export type RowResult =
  | { readonly ok: true; readonly row: ParsedRow }
  | { readonly ok: false; readonly errors: FieldError[] };

/** A cell as the field parsers take it: JSON null and undefined are an empty cell. */
function cell(value: unknown): unknown {
  return value === null ? '' : value;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function parseStatus(raw: unknown): Result<ListingStatus | undefined> {
  if (isEmpty(raw)) return ok(undefined);
  const word = String(raw).trim().toLowerCase();
  return (LISTING_STATUSES as readonly string[]).includes(word)
    ? ok(word as ListingStatus)
    : fail('LISTING.FIELD', `must be one of ${LISTING_STATUSES.join(', ')} (or empty)`);
}

// why: rule ids are short kebab-case words (`fee-too-high`); anything else is not a flag a moderator saw
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

function parseApprovedFlags(raw: unknown): Result<string[] | undefined> {
  if (isEmpty(raw)) return ok(undefined);
  const parts = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[;,]/);
  const ids = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
  const bad = ids.find((id) => !RULE_ID.test(id));
  return bad === undefined
    ? ok(ids)
    : fail(
        'LISTING.FIELD',
        `must be rule ids separated by ; such as fee-too-high (got "${bad.slice(0, 40)}")`,
      );
}

function parseVerified(raw: unknown): Result<number | undefined> {
  if (isEmpty(raw)) return ok(undefined);
  const at = DateTime.fromISO(String(raw).trim(), { zone: 'utc' });
  return at.isValid
    ? ok(at.toMillis())
    : fail('LISTING.FIELD', 'must be a date or instant like 2027-01-05 or 2027-01-05T14:00:00Z (or empty)');
}

/**
 * Parses one row (CSV cells are strings; JSON values may be typed). Every
 * problem is collected with its column, so a report can name them all.
 * Empty `id`, `timezone`, `status`, `verified_at` and `approved_flags` cells mean "not given";
 * other empty cells mean the field's empty value: rolling admission, no
 * text, and "not stated" for the fee, exam requirements and letter.
 */
export function parseListingRow(cells: Readonly<Record<string, unknown>>): RowResult {
  const errors: FieldError[] = [];
  const fieldCells: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(cells)) {
    const key = normaliseColumn(rawKey);
    if (!KNOWN.has(key)) {
      const guess = closest(key, EXPORT_COLUMNS);
      errors.push({
        field: rawKey,
        reason: `is not a listing column${guess.length > 0 ? ` (did you mean ${guess.join(' or ')}?)` : ''}`,
      });
      continue;
    }
    if (key === 'status' || key === 'verified_at' || key === 'approved_flags') continue;
    if ((key === 'id' || key === 'timezone') && isEmpty(value)) continue;
    fieldCells[key] = cell(value);
  }
  const values: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(fieldCells)) {
    const parsed = LISTING_FIELDS[field as ListingFieldName](raw);
    if (parsed.ok) values[field] = parsed.value;
    else errors.push({ field, reason: parsed.message });
  }
  const extras = parseExtras(cells, errors);
  if (errors.length > 0) return { ok: false, errors };
  const typed = values as Partial<ListingFieldValues>;
  return {
    ok: true,
    row: { ...(typed.id !== undefined ? { id: typed.id } : {}), values: typed, ...extras },
  };
}

/** The status, verified_at and approved_flags cells (problems go to `errors`). */
function parseExtras(
  cells: Readonly<Record<string, unknown>>,
  errors: FieldError[],
): Pick<ParsedRow, 'status' | 'verifiedAt' | 'approvedFlags'> {
  const status = parseStatus(cells.status);
  if (!status.ok) errors.push({ field: 'status', reason: status.message });
  const verified = parseVerified(cells.verified_at);
  if (!verified.ok) errors.push({ field: 'verified_at', reason: verified.message });
  const approved = parseApprovedFlags(cells.approved_flags);
  if (!approved.ok) errors.push({ field: 'approved_flags', reason: approved.message });
  return {
    ...(status.ok && status.value !== undefined ? { status: status.value } : {}),
    ...(verified.ok && verified.value !== undefined ? { verifiedAt: verified.value } : {}),
    ...(approved.ok && approved.value !== undefined ? { approvedFlags: approved.value } : {}),
  };
}

/** A listing as a JSON export object (typed values; the same keys as the CSV columns). */
export type ListingRow = Record<ListingColumn, string | number | boolean | string[] | null>;

function weeks(l: Listing): string | null {
  const d = l.durationWeeks;
  if (d === null) return null;
  return d.min === d.max ? String(d.min) : `${d.min}-${d.max}`;
}

/** The export row of a stored listing; importing it gives the same listing back. */
export function listingRow(l: Listing): ListingRow {
  return {
    id: l.id,
    title: l.title,
    type: l.type,
    hands_on: l.handsOn,
    specialties: [...l.specialties],
    institution: l.institution,
    city: l.city,
    state: l.state,
    country: l.country,
    setting: l.setting,
    duration_weeks: weeks(l),
    fee_usd: l.feeUsd,
    step1_required: l.requirements.step1,
    step2ck_required: l.requirements.step2ck,
    ecfmg_required: l.requirements.ecfmg,
    lor_possible: l.lorPossible,
    deadline: l.deadline,
    start_date: l.startDate,
    contact: l.contact,
    description: l.description,
    fee_covers: l.feeCovers,
    other_requirements: l.requirements.other,
    timezone: l.timezone,
    status: l.status,
    verified_at: l.verifiedAt === null ? null : new Date(l.verifiedAt).toISOString(),
    approved_flags: [...l.approvedFlags],
  };
}

/**
 * The same row as CSV cells: yes/no, `;`-joined lists, an empty cell for
 * "not stated" or none, and every cell a spreadsheet would run as a formula
 * neutralised (see {@link neutraliseCell}).
 */
export function csvCells(row: ListingRow): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const v = row[column];
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (Array.isArray(v)) return neutraliseCell(v.join(';'));
    return neutraliseCell(String(v));
  });
}
