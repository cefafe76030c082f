import type { CommandContext } from '../commands/command.ts';
import { AUTOCOMPLETE_LIMITS, type AutocompleteChoice } from '../commands/options.ts';
import { clip, titleKey } from './listing-text.ts';
import { searchSpecialties } from './specialties.ts';

const { choices: MAX_CHOICES, name: MAX_NAME } = AUTOCOMPLETE_LIMITS;

/**
 * Autocomplete source `specialty`: specialty labels for what was typed. In a
 * `;`-separated list (`cardiology;int`) it completes the last item and keeps
 * the others.
 */
export async function completeSpecialty(query: string, _ctx: CommandContext): Promise<AutocompleteChoice[]> {
  const parts = query.split(';');
  const last = parts.pop() ?? '';
  const head = parts.map((p) => p.trim()).filter((p) => p !== '');
  const prefix = head.length > 0 ? `${head.join(';')};` : '';
  return searchSpecialties(last.trim(), MAX_CHOICES)
    .map((s) => ({
      name: clip(prefix ? `${prefix}${s.label}` : s.label, MAX_NAME),
      value: `${prefix}${s.id}`,
    }))
    .filter((c) => c.value.length <= MAX_NAME);
}

/**
 * Autocomplete source `listing-id`: published listings whose title has a
 * word starting with what was typed; an exact id comes first.
 */
export async function completeListingId(query: string, ctx: CommandContext): Promise<AutocompleteChoice[]> {
  const choices: AutocompleteChoice[] = [];
  const trimmed = query.trim();
  if (/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) {
    const exact = await ctx.deps.listings.get(trimmed);
    if (exact?.status === 'published')
      choices.push({ name: clip(`${exact.title} (${exact.id})`, MAX_NAME), value: exact.id });
  }
  const hits = await ctx.deps.listings.completeTitles(titleKey(trimmed), MAX_CHOICES);
  for (const h of hits) {
    if (!choices.some((c) => c.value === h.id))
      choices.push({ name: clip(`${h.title} (${h.id})`, MAX_NAME), value: h.id });
  }
  return choices.slice(0, MAX_CHOICES);
}
