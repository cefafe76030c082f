import type { AutocompleteInteraction } from 'discord.js';
import { runAutocomplete } from '../../../core/commands/dispatch.ts';
import type { AutocompleteChoice } from '../../../core/commands/options.ts';
import { choicesAsAutocomplete } from '../commands-json.ts';
import { clip, LIMITS } from '../render/clip.ts';
import { commandPath, envFor, type RouterContext } from './context.ts';

/** Filters a long fixed choice list (over Discord's 25) by what the member typed. */
export function matchChoices(choices: readonly string[], query: string): AutocompleteChoice[] {
  const q = query.trim().toLowerCase();
  const starts = choices.filter((c) => c.toLowerCase().startsWith(q));
  const contains = choices.filter((c) => !c.toLowerCase().startsWith(q) && c.toLowerCase().includes(q));
  return [...starts, ...contains].map((c) => ({ name: c, value: c }));
}

function withinBudget<T>(work: Promise<T>, ms: number, fallback: T): Promise<{ value: T; late: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ value: T; late: boolean }>((resolve) => {
    timer = setTimeout(() => resolve({ value: fallback, late: true }), ms);
  });
  return Promise.race([work.then((value) => ({ value, late: false })), late]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Autocomplete, answered from the core within Discord's 3-second window: a
 * source that runs over the budget is answered with an empty list rather
 * than not at all. Choices whose value exceeds 100 characters are left out.
 */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: RouterContext,
): Promise<void> {
  const started = performance.now();
  const { name } = commandPath(interaction);
  const focused = interaction.options.getFocused(true);
  const query = String(focused.value);
  const def = ctx.registry.find(name)?.options[focused.name];
  const { value: choices, late } =
    def?.choices && choicesAsAutocomplete(def)
      ? { value: matchChoices(def.choices, query), late: false }
      : await withinBudget(
          runAutocomplete(name, focused.name, query, envFor(interaction, ctx)),
          ctx.autocompleteBudgetMs,
          [],
        );
  const answer = choices
    .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: clip(c.name, LIMITS.choiceName) || c.value, value: c.value }));
  await interaction.respond(answer);
  const ms = Math.round(performance.now() - started);
  ctx.logger.debug({ cmd: name, option: focused.name, ms, choices: answer.length, late }, 'autocomplete');
  if (late)
    ctx.logger.warn(
      { cmd: name, option: focused.name, budgetMs: ctx.autocompleteBudgetMs },
      'autocomplete too slow',
    );
}
