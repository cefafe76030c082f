import { type ActionDef, type Command, defineCommand } from '../commands/command.ts';
import {
  booleanOption,
  choiceOption,
  dateOption,
  integerOption,
  type OptionsShape,
  stringOption,
} from '../commands/options.ts';
import { LIMITS, LISTING_TYPES, type ListingType, TYPE_LABELS } from './listing.ts';
import { parseSearchWords } from './search-bare-words.ts';
import { pageAction, type SearchInput, searchCommand } from './search-listings.ts';
import { PAGE_ACTION } from './search-reply.ts';

/** The filters every search command takes (member alerts reuse them). */
export function filterOptions() {
  return {
    specialty: stringOption({
      description: 'Specialty, e.g. cardiology, IM, peds, OB/GYN',
      example: 'cardiology',
      maxLength: 60,
      autocomplete: 'specialty',
    }),
    state: stringOption({ description: 'U.S. state, code or name, e.g. NY', example: 'NY', maxLength: 40 }),
    city: stringOption({ description: 'City, e.g. Boston', example: 'Boston', maxLength: LIMITS.city }),
    hands_on: booleanOption({
      description: 'true: hands-on patient care only; false: observational only',
      example: 'true',
    }),
    max_fee: integerOption({
      description: 'Highest fee in US dollars (listings that do not state a fee are left out)',
      example: '1500',
      min: 0,
      max: LIMITS.feeUsd,
    }),
    free: booleanOption({ description: 'true: programs stated as free only', example: 'true' }),
    no_usmle: booleanOption({
      description: 'true: Step 1 and Step 2 CK both stated as not required',
      example: 'true',
    }),
    no_ecfmg: booleanOption({
      description: 'true: ECFMG certification stated as not required',
      example: 'true',
    }),
    lor: booleanOption({
      description: 'true: a letter of recommendation stated as possible',
      example: 'true',
    }),
    eligible: booleanOption({
      description: 'true: only listings whose stated requirements your /profile meets',
      example: 'true',
    }),
    deadline_before: dateOption({
      description: 'Deadline before this date (YYYY-MM-DD)',
      example: '2027-06-01',
    }),
    q: stringOption({
      description: 'Words in the title, institution, city or description',
      example: 'heart failure',
      maxLength: 200,
    }),
  } satisfies OptionsShape;
}

const TYPE_COMMANDS: readonly { name: string; type: ListingType; example: string }[] = [
  { name: 'observership', type: 'observership', example: '/observership cardiology NY free' },
  { name: 'externship', type: 'externship', example: '/externship IM hands-on lor' },
  { name: 'clerkship', type: 'clerkship', example: '/clerkship pediatrics CA' },
  { name: 'research', type: 'research', example: '/research cardiology no-usmle' },
  { name: 'volunteer', type: 'volunteer', example: '/volunteer free clinic FL' },
];

function typeCommand(name: string, type: ListingType, example: string): Command {
  const label = TYPE_LABELS[type].many.toLowerCase();
  return defineCommand({
    name,
    description: `Find ${label}: filter by specialty, state, fee, USMLE/ECFMG needs, deadline`,
    group: 'opportunities',
    permission: 'member',
    options: filterOptions(),
    examples: [example, `/${name} specialty:cardiology state:NY hands_on:true max_fee:2000`],
    bareWords: {
      kind: 'parse',
      parse: (words) => parseSearchWords(words, { allowType: false, ownType: type }),
    },
    handler: (input, ctx) => searchCommand(name, { ...(input as SearchInput), type }, ctx),
  });
}

/** `/observership`, `/externship`, `/clerkship`, `/research`, `/volunteer`. */
export const typeSearchCommands: readonly Command[] = TYPE_COMMANDS.map((c) =>
  typeCommand(c.name, c.type, c.example),
);

/** `/opportunities type:<type> ...`: every type, or one. */
export const opportunitiesCommand = defineCommand({
  name: 'opportunities',
  description: 'Find clinical experience of any type: observerships, externships, research and more',
  group: 'opportunities',
  permission: 'member',
  options: {
    type: choiceOption({
      description: 'Kind of opportunity',
      example: 'sub-internship',
      choices: LISTING_TYPES,
    }),
    ...filterOptions(),
  },
  examples: ['/opportunities type:sub-internship specialty:IM', '/opportunities clinical-assistant NJ'],
  bareWords: { kind: 'parse', parse: (words) => parseSearchWords(words, { allowType: true }) },
  handler: (input, ctx) => searchCommand('opportunities', input as SearchInput, ctx),
});

/** The next/previous page buttons of a search. */
export const pageListingsAction: ActionDef = {
  id: PAGE_ACTION,
  permission: 'member',
  replacesMessage: true,
  handler: pageAction,
};
