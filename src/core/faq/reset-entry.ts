import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';
import type { FaqEntry } from './faq-entry.ts';
import { notATopic } from './remove-entry.ts';

/** What `/faq-reset` did. */
export interface EntryReset {
  /** What members saw before: the edited entry, or undefined when the topic was hidden. */
  readonly before?: FaqEntry;
  readonly after: FaqEntry;
}

/** `/faq-reset`: brings a shipped topic back to the shipped text (undoing edits or a removal). Audited. */
export async function resetEntry(
  deps: Pick<CoreDeps, 'faq' | 'audit'>,
  req: Decision & { readonly id: string },
): Promise<Result<EntryReset>> {
  const { faq, audit } = deps;
  const communityId = req.by.communityId;
  const id = req.id.trim().toLowerCase();
  const shipped = faq.shipped.get(id);
  const base = await faq.current(communityId);
  if (!shipped) {
    if (base.index.get(id)) {
      return fail(
        'FAQ.NOT_SHIPPED',
        `${id} was added by a moderator, so it has no shipped text; /faq-remove deletes it.`,
      );
    }
    return notATopic(id, [...faq.shipped.keys()]);
  }
  if (!base.overridden.has(id)) {
    return fail('FAQ.NOT_CHANGED', `${id} already shows the shipped text; nothing was changed.`);
  }
  const before = base.index.get(id);
  await faq.overrides.clear(communityId, id);
  await audit.record({
    at: req.at,
    communityId,
    actorId: req.by.userId,
    action: 'faq.reset',
    target: id,
    before: before ?? { hidden: true },
    after: shipped,
  });
  return ok({ before, after: shipped });
}
