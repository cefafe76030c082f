import type { ActionDef, CommandContext } from '../commands/command.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { faqEntrySchema } from './faq-entry.ts';
import { findGapGroup, type GapGroup } from './faq-gaps.ts';
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
export async function gapGroup(ctx: CommandContext, gapId: string): Promise<Result<GapGroup>> {
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const group = await findGapGroup(ctx, base.index, gapId);
  return group ? ok(group) : fail('FAQ.GAP_NOT_FOUND', GONE);
}

/** Removes every question of a group; the gap disappears from /faq-gaps. */
export async function closeGap(ctx: CommandContext, group: GapGroup): Promise<void> {
  await ctx.deps.faqFeedback.removeGaps(ctx.actor.communityId, group.ids);
}

/**
 * Adds a gap's question to a topic as one more phrasing, so members who ask
 * it that way get the topic, and removes the gap. Audited like /faq-edit;
 * the answer and its verification date stay as they were.
 */
export async function addGapAsPhrasing(payload: string, ctx: CommandContext): Promise<Reply> {
  const m = /^(g[0-9a-z]{1,12})\.([a-z0-9-]{1,60})$/.exec(payload);
  if (!m?.[1] || !m[2])
    return errorReply('FAQ.BAD_GAP', 'This button is not valid any more. Run /faq-gaps again.');
  const found = await gapGroup(ctx, m[1]);
  if (!found.ok) return errorReply(found.code, found.message);
  const base = await ctx.deps.faq.current(ctx.actor.communityId);
  const before = base.index.get(m[2]);
  if (!before)
    return errorReply('FAQ.NOT_FOUND', `There is no topic ${m[2]} any more. /faq-list shows every id.`);
  const alias = aliasFromGap(found.value.text);
  const known = before.aliases.some((a) => a.toLowerCase() === alias.toLowerCase());
  const aliases = known ? before.aliases : [...before.aliases, alias].slice(-MAX_ALIASES);
  const after = faqEntrySchema.parse({ ...before, aliases });
  await ctx.deps.faq.overrides.put(ctx.actor.communityId, after.id, {
    kind: 'entry',
    entry: after,
    by: ctx.actor.userId,
    at: ctx.now,
  });
  await ctx.deps.audit.record({
    at: ctx.now,
    communityId: ctx.actor.communityId,
    actorId: ctx.actor.userId,
    action: 'faq.edit',
    target: after.id,
    before,
    after,
  });
  await closeGap(ctx, found.value);
  return reply({
    title: `Phrasing added to ${after.id}`,
    text: `Members who ask "${alias}" now get "${after.title}". The question (asked ${found.value.count} time${found.value.count === 1 ? '' : 's'}) is off /faq-gaps.`,
    ids: [after.id],
    actions: [showButton(after)],
    ephemeral: true,
  });
}

/** Drops a gap (chit-chat, spam, something no topic should answer). */
export async function dismissGap(payload: string, ctx: CommandContext): Promise<Reply> {
  const found = await gapGroup(ctx, payload);
  if (!found.ok) return errorReply(found.code, found.message);
  await closeGap(ctx, found.value);
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
