import type { Decision } from '../caller.ts';
import { closest } from '../commands/suggest.ts';
import type { CoreDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';
import type { FaqEntry } from './faq-entry.ts';

/** What `/faq-remove` did. */
export interface EntryRemoval {
  readonly removed: FaqEntry;
  /** A shipped topic comes back with `/faq-reset`; a moderator's own topic is gone. */
  readonly shipped: boolean;
  /** Topics whose `related` links pointed at it (those links are no longer shown). */
  readonly linkedFrom: readonly string[];
}

/** Fails with the closest ids when `id` is not a visible topic. */
export function notATopic(id: string, visibleIds: readonly string[]): Result<never> {
  const guesses = closest(id, visibleIds);
  const hint = guesses.length > 0 ? ` Did you mean ${guesses.join(' or ')}?` : '';
  return fail('FAQ.NOT_FOUND', `There is no FAQ topic ${id}.${hint} /faq-list shows every id.`);
}

/**
 * `/faq-remove`: hides a topic for this community (a shipped one stays
 * restorable with `/faq-reset`; a moderator-added one is deleted). Audited.
 */
export async function removeEntry(
  deps: Pick<CoreDeps, 'faq' | 'audit'>,
  req: Decision & { readonly id: string },
): Promise<Result<EntryRemoval>> {
  const { faq, audit } = deps;
  const communityId = req.by.communityId;
  const id = req.id.trim().toLowerCase();
  const base = await faq.current(communityId);
  const entry = base.index.get(id);
  if (!entry)
    return notATopic(
      id,
      base.index.entries.map((e) => e.id),
    );
  const shipped = faq.shipped.has(id);
  if (shipped) await faq.overrides.put(communityId, id, { kind: 'hidden', by: req.by.userId, at: req.at });
  else await faq.overrides.clear(communityId, id);
  await audit.record({
    at: req.at,
    communityId,
    actorId: req.by.userId,
    action: 'faq.remove',
    target: id,
    before: entry,
    after: null,
  });
  const linkedFrom = base.index.entries.filter((e) => e.related.includes(id)).map((e) => e.id);
  return ok({ removed: entry, shipped, linkedFrom });
}
