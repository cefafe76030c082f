import { fail, ok, type Result } from '../result.ts';
import type { Command } from './command.ts';
import { quoteInput } from './quote-input.ts';
import { type RawOptions, unknownOption } from './resolve-options.ts';

function exampleLine(command: Command): string {
  return command.examples[0] ?? `/${command.name}`;
}

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/** The refusal of an over-long value: the option, its limit and the length, and only the start of the text. */
function tooLong(command: Command, key: string, limit: number, text: string): Result<never> {
  return fail(
    'OPTION.TOO_LONG',
    `Option ${key} of /${command.name} is too long: ${text.length} characters, and the limit is ${limit}. ` +
      `It begins ${quoteInput(text)}. Nothing was saved; shorten it and try again.`,
    { option: key, limit, length: text.length },
  );
}

/**
 * Validates raw options against the command's zod schemas. The first problem
 * becomes one specific message: which option, what was wrong, what was given,
 * and an example of a good value.
 */
export function validateOptions(command: Command, raw: RawOptions): Result<Record<string, unknown>> {
  for (const key of Object.keys(raw)) {
    if (!(key in command.options)) return unknownOption(command, key);
  }
  const values: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(command.options)) {
    const given = raw[key];
    if (given === undefined || given === null) {
      if (def.required) {
        return fail(
          'OPTION.MISSING',
          `/${command.name} needs ${key}: ${def.description}. Example: ${exampleLine(command)}`,
          { option: key },
        );
      }
      continue;
    }
    const parsed = def.schema.safeParse(given);
    if (!parsed.success) {
      if (def.maxLength !== undefined && typeof given === 'string' && given.trim().length > def.maxLength) {
        return tooLong(command, key, def.maxLength, given.trim());
      }
      const why = parsed.error.issues[0]?.message ?? 'is not valid';
      return fail(
        'OPTION.INVALID',
        `Option ${key} of /${command.name} ${why} (got ${quoteInput(String(given))}). Example: ${key}:${quoteIfNeeded(def.example)}`,
        { option: key },
      );
    }
    values[key] = parsed.data;
  }
  return ok(values);
}
