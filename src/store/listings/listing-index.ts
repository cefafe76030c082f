import type { Listing } from '../../core/opportunities/listing.ts';
import { cityKey, indexWords, titleKey } from '../../core/opportunities/listing-text.ts';

/**
 * Which index keys a listing belongs to, given its status. The save script
 * stores this list beside the record, so the next save (or a removal) takes
 * the listing out of exactly the keys it was in, in the same atomic step.
 *
 * Key names are relative to the listings base (`<prefix>{listings}:`):
 * - `all` (ZSET, every listing by posting time) and `queue` (ZSET, pending);
 * - search indexes, published listings only: `zall` and `zt:<type>` (ZSET by
 *   deadline order), `zfee` (ZSET by fee, stated fees only), SETs `sp:<specialty>`,
 *   `st:<state>`, `ci:<city>`, `ho:1|0`, `free`, `nousmle`, `noecfmg`, `lor`,
 *   `w:<word>` (free text), and `tlex` (title word-prefix autocomplete);
 * - combined SETs for the commonest searches, since an intersection costs
 *   about the size of its smallest input and a combination is many times
 *   smaller than its parts: `ts:<type>:<specialty>`, `tst:<type>:<state>`,
 *   `ss:<specialty>:<state>`, `tss:<type>:<specialty>:<state>`,
 *   `tci:<type>:<city>` and the flags within a type, `tf:<type>:<flag>`
 *   (`tf:observership:ho:1` is nearly empty).
 */
export type IndexEntry =
  | { readonly kind: 's'; readonly key: string }
  | { readonly kind: 'z'; readonly key: string; readonly score: number }
  | { readonly kind: 'l'; readonly key: string; readonly member: string };

/**
 * Rolling listings sort after every dated one, newest first: score
 * `ROLLING_BASE - postedAt`. why 9e15: above any deadline in ms (year 2255 is
 * ~9e12) yet below 2^53, so scores stay exact integers in Redis doubles.
 */
export const ROLLING_BASE = 9e15;

/** Separator between a title suffix and the id in `tlex` members (sorts after letters/digits). */
export const LEX_SEPARATOR = '|';

// why: titles are short; 8 word-suffixes covers every word a member would start typing
const MAX_TITLE_SUFFIXES = 8;

/** The position of a listing in the deadline order. */
export function sortScore(listing: Pick<Listing, 'deadlineAt' | 'postedAt'>): number {
  return listing.deadlineAt ?? ROLLING_BASE - listing.postedAt;
}

function titleSuffixes(title: string): string[] {
  const words = titleKey(title)
    .split(' ')
    .filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length && i < MAX_TITLE_SUFFIXES; i++) out.push(words.slice(i).join(' '));
  return out;
}

/**
 * The flag sets a listing is in (`ho:1`, `free`, ...), by their names. Only a
 * stated value puts a listing in a set: a fee, exam or letter the listing
 * does not state (null) is in none of `free`, `nousmle`, `noecfmg`, `s1no`,
 * `s2no` (that exam stated as not required), `lor`.
 */
export function flagNames(l: Listing): string[] {
  const flags = [`ho:${l.handsOn ? 1 : 0}`];
  const r = l.requirements;
  if (l.feeUsd === 0) flags.push('free');
  if (r.step1 === false && r.step2ck === false) flags.push('nousmle');
  if (r.ecfmg === false) flags.push('noecfmg');
  if (r.step1 === false) flags.push('s1no');
  if (r.step2ck === false) flags.push('s2no');
  if (l.lorPossible === true) flags.push('lor');
  return flags;
}

function searchEntries(l: Listing): IndexEntry[] {
  const score = sortScore(l);
  const t = l.type;
  const entries: IndexEntry[] = [
    { kind: 'z', key: 'zall', score },
    { kind: 'z', key: `zt:${t}`, score },
    { kind: 's', key: `ci:${cityKey(l.city)}` },
    { kind: 's', key: `tci:${t}:${cityKey(l.city)}` },
  ];
  // A fee not stated is left out of the fee order, so no max_fee search finds it.
  if (l.feeUsd !== null) entries.push({ kind: 'z', key: 'zfee', score: l.feeUsd });
  for (const flag of flagNames(l))
    entries.push({ kind: 's', key: flag }, { kind: 's', key: `tf:${t}:${flag}` });
  for (const s of l.specialties) {
    entries.push({ kind: 's', key: `sp:${s}` }, { kind: 's', key: `ts:${t}:${s}` });
    if (l.state !== '') {
      entries.push({ kind: 's', key: `ss:${s}:${l.state}` }, { kind: 's', key: `tss:${t}:${s}:${l.state}` });
    }
  }
  if (l.state !== '')
    entries.push({ kind: 's', key: `st:${l.state}` }, { kind: 's', key: `tst:${t}:${l.state}` });
  for (const w of indexWords([l.title, l.institution, l.city, l.description].join(' '))) {
    entries.push({ kind: 's', key: `w:${w}` });
  }
  for (const suffix of titleSuffixes(l.title)) {
    entries.push({ kind: 'l', key: 'tlex', member: `${suffix}${LEX_SEPARATOR}${l.id}` });
  }
  return entries;
}

/** Every index entry of a listing in its current status. */
export function indexEntries(l: Listing): IndexEntry[] {
  const entries: IndexEntry[] = [{ kind: 'z', key: 'all', score: l.postedAt }];
  if (l.status === 'pending') entries.push({ kind: 'z', key: 'queue', score: l.postedAt });
  if (l.status === 'published') entries.push(...searchEntries(l));
  return entries;
}

/** The entries as the save script reads them: one per line, tab-separated. */
export function encodeEntries(entries: readonly IndexEntry[]): string {
  return entries
    .map((e) =>
      e.kind === 's'
        ? `s\t${e.key}`
        : e.kind === 'z'
          ? `z\t${e.key}\t${e.score}`
          : `l\t${e.key}\t${e.member}`,
    )
    .join('\n');
}
