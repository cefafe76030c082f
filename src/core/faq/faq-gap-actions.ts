import type { Decision } from '../caller.ts';
import { decisionOf } from '../caller.ts';
import type { ActionDef, CommandContext } from '../commands/command.ts';
import type { CoreDeps } from '../deps.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { type FaqEntry, faqEntrySchema } from './faq-entry.ts';
import { findGapGroup, type GapGroup, type GapScope } from './faq-gaps.ts';
import { showButton } from './faq-replies.ts';

/** Button: add a gap's question as a phrasing of a topic; payload `<gap id>.<topic id>`. */
export const FAQ_GAP_ALIAS_ACTION = 'faq.gap-alias';
/** Button: drop a gap (and its group) without an entry; payload = gap id. */
export const FAQ_GAP_DISMISS_ACTION = 'faq.gap-dismiss';

const MAX_ALIAS = 200; // why: the entry schema's limit for one phrasing
const MAX_ALIASES = 40; // why: keeps an entry's phrasings readable in /faq-edit and cheap to index

const GONE =
  'That question is no longer in the list (already handled, or older than 90 days). /faq-gaps shows the current ones.';

/** The question as an alias: one line, no `;` (the /faq-edit separator), within the limit. */
export function aliasFromGap(text: string): string {
  return text
    .replace(/[;\n]+/g, ', ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_ALIAS);
}

/** Looks up a gap's group, or fails with a message that says why it is gone. */
export async function gapGroup(
  deps: Pick<CoreDeps, 'faq' | 'faqFeedback'>,
  scope: GapScope,
  gapId: string,
): Promise<Result<GapGroup>> {
  const base = await deps.faq.current(scope.communityId);
  const group = await findGapGroup(deps, scope, base.index, gapId);
  return group ? ok(group) : fail('FAQ.GAP_NOT_FOUND', GONE);
}

/** Removes every question of a group; the gap disappears from /faq-gaps. */
export async function closeGap(
  deps: Pick<CoreDeps, 'faqFeedback'>,
  communityId: string,
  group: GapGroup,
): Promise<void> {
  await deps.faqFeedback.removeGaps(communityId, group.ids);
}

/** The gap scope of a moderator's decision: their community, at the decision's instant. */
function scopeOf(d: Decision): GapScope {
  return { communityId: d.by.communityId, at: d.at };
}

/** What adding a gap's question as a phrasing did. */
export interface PhrasingAdded {
  readonly after: FaqEntry;
  readonly alias: string;
  readonly group: GapGroup;
}

/**
 * Adds a gap's question to a topic as one more phrasing, so members who ask
 * it that way get the topic, and removes the gap. Audited like /faq-edit;
 * the answer and its verification date stay as they were. Fails with
 * `FAQ.GAP_NOT_FOUND` or `FAQ.NOT_FOUND`.
 */
export async function addGapPhrasing(
  deps: Pick<CoreDeps, 'faq' | 'faqFeedback' | 'audit'>,
  req: Decision & { readonly gapId: string; readonly entryId: string },
): Promise<Result<PhrasingAdded>> {
  const communityId = req.by.communityId;
  const found = await gapGroup(deps, scopeOf(req), req.gapId);
  if (!found.ok) return found;
  const base = await deps.faq.current(communityId);
  const before = base.index.get(req.entryId);
  if (!before)
    return fail('FAQ.NOT_FOUND', `There is no topic ${req.entryId} any more. /faq-list shows every id.`);
  const alias = aliasFromGap(found.value.text);
  const known = before.aliases.some((a) => a.toLowerCase() === alias.toLowerCase());
  const aliases = known ? before.aliases : [...before.aliases, alias].slice(-MAX_ALIASES);
  const after = faqEntrySchema.parse({ ...before, aliases });
  await deps.faq.overrides.put(communityId, after.id, {
    kind: 'entry',
    entry: after,
    by: req.by.userId,
    at: req.at,
  });
  await deps.audit.record({
    at: req.at,
    communityId,
    actorId: req.by.userId,
    action: 'faq.edit',
    target: after.id,
    before,
    after,
  });
  await closeGap(deps, communityId, found.value);
  return ok({ after, alias, group: found.value });
}

/** The "add as phrasing" button: runs {@link addGapPhrasing} for the moderator. */
export async function addGapAsPhrasing(payload: string, ctx: CommandContext): Promise<Reply> {
  const m = /^(g[0-9a-z]{1,12})\.([a-z0-9-]{1,60})$/.exec(payload);
  if (!m?.[1] || !m[2])
    return errorReply('FAQ.BAD_GAP', 'This button is not valid any more. Run /faq-gaps again.');
  const done = await addGapPhrasing(ctx.deps, { ...decisionOf(ctx), gapId: m[1], entryId: m[2] });
  if (!done.ok) return errorReply(done.code, done.message);
  const { after, alias, group } = done.value;
  return reply({
    title: `Phrasing added to ${after.id}`,
    text: `Members who ask "${alias}" now get "${after.title}". The question (asked ${group.count} time${group.count === 1 ? '' : 's'}) is off /faq-gaps.`,
    ids: [after.id],
    actions: [showButton(after)],
    ephemeral: true,
  });
}

/** Drops a gap (chit-chat, spam, something no topic should answer). */
export async function dismissGap(payload: string, ctx: CommandContext): Promise<Reply> {
  const found = await gapGroup(ctx.deps, scopeOf(decisionOf(ctx)), payload);
  if (!found.ok) return errorReply(found.code, found.message);
  await closeGap(ctx.deps, ctx.actor.communityId, found.value);
  return reply({
    title: 'Question dismissed',
    text: `"${found.value.text}" (asked ${found.value.count} time${found.value.count === 1 ? '' : 's'}) is off /faq-gaps.`,
    ephemeral: true,
  });
}

export const faqGapAliasAction: ActionDef = {
  id: FAQ_GAP_ALIAS_ACTION,
  permission: 'moderator',
  handler: addGapAsPhrasing,
};

export const faqGapDismissAction: ActionDef = {
  id: FAQ_GAP_DISMISS_ACTION,
  permission: 'moderator',
  handler: dismissGap,
};
