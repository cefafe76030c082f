import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ListingDraft } from '../../src/core/opportunities/listing.ts';
import { newDraft } from '../../src/core/opportunities/listing-draft.ts';
import { parseListingRow } from '../../src/core/opportunities/listing-row.ts';
import { listingCells } from './listing-fixtures.ts';

/** A listing's content from spreadsheet cells (a clean observership, overridden), as an import reads it. */
export function draftFrom(over: Record<string, string> = {}): ListingDraft {
  const row = parseListingRow(listingCells(over));
  if (!row.ok) throw new Error(`bad fixture cells: ${JSON.stringify(row.errors)}`);
  const draft = newDraft(row.row.values, 'America/New_York');
  if (!draft.ok) throw new Error(`bad fixture draft: ${draft.message}`);
  return draft.value;
}

/** The shipped sample listings (config/opportunities.sample.csv), as drafts with their ids. */
export function sampleDrafts(): ListingDraft[] {
  const text = readFileSync(new URL('../../config/opportunities.sample.csv', import.meta.url), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((cells) => {
    const row = parseListingRow(cells);
    if (!row.ok) throw new Error(`sample row rejected: ${JSON.stringify(row.errors)}`);
    const draft = newDraft(row.row.values, 'America/New_York');
    if (!draft.ok) throw new Error(`sample draft rejected: ${draft.message}`);
    return draft.value;
  });
}
