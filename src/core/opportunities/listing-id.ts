import { createHash } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import type { ListingDraft } from './listing.ts';

// why: lowercase letters and digits without look-alikes (0/o, 1/l) read aloud and typed easily
const ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';
// why: 32^8 ≈ 1.1e12 ids; a collision at 100k listings is ~1 in 200,000 and the save detects it
const ID_LENGTH = 8;

const randomId = customAlphabet(ALPHABET, ID_LENGTH);

/** A fresh random listing id (posts and suggestions). */
export function newListingId(): string {
  return randomId();
}

/**
 * A stable id for an imported row without one, derived from what identifies
 * the opportunity (type, title, institution, city, state), so importing the
 * same file twice updates rather than duplicates.
 */
export function stableListingId(
  d: Pick<ListingDraft, 'type' | 'title' | 'institution' | 'city' | 'state'>,
): string {
  const key = [d.type, d.title, d.institution, d.city, d.state].map((s) => s.trim().toLowerCase()).join('\n');
  const digest = createHash('sha256').update(key).digest();
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return id;
}
