import { DateTime } from 'luxon';
import { z } from 'zod';

/** Longest answer body, in characters (domain digest: answers stay short and practical). */
export const MAX_ANSWER_CHARS = 1200; // why: the domain digest caps answers at ~1,200 characters
/** Longest title: it is also an autocomplete choice name, which Discord caps at 100 characters. */
export const MAX_TITLE_CHARS = 100;

/** A topic id: lowercase words joined by `-` (it is the file name and a button payload). */
export const FAQ_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const shortText = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);

/**
 * One FAQ entry, as written in `config/faq/<id>.md` (YAML front matter plus a
 * Markdown body) or by a moderator's `/faq-edit`. Unknown keys are errors so a
 * typo (`alias:`) does not silently lose data.
 */
export const faqEntrySchema = z
  .object({
    id: z
      .string()
      .max(60, { error: 'must be at most 60 characters' }) // why: fits a button payload with room to spare
      .regex(FAQ_ID_PATTERN, { error: 'must be lowercase words joined by - (e.g. visa-constraints)' }),
    title: shortText(MAX_TITLE_CHARS),
    aliases: z.array(shortText(200)).default([]), // why: an alias is one phrasing, never a paragraph
    tags: z
      .array(z.string().regex(FAQ_ID_PATTERN, { error: 'must be a lowercase tag like planning' }))
      .min(1),
    keywords: z.array(shortText(60)).default([]),
    related: z.array(z.string()).default([]),
    last_verified: z
      .string({ error: 'must be a date written YYYY-MM-DD' })
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid, {
        error: 'must be a date written YYYY-MM-DD',
      }),
    body: z
      .string()
      .trim()
      .min(1, { error: 'the answer must not be empty' })
      .max(MAX_ANSWER_CHARS, { error: `the answer must be at most ${MAX_ANSWER_CHARS} characters` }),
  })
  .strict();

/** A validated FAQ entry. */
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/** Formats the first schema issue of `raw` as `field: message` ("title: is missing"). */
export function describeEntryIssue(error: z.ZodError, raw: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'is not a valid FAQ entry';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
  const top = issue.path[0];
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<PropertyKey, unknown>) : {};
  if (issue.path.length === 1 && top !== undefined && given[top] === undefined) return `${where}: is missing`;
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')}`;
  if (where === 'body' && issue.code === 'too_big') {
    return `the answer is too long (at most ${MAX_ANSWER_CHARS} characters)`;
  }
  return `${where}: ${issue.message}`;
}

/** A problem in a set of entries, tied to the entry it was found in. */
export interface EntrySetProblem {
  readonly id: string;
  readonly message: string;
}

/**
 * Checks what one entry cannot check alone: unique ids and `related` links
 * that point at an entry of the set (and not at itself).
 */
export function checkEntrySet(entries: readonly FaqEntry[]): EntrySetProblem[] {
  const problems: EntrySetProblem[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) problems.push({ id: e.id, message: `duplicate id ${e.id}` });
    seen.add(e.id);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (r === e.id) problems.push({ id: e.id, message: `related: links to itself (${r})` });
      else if (!seen.has(r))
        problems.push({ id: e.id, message: `related: broken link to ${r} (no entry has that id)` });
    }
  }
  return problems;
}
