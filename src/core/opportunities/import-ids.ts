import type { CoreDeps } from '../deps.ts';
import { ok, type Result } from '../result.ts';
import type { Listing } from './listing.ts';
import { newDraft } from './listing-draft.ts';
import { DERIVED_SUFFIX_LENGTHS, derivedListingId, importKey } from './listing-id.ts';
import { draftOf } from './listing-record.ts';
import type { ParsedRow } from './listing-row.ts';

/**
 * Ids of imported rows. A row that names its id keeps it. A row without one
 * gets a readable id derived from what identifies it (type, title,
 * institution, city, state: see listing-id.ts), so importing the same file
 * twice updates rather than duplicates; a derived id held by another
 * listing (another row of the file, or a stored listing with another
 * identity) is never reused: a longer suffix is taken instead. A listing
 * imported before ids were readable keeps its old id.
 */

/** A derived id: the row's identity key and how long its suffix is. */
export interface DerivedId {
  readonly key: string;
  /** Index into DERIVED_SUFFIX_LENGTHS. */
  readonly level: number;
  /** The id this row had before ids were readable (the 8-character digest, no prefix). */
  readonly legacy: string;
  readonly parts: Parameters<typeof derivedListingId>[0];
}

/** A row's id and, when the row gave none, how it was derived. */
export interface RowIdentity {
  readonly id: string;
  readonly derived?: DerivedId;
}

/** The ids taken so far in this file: by row, with the identity key of derived ones. */
export type SeenIds = Map<string, { readonly row: number; readonly key?: string }>;

// why: the old stable ids were the first 8 digest characters with no prefix
const LEGACY_LENGTH = 8;

function derived(parts: DerivedId['parts'], level: number): RowIdentity {
  const length = DERIVED_SUFFIX_LENGTHS[level] ?? DERIVED_SUFFIX_LENGTHS[DERIVED_SUFFIX_LENGTHS.length - 1];
  const id = derivedListingId(parts, length);
  const legacy = derivedListingId(parts, LEGACY_LENGTH).split('-').at(-1) ?? '';
  return { id, derived: { key: importKey(parts), level, legacy, parts } };
}

/** The id a row names, or the first id derived from what identifies it. */
export function rowIdentity(parsed: ParsedRow, zone: string): Result<RowIdentity> {
  if (parsed.id !== undefined) return ok({ id: parsed.id });
  const draft = newDraft(parsed.values, zone);
  return draft.ok ? ok(derived(draft.value, 0)) : draft;
}

/** The same row's next longer derived id, or undefined when every length is used up. */
export function longerId(identity: RowIdentity): RowIdentity | undefined {
  const d = identity.derived;
  if (!d || d.level + 1 >= DERIVED_SUFFIX_LENGTHS.length) return undefined;
  return derived(d.parts, d.level + 1);
}

/** True when a stored listing at a derived id is another opportunity (so the id is taken). */
function takenByOther(identity: RowIdentity, stored: Listing | undefined): boolean {
  if (!identity.derived || !stored) return false;
  return (stored.importKey ?? importKey(draftOf(stored))) !== identity.derived.key;
}

/**
 * Settles the derived ids of a batch against the store: keeps an id whose
 * stored listing is this same opportunity (or free), moves to the id this
 * row had before ids were readable when that listing exists, and otherwise
 * takes longer suffixes until the id is free. Returns each row's identity.
 */
export async function settleDerivedIds(
  deps: Pick<CoreDeps, 'listings'>,
  rows: readonly { readonly row: number; readonly identity: RowIdentity }[],
  seen: SeenIds,
): Promise<RowIdentity[]> {
  const out = rows.map((r) => r.identity);
  const derivedAt = out.flatMap((identity, i) => (identity.derived ? [i] : []));
  if (derivedAt.length === 0) return out;
  const [current, legacy] = await Promise.all([
    deps.listings.getMany(derivedAt.map((i) => out[i]?.id ?? '')),
    deps.listings.getMany(derivedAt.map((i) => out[i]?.derived?.legacy ?? '')),
  ]);
  for (const [n, i] of derivedAt.entries()) {
    let identity = out[i] as RowIdentity;
    const row = rows[i]?.row ?? 0;
    if (!takenByOther(identity, current[n])) continue;
    const old = legacy[n];
    if (old && !takenByOther(identity, old)) {
      out[i] = { id: old.id, ...(identity.derived ? { derived: identity.derived } : {}) };
      seen.set(old.id, { row, key: identity.derived?.key });
      continue;
    }
    let next = longerId(identity);
    while (next && (seen.has(next.id) || takenByOther(next, await deps.listings.get(next.id)))) {
      next = longerId(next);
    }
    if (!next) throw new Error(`no free id for row ${row}`);
    identity = next;
    seen.set(identity.id, { row, key: identity.derived?.key });
    out[i] = identity;
  }
  return out;
}
