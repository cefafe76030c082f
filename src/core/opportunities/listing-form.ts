import type { FormSpec } from '../commands/command.ts';
import { type Failure, fail } from '../result.ts';
import { countryField } from './listing-fields.ts';

/**
 * The options outside a listing form that a new listing cannot do without:
 * a U.S. listing (the default country) needs its state, and the form's five
 * inputs hold the long texts, so the state must come with the command.
 * A country the field parser rejects is left for the full validation to report.
 */
export function listingFormPrecheck(command: string): FormSpec['precheck'] {
  return (given): Failure | undefined => {
    const country = countryField(given.country ?? '');
    const state = String(given.state ?? '').trim();
    if (country.ok && country.value === 'US' && state === '') {
      return fail(
        'LISTING.STATE_REQUIRED',
        `A U.S. listing needs its state before the form opens. Add it to the command, e.g. /${command} type:observership city:Albany state:NY (or give country:XX for a listing outside the U.S.).`,
      );
    }
    return undefined;
  };
}
