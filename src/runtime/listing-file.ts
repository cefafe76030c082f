import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ImportRowInput } from '../core/opportunities/import-listings.ts';
import { checkColumns } from '../core/opportunities/listing-row.ts';
import { restoreCell } from '../core/opportunities/spreadsheet-cell.ts';
import { fail, ok, type Result } from '../core/result.ts';

/**
 * Reads a listings file for `imgbot import` and the sample listings: a CSV
 * with a header row, or JSON (an array of objects with the same keys, or
 * `{ "listings": [...] }`). Only the file's syntax is checked here; each row
 * is validated by the core. A file that cannot be read as a whole fails
 * before anything is stored.
 */
export interface ListingFile {
  readonly format: 'csv' | 'json';
  readonly rows: readonly ImportRowInput[];
  /** What a row number counts: spreadsheet rows (header = row 1) or JSON items. */
  readonly unit: 'row' | 'item';
  /** CSV rows whose text starts on another line (a quoted cell spans lines, or blank lines). */
  readonly lines: ReadonlyMap<number, number>;
}

function looksLikeJson(name: string, text: string): boolean {
  const ext = extname(name).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.csv') return false;
  return /^\s*[[{]/.test(text);
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number; readonly empty_lines: number };
}

function parseCsv(text: string, name: string): Result<ListingFile> {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail('IMPORT.BAD_CSV', `${name} is not valid CSV: ${message}.`);
  }
  const [head, ...body] = records;
  if (!head) return fail('IMPORT.EMPTY', `${name} is empty: it needs a header row and one row per listing.`);
  const columns = checkColumns(head.record);
  if (!columns.ok) return fail(columns.code, `${name}: ${columns.message}`);
  const rows: ImportRowInput[] = [];
  const lines = new Map<number, number>();
  let previousEnd = head.info.lines;
  let previousEmpty = head.info.empty_lines;
  body.forEach(({ record, info }, i) => {
    const row = i + 2; // why: the header is row 1, as a spreadsheet numbers them
    const startLine = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (startLine !== row) lines.set(row, startLine);
    const cells: Record<string, string> = {};
    columns.value.forEach((column, c) => {
      // Export quoted cells that a spreadsheet would run as formulas; read them back as written.
      cells[column] = restoreCell(record[c] ?? '');
    });
    const error =
      record.length === columns.value.length
        ? undefined
        : {
            field: 'row',
            reason: `has ${record.length} cells but the header has ${columns.value.length} columns (quote cells that contain commas)`,
          };
    rows.push(error ? { row, cells, error } : { row, cells });
  });
  return ok({ format: 'csv', rows, unit: 'row', lines });
}

function parseJson(text: string, name: string): Result<ListingFile> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail('IMPORT.BAD_JSON', `${name} is not valid JSON: ${message}.`);
  }
  const items = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { listings?: unknown }).listings)
      ? (data as { listings: unknown[] }).listings
      : undefined;
  if (!items) {
    return fail(
      'IMPORT.BAD_JSON',
      `${name} must hold an array of listings ([{"id": "...", "title": "..."}]) or {"listings": [...]}.`,
    );
  }
  const rows: ImportRowInput[] = items.map((item, i) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? { row: i + 1, cells: item as Record<string, unknown> }
      : { row: i + 1, cells: {}, error: { field: 'item', reason: 'must be an object of listing fields' } },
  );
  return ok({ format: 'json', rows, unit: 'item', lines: new Map() });
}

/** Parses the text of a listings file; `name` picks the format (.csv/.json) and names it in messages. */
export function parseListingText(text: string, name: string): Result<ListingFile> {
  return looksLikeJson(name, text) ? parseJson(text, name) : parseCsv(text, name);
}

/** Reads and parses a listings file; a missing or unreadable file is a clear failure. */
export async function readListingFile(path: string): Promise<Result<ListingFile>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code})`;
    return fail(
      'IMPORT.NO_FILE',
      `${path} ${why}. Give a .csv or .json file, e.g. imgbot import listings.csv`,
    );
  }
  return parseListingText(text, path);
}
