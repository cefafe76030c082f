import { z } from 'zod';
import type { OptionDef, OptionKind } from '../commands/options.ts';
import { LIMITS, LISTING_SETTINGS, LISTING_TYPES } from './listing.ts';
import {
  type FieldParser,
  LISTING_FIELDS,
  type ListingFieldName,
  type ListingFieldValues,
} from './listing-fields.ts';

/**
 * Command options for listing fields (/post, /suggest, /edit), named like
 * the CSV columns and validated by the same parsers as import rows.
 */
interface FieldSpec {
  readonly kind: OptionKind;
  readonly description: string;
  readonly example: string;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly autocomplete?: string;
}

/** Answers of a yes / no / not stated field (true/false are accepted too). */
const STATED_CHOICES = ['yes', 'no', 'not stated'] as const;

const SPECS: Record<Exclude<ListingFieldName, 'id'>, FieldSpec> = {
  title: {
    kind: 'string',
    description: 'Title, e.g. Cardiology Observership',
    example: 'Cardiology Observership',
    maxLength: LIMITS.title,
  },
  type: {
    kind: 'string',
    description: 'Kind of opportunity',
    example: 'observership',
    choices: LISTING_TYPES,
  },
  specialties: {
    kind: 'string',
    description: 'Specialties separated by ; (aliases work: IM, peds, OB/GYN)',
    example: 'cardiology;internal-medicine',
    maxLength: 200,
    autocomplete: 'specialty',
  },
  institution: {
    kind: 'string',
    description: 'Hospital, practice or institute',
    example: 'Bluewater Heights Medical Center',
    maxLength: LIMITS.institution,
  },
  city: { kind: 'string', description: 'City', example: 'New York', maxLength: LIMITS.city },
  state: {
    kind: 'string',
    description: 'U.S. state code or name (empty outside the U.S.)',
    example: 'NY',
    maxLength: 40,
  },
  description: {
    kind: 'string',
    description: 'What the member will do, who supervises, what the fee covers',
    example: 'Observers join the consult team on rounds.',
    maxLength: LIMITS.description,
  },
  hands_on: {
    kind: 'boolean',
    description: 'Hands-on patient care (true) or observational (false)',
    example: 'false',
  },
  country: {
    kind: 'string',
    description: 'Two-letter country code (default US)',
    example: 'US',
    maxLength: 20,
  },
  setting: {
    kind: 'string',
    description: 'Setting of the program',
    example: 'community-hospital',
    choices: LISTING_SETTINGS,
  },
  duration_weeks: {
    kind: 'string',
    description: 'Length in weeks: 4 or a range 4-8',
    example: '4-8',
    maxLength: 12,
  },
  fee_usd: {
    kind: 'string',
    description: 'Fee in whole US dollars: 0 or free = free; leave it out when the listing does not say',
    example: '1200',
    maxLength: 20,
  },
  fee_covers: {
    kind: 'string',
    description: 'What the fee pays for (admin, malpractice cover, EMR access)',
    example: 'administration and malpractice cover',
    maxLength: LIMITS.feeCovers,
  },
  step1_required: {
    kind: 'string',
    description: 'USMLE Step 1 required: yes, no, or not stated when the listing does not say',
    example: 'yes',
    choices: STATED_CHOICES,
  },
  step2ck_required: {
    kind: 'string',
    description: 'USMLE Step 2 CK required: yes, no, or not stated when the listing does not say',
    example: 'no',
    choices: STATED_CHOICES,
  },
  ecfmg_required: {
    kind: 'string',
    description: 'ECFMG certification required: yes, no, or not stated when the listing does not say',
    example: 'no',
    choices: STATED_CHOICES,
  },
  other_requirements: {
    kind: 'string',
    description: 'Other requirements (immunisations, background check, visa...)',
    example: 'BLS certificate',
    maxLength: LIMITS.otherRequirements,
  },
  lor_possible: {
    kind: 'string',
    description:
      'A letter of recommendation is possible: yes, no, or not stated when the listing does not say',
    example: 'yes',
    choices: STATED_CHOICES,
  },
  deadline: {
    kind: 'string',
    description: 'Application deadline YYYY-MM-DD, or rolling',
    example: '2027-03-15',
    maxLength: 12,
  },
  start_date: { kind: 'string', description: 'Start date YYYY-MM-DD', example: '2027-06-07', maxLength: 12 },
  contact: {
    kind: 'string',
    description: 'Contact email or web page',
    example: 'observers@hospital.example.org',
    maxLength: LIMITS.contact,
  },
  timezone: {
    kind: 'string',
    description: 'Time zone of the deadline (default America/New_York)',
    example: 'America/Chicago',
    maxLength: 60,
  },
};

function schemaOf<T>(parse: FieldParser<T>): z.ZodType<T> {
  return z.unknown().transform((value, ctx) => {
    const parsed = parse(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  }) as unknown as z.ZodType<T>;
}

function fieldOption<K extends ListingFieldName, R extends boolean>(
  name: K,
  required: R,
  spec: FieldSpec,
): OptionDef<ListingFieldValues[K], R> {
  return {
    ...spec,
    required,
    schema: schemaOf(LISTING_FIELDS[name] as FieldParser<ListingFieldValues[K]>),
  };
}

const REQUIRED_ON_NEW = ['title', 'type', 'specialties', 'institution', 'city'] as const;

type ContentFields = Exclude<ListingFieldName, 'id'>;
type OptionalFieldOptions = { [K in ContentFields]: OptionDef<ListingFieldValues[K], false> };
type NewFieldOptions = Omit<OptionalFieldOptions, (typeof REQUIRED_ON_NEW)[number]> & {
  [K in (typeof REQUIRED_ON_NEW)[number]]: OptionDef<ListingFieldValues[K], true>;
};

/** Every content field as an optional option (for /edit). */
export function editableFieldOptions(): OptionalFieldOptions {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SPECS))
    out[name] = fieldOption(name as ContentFields, false, spec);
  return out as OptionalFieldOptions;
}

/** The content fields for a new listing: the essentials required, first (Discord wants them first). */
export function newListingOptions(): NewFieldOptions {
  const out: Record<string, unknown> = {};
  for (const name of REQUIRED_ON_NEW) out[name] = fieldOption(name, true, SPECS[name]);
  for (const [name, spec] of Object.entries(SPECS)) {
    if (!(name in out)) out[name] = fieldOption(name as ContentFields, false, spec);
  }
  return out as NewFieldOptions;
}

/** The optional `id` of /post (a readable id such as obs-cardio-ny-01; generated when absent). */
export function idFieldOption(): OptionDef<string, false> {
  return fieldOption('id', false, {
    kind: 'string',
    description: 'A readable id such as obs-cardio-ny-01 (generated when left out)',
    example: 'obs-cardio-ny-01',
    maxLength: 64,
  });
}
