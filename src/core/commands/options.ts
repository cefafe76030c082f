import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Command options as data (architecture rule 2). Each option carries the zod
 * schema that validates it plus the facts adapters need to build their own
 * form of it: Discord option types, choices and min/max, Slack text parsing,
 * the shell's `key:value` syntax, and help text with an example.
 *
 * Raw values arrive as strings from text adapters (shell, Slack) and as typed
 * values from Discord, so every schema accepts both.
 */
export type OptionKind = 'string' | 'integer' | 'number' | 'boolean' | 'role' | 'channel';

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string;
}

/** Discord's autocomplete limits, the strictest of our platforms: 25 choices, names of at most 100 characters. */
export const AUTOCOMPLETE_LIMITS = { choices: 25, name: 100 } as const;

/**
 * A choice named `text` then `tail` (e.g. ` · Fri 09:00 (r7k2m9qxa1)`), with
 * `text` clipped so that the tail, which carries the id, always fits.
 */
export function autocompleteChoice(text: string, tail: string, value: string): AutocompleteChoice {
  const room = AUTOCOMPLETE_LIMITS.name - tail.length;
  const head = text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text;
  return { name: `${head}${tail}`.slice(0, AUTOCOMPLETE_LIMITS.name), value };
}

export interface OptionDef<T = unknown, R extends boolean = boolean> {
  readonly kind: OptionKind;
  readonly description: string;
  readonly required: R;
  readonly schema: z.ZodType<T>;
  /** A valid value, shown in help and error messages (`specialty:cardiology`). */
  readonly example: string;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Names a core autocomplete source; adapters that support it (Discord) call it. */
  readonly autocomplete?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry erases each command's option types; handlers keep theirs.
export type AnyOptionDef = OptionDef<any, boolean>;
export type OptionsShape = Readonly<Record<string, AnyOptionDef>>;

/** The parsed values a handler receives, typed from its option definitions. */
export type OptionValues<O extends OptionsShape> = {
  [K in keyof O]: O[K] extends OptionDef<infer T, infer R> ? (R extends true ? T : T | undefined) : never;
};

interface BaseSpec<R extends boolean> {
  description: string;
  example: string;
  required?: R;
  autocomplete?: string;
}

function finish<T, R extends boolean>(
  kind: OptionKind,
  spec: BaseSpec<R>,
  schema: z.ZodType<T>,
  extra: Partial<OptionDef<T, R>> = {},
): OptionDef<T, R> {
  return { kind, schema, ...extra, ...spec, required: (spec.required ?? false) as R };
}

/** Free text, trimmed, at most `maxLength` characters (default 500). */
export function stringOption<const R extends boolean = false>(
  spec: BaseSpec<R> & { maxLength?: number; minLength?: number },
): OptionDef<string, R> {
  const maxLength = spec.maxLength ?? 500; // why: keeps stored text well under every platform's limits
  const schema = z
    .string({ error: 'expected text' })
    .trim()
    .min(spec.minLength ?? 1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` });
  return finish('string', spec, schema, { maxLength });
}

/** One of a fixed list of values; matched case-insensitively. */
export function choiceOption<const C extends readonly [string, ...string[]], const R extends boolean = false>(
  spec: BaseSpec<R> & { choices: C },
): OptionDef<C[number], R> {
  const lower = new Map(spec.choices.map((c) => [c.toLowerCase(), c]));
  const schema = z.string().transform((v, ctx) => {
    const hit = lower.get(v.trim().toLowerCase());
    if (hit === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${spec.choices.join(', ')}` });
      return z.NEVER;
    }
    return hit as C[number];
  });
  return finish('string', spec, schema, { choices: spec.choices });
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);
/** The words a member types alone for yes/no (`/quiet-hours off`); digits and letters stay values. */
const BARE_YES = new Set(['on', 'yes', 'true']);
const BARE_NO = new Set(['off', 'no', 'false']);

/** Reads a bare yes/no word (`on`, `off`, `yes`, `no`, `true`, `false`); undefined for anything else. */
export function bareYesNo(word: string): boolean | undefined {
  const w = word.trim().toLowerCase();
  if (BARE_YES.has(w)) return true;
  if (BARE_NO.has(w)) return false;
  return undefined;
}

/** Yes/no. Text adapters accept yes|no|on|off|true|false, as `key:value` or as bare words (see resolve-options.ts). */
export function booleanOption<const R extends boolean = false>(spec: BaseSpec<R>): OptionDef<boolean, R> {
  const schema = z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const w = v.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return v;
    },
    z.boolean({ error: 'must be yes or no (true/false)' }),
  );
  return finish('boolean', spec, schema as z.ZodType<boolean>);
}

/** A whole number within [min, max]. */
export function integerOption<const R extends boolean = false>(
  spec: BaseSpec<R> & { min?: number; max?: number },
): OptionDef<number, R> {
  let num = z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' });
  if (spec.min !== undefined) num = num.min(spec.min, { error: `must be at least ${spec.min}` });
  if (spec.max !== undefined) num = num.max(spec.max, { error: `must be at most ${spec.max}` });
  const schema = z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim().replace(/^\$/, '').replace(/,/g, '');
    return /^-?\d+$/.test(t) ? Number(t) : v;
  }, num);
  return finish('integer', spec, schema as z.ZodType<number>, { min: spec.min, max: spec.max });
}

/** A calendar date `YYYY-MM-DD` (kept as that string; zone is applied where it matters). */
export function dateOption<const R extends boolean = false>(spec: BaseSpec<R>): OptionDef<string, R> {
  const schema = z.string().transform((v, ctx) => {
    const t = v.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(t) && DateTime.fromISO(t).isValid) return t;
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    return z.NEVER;
  });
  return finish('string', spec, schema);
}

/** A short record id (listing, reminder, tracker entry): letters, digits, `-` and `_`. */
export function idOption<const R extends boolean = false>(spec: BaseSpec<R>): OptionDef<string, R> {
  const schema = z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be an id made of letters, digits, - or _' });
  return finish('string', spec, schema);
}

/**
 * Reads a platform role/channel reference as its bare id: a raw id (`123`, `S123`, `C123`),
 * Discord's `<@&123>` / `<#123>`, or Slack's `<!subteam^S123|@mods>` / `<#C123|general>`.
 * A plain name (`@Moderators`, `#opportunities`) is kept with its sign: only the
 * platform can say what it names (see {@link REF_NAME}).
 */
function platformRef(kind: 'role' | 'channel', value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  const forms =
    kind === 'role'
      ? [/^<@&(\d{5,25})>$/, /^<!subteam\^([A-Z0-9]{2,30})(?:\|[^>]*)?>$/]
      : [/^<#(\d{5,25})>$/, /^<#([A-Z0-9]{2,30})(?:\|[^>]*)?>$/];
  for (const form of forms) {
    const hit = form.exec(t);
    if (hit?.[1]) return hit[1];
  }
  return t;
}

/**
 * A role or channel given by name (`@Moderators`, `#opportunities`), as the
 * shell takes them and as Slack sends a name it did not turn into a link.
 * Group 1 is the sign, group 2 the name.
 */
export const REF_NAME = /^([@#])([A-Za-z0-9][\w.-]{0,79})$/;

/** The forms a moderator can type, for error messages. */
export const REF_FORMS = {
  role: 'a role: pick it from the list (Discord), @Moderators (shell, or a Slack user group Slack turns into a link), <@&123456789012345678>, <!subteam^S0123ABC> or the id',
  channel:
    'a channel: pick it from the list (Discord), #opportunities (shell, or a Slack channel Slack turns into a link), <#123456789012345678>, <#C0123ABC|opportunities> or the id',
} as const;

/** Names that mean "everyone here" on some platform: never a moderator role or a channel name. */
const MASS_MENTIONS = new Set(['everyone', 'here', 'channel']);

function isName(value: string, sign: '@' | '#'): boolean {
  const hit = REF_NAME.exec(value);
  return hit?.[1] === sign && !MASS_MENTIONS.has((hit[2] ?? '').toLowerCase());
}

function refOption<R extends boolean>(kind: 'role' | 'channel', spec: BaseSpec<R>): OptionDef<string, R> {
  const sign = kind === 'role' ? '@' : '#';
  const schema = z.preprocess(
    (v) => platformRef(kind, v),
    z
      .string({ error: `must be ${REF_FORMS[kind]}` })
      .refine((v) => /^[A-Za-z0-9]{1,40}$/.test(v) || isName(v, sign), {
        error: `must be ${REF_FORMS[kind]}`,
      }),
  );
  return finish(kind, spec, schema as z.ZodType<string>);
}

/** A platform role or user group, kept as its bare id (Discord role id, Slack user-group id). */
export function roleOption<const R extends boolean = false>(spec: BaseSpec<R>): OptionDef<string, R> {
  return refOption('role', spec);
}

/** A platform channel, kept as its bare id (Discord channel id, Slack channel id). */
export function channelOption<const R extends boolean = false>(spec: BaseSpec<R>): OptionDef<string, R> {
  return refOption('channel', spec);
}
