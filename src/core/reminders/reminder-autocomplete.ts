import type { CommandContext } from '../commands/command.ts';
import {
  AUTOCOMPLETE_LIMITS,
  type AutocompleteChoice,
  autocompleteChoice,
  idOption,
} from '../commands/options.ts';
import { formatLocal } from '../time/parse-when.ts';

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
    .slice(0, AUTOCOMPLETE_LIMITS.choices);
  return pending.map((r) =>
    autocompleteChoice(r.text, ` · ${formatLocal(r.fireAt, ctx.zone)} (${r.id})`, r.id),
  );
}

/** The `id:` option of the commands that act on one of the member's reminders (ids autocompleted). */
export function reminderIdOption() {
  return idOption({
    description: 'The reminder id shown by /reminders',
    example: 'r7k2m9qxa1',
    required: true as const,
    autocomplete: 'reminder-id',
  });
}
