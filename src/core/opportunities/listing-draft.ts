import { fail, ok, type Result } from '../result.ts';
import type { ListingDraft } from './listing.ts';
import type { ListingFieldName, ListingFieldValues } from './listing-fields.ts';

/** One problem with one field, as import reports and option errors name it. */
export interface FieldError {
  /** CSV column / option name (`fee_usd`). */
  readonly field: string;
  readonly reason: string;
}

/** Fields a new listing must have. */
export const REQUIRED_FIELDS: readonly ListingFieldName[] = [
  'title',
  'type',
  'specialties',
  'institution',
  'city',
];

function emptyDraft(
  timezone: string,
): Omit<ListingDraft, 'title' | 'type' | 'specialties' | 'institution' | 'city'> {
  return {
    handsOn: false,
    state: '',
    country: 'US',
    setting: 'other',
    durationWeeks: null,
    // Unknown is not no: what the poster did not state stays "not stated".
    feeUsd: null,
    feeCovers: '',
    requirements: { step1: null, step2ck: null, ecfmg: null, other: '' },
    lorPossible: null,
    deadline: null,
    startDate: null,
    timezone,
    contact: '',
    description: '',
  };
}

/** `value` when the field was given (null included: it means "none"), else `fallback`. */
function given<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function overlay(base: ListingDraft, v: Partial<ListingFieldValues>): ListingDraft {
  const id = given(v.id, base.id);
  return {
    ...(id !== undefined ? { id } : {}),
    title: given(v.title, base.title),
    type: given(v.type, base.type),
    handsOn: given(v.hands_on, base.handsOn),
    specialties: given(v.specialties, base.specialties),
    institution: given(v.institution, base.institution),
    city: given(v.city, base.city),
    state: given(v.state, base.state),
    country: given(v.country, base.country),
    setting: given(v.setting, base.setting),
    durationWeeks: given(v.duration_weeks, base.durationWeeks),
    feeUsd: given(v.fee_usd, base.feeUsd),
    feeCovers: given(v.fee_covers, base.feeCovers),
    requirements: {
      step1: given(v.step1_required, base.requirements.step1),
      step2ck: given(v.step2ck_required, base.requirements.step2ck),
      ecfmg: given(v.ecfmg_required, base.requirements.ecfmg),
      other: given(v.other_requirements, base.requirements.other),
    },
    lorPossible: given(v.lor_possible, base.lorPossible),
    deadline: given(v.deadline, base.deadline),
    startDate: given(v.start_date, base.startDate),
    timezone: given(v.timezone, base.timezone),
    contact: given(v.contact, base.contact),
    description: given(v.description, base.description),
  };
}

function crossCheck(d: ListingDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (d.country === 'US' && d.state === '') {
    errors.push({ field: 'state', reason: 'is required for a U.S. listing (a code such as NY)' });
  }
  if (d.country !== 'US' && d.state !== '') {
    errors.push({ field: 'state', reason: `must be empty outside the U.S. (country is ${d.country})` });
  }
  return errors;
}

function failed(errors: readonly FieldError[]): Result<never> {
  const first = errors[0];
  return fail('LISTING.INVALID', first ? `${first.field} ${first.reason}` : 'the listing is not valid', {
    errors,
  });
}

/**
 * A new listing's content from parsed field values: required fields checked,
 * the rest defaulted (observational, US, rolling; fee, exam requirements and
 * letter not stated), then cross-field
 * rules (a U.S. listing needs a state; a foreign one has none).
 */
export function newDraft(values: Partial<ListingFieldValues>, defaultZone: string): Result<ListingDraft> {
  const missing = REQUIRED_FIELDS.filter((f) => values[f] === undefined || values[f] === '');
  if (missing.length > 0) return failed(missing.map((field) => ({ field, reason: 'is required' })));
  const base = {
    ...emptyDraft(defaultZone),
    title: values.title as string,
    type: values.type as ListingDraft['type'],
    specialties: values.specialties as string[],
    institution: values.institution as string,
    city: values.city as string,
  };
  const draft = overlay(base, values);
  const errors = crossCheck(draft);
  return errors.length > 0 ? failed(errors) : ok(draft);
}

/** An edited listing's content: `values` over `base`, cross-checked again. */
export function editDraft(base: ListingDraft, values: Partial<ListingFieldValues>): Result<ListingDraft> {
  const draft = overlay(base, values);
  const errors = crossCheck(draft);
  return errors.length > 0 ? failed(errors) : ok(draft);
}

/** Field errors carried by a failure from {@link newDraft} / {@link editDraft}. */
export function fieldErrors(failure: { details?: Readonly<Record<string, unknown>> }): FieldError[] {
  return (failure.details?.errors as FieldError[] | undefined) ?? [];
}
