import type { Command } from '../../core/commands/command.ts';
import { parseCommandLine, tokenizeArguments } from '../../core/commands/parse-line.ts';
import { type RawOptions, tokensToOptions } from '../../core/commands/resolve-options.ts';
import type { Result } from '../../core/result.ts';

/**
 * block_id of the "More options" input (`fee_usd:1200 hands_on:true`). Core
 * option names start with a letter or digit, so it never collides with one.
 */
export const MORE_INPUT = '_more';

/** A command's Slack modal: the options asked one by one, and the rest typed as `key:value` text. */
export interface SlackForm {
  readonly title: string;
  /** Option names with an input of their own, in order. */
  readonly inputs: readonly string[];
  /** Options without an input, which the "More options" box takes as `key:value` text. */
  readonly more: readonly string[];
}

// why: room for a whole listing (required fields plus the ones its example shows); one screen in Slack
const MAX_INPUTS = 12;

/** Options the command's first example gives: what people usually type. */
function exampleOptions(command: Command): string[] {
  const example = command.examples[0];
  const parsed = example ? parseCommandLine(example) : undefined;
  if (!parsed?.ok) return [];
  return parsed.value.tokens.flatMap((t) => (t.type === 'option' ? [t.key] : []));
}

/**
 * The modal a command is asked through. A Slack command has no typed
 * options, so the modal asks every required option, then the command's
 * declared form inputs, then the options its first example shows (for /post:
 * state, fee, deadline); everything else goes in "More options". Commands
 * without a declared form have no modal.
 */
export function formFor(command: Command): SlackForm | undefined {
  const declared = command.form;
  if (!declared) return undefined;
  const required = Object.entries(command.options)
    .filter(([, def]) => def.required)
    .map(([name]) => name);
  const inputs = [...new Set([...required, ...declared.inputs, ...exampleOptions(command)])]
    .filter((name) => command.options[name] !== undefined)
    .slice(0, MAX_INPUTS);
  if (inputs.length === 0) return undefined;
  const more = Object.keys(command.options).filter((name) => !inputs.includes(name));
  return { title: declared.title, inputs, more };
}

/** Reads the "More options" text with the core's own parser (`key:value`, quotes allowed). */
export function readMore(command: Command, text: string | undefined): Result<RawOptions> {
  const tokens = tokenizeArguments(text ?? '');
  if (!tokens.ok) return tokens;
  return tokensToOptions(command, tokens.value);
}
