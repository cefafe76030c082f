import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';

/**
 * The field's vocabulary: abbreviations, spellings and chat shorthand that
 * members use for the same thing, applied to the FAQ entries and to every
 * question alike (document normalisation), so "LoR", "rec letter" and
 * "letter of recommendation" all meet on one index term. Moderators tune it
 * in `config/faq/synonyms.yaml`; this module checks that file's shape.
 *
 * A row maps variants (lowercase words, as the tokenizer produces them) to
 * the terms that stand for the concept; the variant is replaced. A row with
 * `keepWords` also keeps the words of a multi-word variant ("letter of
 * recommendation" adds `lor` and still indexes "letter" and
 * "recommendation"), for phrases whose words mean something on their own.
 * Specialties (IM, FM, peds, psych...) come from the shared specialty
 * vocabulary instead of this table.
 */
export interface SynonymRow {
  /** Terms emitted for the concept (stemmed like any other word). */
  readonly to: readonly string[];
  readonly variants: readonly string[];
  readonly keepWords?: boolean;
}

/** A term: one lowercase word (the index holds words). */
const term = z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word, e.g. lor');
/** A variant: lowercase words as the tokenizer splits them (a hyphen splits like a space). */
const variant = z
  .string()
  .regex(/^[a-z0-9]+([ -][a-z0-9]+)*$/, 'must be lowercase words separated by spaces, e.g. "rec letter"');

/** One row as written in the file. */
export const synonymRowSchema = z
  .object({
    to: z.array(term).min(1, 'needs at least one term, e.g. to: [lor]'),
    variants: z.array(variant).min(1, 'needs at least one variant, e.g. variants: [rec letter]'),
    keep_words: z.boolean().optional(),
  })
  .strict();

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function rowName(raw: unknown, index: number): string {
  const to = (raw as { to?: unknown } | null)?.to;
  const first = Array.isArray(to) && typeof to[0] === 'string' ? ` (to: ${to[0]})` : '';
  return `row ${index + 1}${first}`;
}

/**
 * Parses the synonyms file's text. Every problem is listed, each naming the
 * file, the row (its number and first term) and the field, so one round of
 * fixes is enough. A variant listed in two rows is refused: which concept it
 * stands for would depend on the order of the rows.
 */
export function parseSynonyms(text: string, file = 'synonyms.yaml'): Result<SynonymRow[]> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return fail('CONFIG.FAQ_SYNONYMS', `${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const rows = (doc as { synonyms?: unknown } | null)?.synonyms;
  if (!Array.isArray(rows) || rows.length === 0) {
    return fail(
      'CONFIG.FAQ_SYNONYMS',
      `${file}: needs a "synonyms:" list with at least one row, e.g. "synonyms:\\n  - to: [lor]\\n    variants: [rec letter]"`,
    );
  }
  const problems: string[] = [];
  const out: SynonymRow[] = [];
  const rowOf = new Map<string, string>();
  rows.forEach((raw, i) => {
    const parsed = synonymRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = fieldPath(issue.path);
        const line =
          issue.code === 'unrecognized_keys'
            ? `field ${issue.keys.join(', ')}: is not a field a row can have (to, variants, keep_words)`
            : `field ${where || 'to'}: ${issue.message}`;
        problems.push(`${file}: ${rowName(raw, i)}, ${line}`);
      }
      return;
    }
    const name = rowName(raw, i);
    parsed.data.variants.forEach((v, j) => {
      const other = rowOf.get(v);
      if (other !== undefined && other !== name) {
        problems.push(`${file}: ${name}, field variants[${j}]: "${v}" is already a variant of ${other}`);
      }
      rowOf.set(v, name);
    });
    const { to, variants, keep_words } = parsed.data;
    out.push(keep_words ? { to, variants, keepWords: true } : { to, variants });
  });
  if (problems.length > 0) return fail('CONFIG.FAQ_SYNONYMS', problems.join('\n'));
  return ok(out);
}
