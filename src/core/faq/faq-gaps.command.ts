import { DateTime } from 'luxon';
import { defineCommand } from '../commands/command.ts';
import { integerOption } from '../commands/options.ts';
import { type ReplyAction, type ReplyField, reply } from '../reply.ts';
import { FAQ_GAP_ALIAS_ACTION, FAQ_GAP_DISMISS_ACTION } from './faq-gap-actions.ts';
import { loadGapGroups } from './faq-gaps.ts';

const DEFAULT_SHOWN = 10; // why: ten groups fit one chat reply and are a moderator's week of work
const WITH_BUTTONS = 5; // why: two buttons per group; Discord allows 25 per message, Slack's blocks stay short
const MAX_LABEL = 80; // why: Discord's button label limit

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `/faq-gaps`: the questions the FAQ refused or was unsure about, grouped by
 * similarity, most asked first, with helpful / not helpful counts of the
 * answers. Each group can become a phrasing of its closest topic (a button),
 * a new topic (`/faq-edit ... from_gap:<id>`) or be dismissed.
 */
export const faqGapsCommand = defineCommand({
  name: 'faq-gaps',
  description: 'Questions the FAQ could not answer well, grouped, most asked first (moderators)',
  group: 'faq',
  permission: 'moderator',
  options: {
    limit: integerOption({
      description: 'How many groups to show (default 10)',
      example: '10',
      min: 1,
      max: 25,
    }),
  },
  examples: ['/faq-gaps', '/faq-gaps limit:20'],
  async handler(input, ctx) {
    const base = await ctx.deps.faq.current(ctx.actor.communityId);
    const [groups, votes] = await Promise.all([
      loadGapGroups(ctx.deps, { communityId: ctx.actor.communityId, at: ctx.now }, base.index),
      ctx.deps.faqFeedback.votes(ctx.actor.communityId),
    ]);
    const shown = groups.slice(0, input.limit ?? DEFAULT_SHOWN);
    const fields: ReplyField[] = shown.map((g) => {
      const when = DateTime.fromMillis(g.lastAt, { zone: ctx.zone }).toFormat('d LLL yyyy');
      const near = g.closest.flatMap((id) => base.index.get(id)?.id ?? []);
      return {
        name: `${g.count}× "${clip(g.text, 200)}"`,
        value:
          `id ${g.id} · last asked ${when}` +
          (near.length > 0 ? ` · closest: ${near.join(', ')}` : ' · no topic is close') +
          `\nNew topic: /faq-edit id:<new-id> title:"..." answer:"..." from_gap:${g.id}`,
      };
    });
    const actions: ReplyAction[] = shown.slice(0, WITH_BUTTONS).flatMap((g) => {
      const near = g.closest.map((id) => base.index.get(id)).find((e) => e !== undefined);
      const out: ReplyAction[] = [];
      if (near) {
        out.push({
          action: FAQ_GAP_ALIAS_ACTION,
          label: clip(`Add "${g.text}" to ${near.id}`, MAX_LABEL),
          payload: `${g.id}.${near.id}`,
          style: 'primary',
        });
      }
      out.push({
        action: FAQ_GAP_DISMISS_ACTION,
        label: clip(`Dismiss "${g.text}"`, MAX_LABEL),
        payload: g.id,
      });
      return out;
    });
    const voted = [...votes.entries()]
      .filter(([id, c]) => base.index.get(id) && c.up + c.down > 0)
      .sort((a, b) => b[1].down - a[1].down || b[1].up - a[1].up);
    if (voted.length > 0) {
      fields.push({
        name: 'Answer votes (helpful / not helpful)',
        value: voted.map(([id, c]) => `${id}: ${c.up} / ${c.down}`).join('\n'),
      });
    }
    const total = groups.reduce((n, g) => n + g.count, 0);
    return reply({
      title: `FAQ gaps (${groups.length} question${groups.length === 1 ? '' : 's'} to look at)`,
      text:
        groups.length === 0
          ? 'Nothing to look at: every question of the last 90 days got a confident answer.'
          : `${total} question${total === 1 ? '' : 's'} of the last 90 days got no answer or an unsure one, ` +
            'grouped by similarity, most asked first. Add one as a phrasing of its closest topic with its button, ' +
            'write a new topic with /faq-edit ... from_gap:<id>, or dismiss it. Only the question, its time and ' +
            'community are kept, never who asked.',
      fields,
      actions,
      ids: shown.map((g) => g.id),
      ephemeral: true,
    });
  },
});
