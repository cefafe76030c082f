import type { CommandContext } from '../commands/command.ts';
import { type AutocompleteChoice, autocompleteChoice } from '../commands/options.ts';
import { describeAlert } from './alert.ts';

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
    .map(({ a, text }) => autocompleteChoice(text, ` (${a.id})`, a.id));
}
