import { DateTime } from 'luxon';
import type { Caller } from '../caller.ts';
import { closest } from '../commands/suggest.ts';
import type { CoreDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';
import { describeEntryIssue, FAQ_ID_PATTERN, type FaqEntry, faqEntrySchema } from './faq-entry.ts';
import { aliasFromGap, closeGap, gapGroup } from './faq-gap-actions.ts';
import type { GapGroup } from './faq-gaps.ts';

/** What a moderator gives `/faq-edit`; lists are raw text (`a; b`, `x, y`). */
export interface EditEntryInput {
  readonly id: string;
  readonly title: string;
  readonly answer: string;
  readonly aliases?: string;
  readonly tags?: string;
  readonly related?: string;
  /** A gap id from /faq-gaps: its question becomes a phrasing of the entry and leaves the gap list. */
  readonly from_gap?: string;
}

/** The change an edit made, for the reply and the audit log. */
export interface EntryChange {
  /** The entry members saw before (undefined for a new topic). */
  readonly before?: FaqEntry;
  readonly after: FaqEntry;
}

const EXAMPLE = '/faq-edit id:visa-constraints title:"How do visa limits affect what I can do?" answer:"..."';

/** Aliases are phrases, so they are separated by `;` or new lines; tags and ids by commas or spaces. */
function phrases(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function ids(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s !== ''),
    ),
  ];
}

/** The gap named by `from_gap`, if any; fails (before anything is written) when it is gone. */
async function optionalGap(
  deps: Pick<CoreDeps, 'faq' | 'faqFeedback'>,
  req: Caller,
  gapId: string | undefined,
): Promise<Result<GapGroup | undefined>> {
  if (gapId === undefined) return ok(undefined);
  return gapGroup(deps, { communityId: req.by.communityId, at: req.at }, gapId.trim().toLowerCase());
}

/** The aliases plus the gap's question, unless it is already one of them. */
function withGapPhrasing(aliases: string[], gap: GapGroup | undefined): string[] {
  if (!gap) return aliases;
  const phrasing = aliasFromGap(gap.text);
  return aliases.some((a) => a.toLowerCase() === phrasing.toLowerCase()) ? aliases : [...aliases, phrasing];
}

/**
 * `/faq-edit`: adds a topic or replaces one for this community, validated
 * like the shipped files (answer length, fields, `related` links to visible
 * topics), stored over the shipped text and audited with before/after. Lists
 * not given keep the current entry's values; the keywords always do. With
 * `from_gap`, the gap's question is added as a phrasing and the gap is closed.
 */
export async function editEntry(
  deps: Pick<CoreDeps, 'faq' | 'faqFeedback' | 'audit'>,
  req: Caller & { readonly input: EditEntryInput },
): Promise<Result<EntryChange>> {
  const { input } = req;
  const { faq, audit } = deps;
  const communityId = req.by.communityId;
  const id = input.id.trim().toLowerCase();
  if (!FAQ_ID_PATTERN.test(id)) {
    return fail(
      'FAQ.INVALID',
      `id: ${id} must be lowercase words joined by - (e.g. visa-constraints). Example: ${EXAMPLE}`,
    );
  }
  const gapFound = await optionalGap(deps, req, input.from_gap);
  if (!gapFound.ok) return gapFound;
  const gap = gapFound.value;
  const base = await faq.current(communityId);
  const visible = base.index.get(id);
  const previous = visible ?? faq.shipped.get(id);
  const explicitRelated = input.related !== undefined ? ids(input.related) : undefined;
  const given = input.aliases !== undefined ? phrases(input.aliases) : (previous?.aliases ?? []);
  const candidate = {
    id,
    title: input.title,
    aliases: withGapPhrasing(given, gap),
    tags: input.tags !== undefined ? ids(input.tags) : (previous?.tags ?? ['general']),
    keywords: previous?.keywords ?? [],
    related: explicitRelated ?? (previous?.related ?? []).filter((r) => base.index.get(r) !== undefined),
    last_verified: DateTime.fromMillis(req.at, { zone: req.zone }).toISODate() ?? '',
    body: input.answer.replace(/\\n/g, '\n'),
  };
  const parsed = faqEntrySchema.safeParse(candidate);
  if (!parsed.success) {
    return fail('FAQ.INVALID', `${describeEntryIssue(parsed.error, candidate)}. Example: ${EXAMPLE}`);
  }
  for (const r of explicitRelated ?? []) {
    if (r === id) return fail('FAQ.BROKEN_LINK', `related: ${id} cannot link to itself.`);
    if (!base.index.get(r)) {
      const guesses = closest(
        r,
        base.index.entries.map((e) => e.id),
      );
      const hint = guesses.length > 0 ? ` Did you mean ${guesses.join(' or ')}?` : '';
      return fail('FAQ.BROKEN_LINK', `related: there is no topic ${r}.${hint} /faq-list shows every id.`);
    }
  }
  const after = parsed.data;
  await faq.overrides.put(communityId, id, {
    kind: 'entry',
    entry: after,
    by: req.by.userId,
    at: req.at,
  });
  await audit.record({
    at: req.at,
    communityId,
    actorId: req.by.userId,
    action: visible ? 'faq.edit' : 'faq.add',
    target: id,
    before: visible ?? null,
    after,
  });
  if (gap) await closeGap(deps, communityId, gap);
  return ok({ before: visible, after });
}
