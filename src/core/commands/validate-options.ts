import { fail, ok, type Result } from '../result.ts';
import type { Command } from './command.ts';
import { type RawOptions, unknownOption } from './resolve-options.ts';

function exampleLine(command: Command): string {
  return command.examples[0] ?? `/${command.name}`;
}

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
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
      const why = parsed.error.issues[0]?.message ?? 'is not valid';
      return fail(
        'OPTION.INVALID',
        `Option ${key} of /${command.name} ${why} (got "${String(given)}"). Example: ${key}:${quoteIfNeeded(def.example)}`,
        { option: key },
      );
    }
    values[key] = parsed.data;
  }
  return ok(values);
}
