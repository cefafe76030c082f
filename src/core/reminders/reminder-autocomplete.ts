import type { CommandContext } from '../commands/command.ts';
import type { AutocompleteChoice } from '../commands/options.ts';
import { formatLocal } from '../time/parse-when.ts';

// why: Discord shows at most 25 choices; names and values are capped at 100 characters
const MAX_CHOICES = 25;
const MAX_NAME = 100;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Autocomplete source `reminder-id`: the member's own pending reminders,
 * soonest first, as "what · when (id)" in their zone; what was typed filters
 * on the text or the id. Nobody else's reminders are ever offered.
 */
export async function completeReminderId(query: string, ctx: CommandContext): Promise<AutocompleteChoice[]> {
  const typed = query.trim().toLowerCase();
  const pending = (await ctx.deps.reminders.store.listForUser(ctx.actor.userId))
    .filter((r) => r.status === 'pending')
    .filter(
      (r) => typed === '' || r.id.toLowerCase().startsWith(typed) || r.text.toLowerCase().includes(typed),
    )
    .sort((a, b) => a.fireAt - b.fireAt)
    .slice(0, MAX_CHOICES);
  return pending.map((r) => {
    const tail = ` · ${formatLocal(r.fireAt, ctx.zone)} (${r.id})`;
    return {
      name: `${clip(r.text, Math.max(10, MAX_NAME - tail.length))}${tail}`.slice(0, MAX_NAME),
      value: r.id,
    };
  });
}
