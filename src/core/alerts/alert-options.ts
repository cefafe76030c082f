import { choiceOption, type OptionsShape } from '../commands/options.ts';
import { LISTING_TYPES } from '../opportunities/listing.ts';
import { filterOptions } from '../opportunities/search.commands.ts';
import { parseSearchWords } from '../opportunities/search-bare-words.ts';
import { fail, ok, type Result } from '../result.ts';

/** An example alert, shown in help and in error messages. */
export const ALERT_EXAMPLE = '/alert add externship cardiology NY hands-on';

/**
 * The options of `/alert add`: the search commands' own filters (same names,
 * descriptions, parsers and autocomplete) plus the type, without the
 * free-text query and the deadline bound, which only make sense for a search
 * run now.
 */
export function alertOptions() {
  const { q: _q, deadline_before: _before, ...filters } = filterOptions();
  return {
    type: choiceOption({
      description: 'Kind of opportunity (any kind when left out)',
      example: 'externship',
      choices: LISTING_TYPES,
    }),
    ...filters,
  } satisfies OptionsShape;
}

/**
 * Reads the bare words of `/alert add` as the search commands do
 * (`externship cardiology NY hands-on free under $500`). Words that are no
 * filter are refused, naming them, instead of becoming a free-text query.
 */
export function parseAlertWords(words: readonly string[]): Result<Record<string, string>> {
  const searchOnly = words.map((w) => /^(q|deadline_before):/i.exec(w)?.[1]).find((k) => k !== undefined);
  if (searchOnly) {
    return fail(
      'OPTION.UNKNOWN',
      `/alert add has no option "${searchOnly}": an alert matches new listings by filters, not by words or a deadline. ` +
        `Its options: ${Object.keys(alertOptions()).join(', ')}. Example: ${ALERT_EXAMPLE}`,
      { option: searchOnly },
    );
  }
  const parsed = parseSearchWords(words, { allowType: true });
  if (!parsed.ok) return parsed;
  const { q, deadline_before: before, ...filters } = parsed.value;
  if (before !== undefined) {
    return fail(
      'ALERT.NO_DEADLINE_FILTER',
      `An alert is for listings published from now on, so it takes no deadline ("${before}"). Leave the date out. Example: ${ALERT_EXAMPLE}`,
      { option: 'deadline_before' },
    );
  }
  if (q !== undefined) {
    return fail(
      'ALERT.UNKNOWN_WORDS',
      `/alert add did not understand "${q}": an alert takes a type, a specialty, a U.S. state, city:<name>, ` +
        `hands-on or observational, free, under $<fee>, no-usmle, no-ecfmg or lor. Example: ${ALERT_EXAMPLE}`,
      { option: 'q' },
    );
  }
  return ok(filters);
}
