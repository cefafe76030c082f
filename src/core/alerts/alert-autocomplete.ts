import type { CommandContext } from '../commands/command.ts';
import type { AutocompleteChoice } from '../commands/options.ts';
import { describeAlert } from './alert.ts';

// why: Discord caps a choice's name at 100 characters
const MAX_NAME = 100;

/**
 * Autocomplete source `alert-id`: the member's own alerts as
 * "description (id)"; what was typed filters on the id or the description.
 * Nobody else's alerts are ever offered (a member has at most ten).
 */
export async function completeAlertId(query: string, ctx: CommandContext): Promise<AutocompleteChoice[]> {
  const typed = query.trim().toLowerCase();
  return (await ctx.deps.alerts.store.listForUser(ctx.actor.userId))
    .map((a) => ({ a, text: describeAlert(a.filters) }))
    .filter(({ a, text }) => typed === '' || a.id.startsWith(typed) || text.toLowerCase().includes(typed))
    .map(({ a, text }) => {
      const tail = ` (${a.id})`;
      const room = MAX_NAME - tail.length;
      return { name: `${text.length > room ? `${text.slice(0, room - 1)}…` : text}${tail}`, value: a.id };
    });
}
