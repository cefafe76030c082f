import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LISTING_TYPES } from '../opportunities/listing.ts';
import { fail, ok, type Result } from '../result.ts';

/**
 * The red-flag rules moderators maintain in `red-flag-rules.yaml` (beside
 * this file): their shape, checked with zod, and their compiled form. A
 * malformed edit is reported with the rule's id (or position) and the field,
 * so the moderator knows exactly which line to fix.
 */

/** Fields of a listing a rule may read. */
export const RULE_FIELDS = [
  'title',
  'description',
  'fee_covers',
  'other_requirements',
  'contact',
  'institution',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

const DEFAULT_FIELDS: readonly RuleField[] = ['title', 'description', 'fee_covers', 'other_requirements'];

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const pattern = z
  .string()
  .min(1, "is empty; write a phrasing such as '\\bpay (today|now)\\b'")
  .superRefine((s, ctx) => {
    const problem = regexProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression (${problem})` });
  });

const whenSchema = z
  .object({
    hands_on: z.literal(true).optional(),
    types: z.array(z.enum(LISTING_TYPES)).min(1).optional(),
    except_types: z.array(z.enum(LISTING_TYPES)).min(1).optional(),
    fee_above: z.number().int().min(0).optional(),
    fee_covers_empty: z.literal(true).optional(),
  })
  .strict();

/** One rule as written in the file. */
export const redFlagRuleSchema = z
  .object({
    id: z.string().regex(RULE_ID, 'must be lower-case words joined by hyphens, e.g. payment-pressure'),
    label: z.string().min(3).max(80),
    explain: z.string().min(3).max(200),
    look_in: z.array(z.enum(RULE_FIELDS)).min(1).optional(),
    when: whenSchema.optional(),
    match: z.array(pattern).min(1).optional(),
    near: z.array(pattern).min(1).optional(),
    near_or: z.literal('hands_on').optional(),
    unless: z.array(pattern).min(1).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.match && !r.when)
      ctx.addIssue({ code: 'custom', path: ['match'], message: 'is needed when the rule has no `when`' });
    if (r.near && !r.match)
      ctx.addIssue({ code: 'custom', path: ['near'], message: 'only works together with `match`' });
    if (r.near_or && !r.near)
      ctx.addIssue({ code: 'custom', path: ['near_or'], message: 'only works together with `near`' });
  });
export type RedFlagRuleSpec = z.infer<typeof redFlagRuleSchema>;

/** The listing facts a rule may require. */
export interface RuleConditions {
  readonly handsOn?: true;
  readonly types?: readonly string[];
  readonly exceptTypes?: readonly string[];
  readonly feeAbove?: number;
  readonly feeCoversEmpty?: true;
}

/** A rule ready to run: regular expressions compiled, defaults filled in. */
export interface RedFlagRule {
  readonly id: string;
  readonly label: string;
  readonly explain: string;
  readonly lookIn: readonly RuleField[];
  readonly when: RuleConditions;
  readonly match: readonly RegExp[];
  readonly near: readonly RegExp[];
  readonly nearOrHandsOn: boolean;
  readonly unless: readonly RegExp[];
}

function compile(spec: RedFlagRuleSpec): RedFlagRule {
  const re = (list: readonly string[] | undefined) => (list ?? []).map((s) => new RegExp(s, 'i'));
  const w = spec.when ?? {};
  return {
    id: spec.id,
    label: spec.label,
    explain: spec.explain,
    lookIn: spec.look_in ?? DEFAULT_FIELDS,
    when: {
      ...(w.hands_on ? { handsOn: true } : {}),
      ...(w.types ? { types: w.types } : {}),
      ...(w.except_types ? { exceptTypes: w.except_types } : {}),
      ...(w.fee_above !== undefined ? { feeAbove: w.fee_above } : {}),
      ...(w.fee_covers_empty ? { feeCoversEmpty: true } : {}),
    },
    match: re(spec.match),
    near: re(spec.near),
    nearOrHandsOn: spec.near_or === 'hands_on',
    unless: re(spec.unless),
  };
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function ruleName(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? `rule "${id}"` : `rule ${index + 1}`;
}

/**
 * Parses the rule file's text. Every problem is listed (rule, field, what is
 * wrong), so one round of fixes is enough; the file name starts each line.
 */
export function parseRedFlagRules(text: string, file = 'red-flag-rules.yaml'): Result<RedFlagRule[]> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return fail('CONFIG.RED_FLAGS', `${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const rules = (doc as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    return fail('CONFIG.RED_FLAGS', `${file}: needs a "rules:" list with at least one rule`);
  }
  const problems: string[] = [];
  const out: RedFlagRule[] = [];
  const seen = new Set<string>();
  rules.forEach((raw, i) => {
    const parsed = redFlagRuleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = fieldPath(issue.path);
        const line =
          issue.code === 'unrecognized_keys'
            ? `field ${[where, ...issue.keys].filter(Boolean).join('.')}: is not a field a rule can have (see the list at the top of the file)`
            : `field ${where || 'id'}: ${issue.message}`;
        problems.push(`${file}: ${ruleName(raw, i)}, ${line}`);
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push(`${file}: ${ruleName(raw, i)}, field id: another rule already has this id`);
      return;
    }
    seen.add(parsed.data.id);
    out.push(compile(parsed.data));
  });
  if (problems.length > 0) return fail('CONFIG.RED_FLAGS', problems.join('\n'));
  return ok(out);
}
