import { fail, ok, type Result } from '../result.ts';
import { BARE_WORD_NOTE, type Command } from './command.ts';
import { bareYesNo } from './options.ts';
import type { Token } from './parse-line.ts';
import { quoteInput } from './quote-input.ts';
import { closest } from './suggest.ts';

/** Raw option values before validation: strings from text, typed values from Discord. */
export type RawOptions = Record<string, unknown>;

function optionList(command: Command): string {
  const keys = Object.keys(command.options);
  return keys.length === 0 ? `/${command.name} takes no options.` : `Its options: ${keys.join(', ')}.`;
}

/** Error for an option key the command does not have, with the closest names. */
export function unknownOption(command: Command, key: string): Result<never> {
  const guess = closest(key, Object.keys(command.options));
  const hint = guess.length > 0 ? ` Did you mean ${guess.map((g) => `${g}:`).join(' or ')}?` : '';
  return fail(
    'OPTION.UNKNOWN',
    `/${command.name} has no option ${quoteInput(key)}.${hint} ${optionList(command)}`,
    {
      option: key,
      suggestions: guess,
    },
  );
}

/** A yes/no value as an option token that no later word extends. */
function yesNoToken(key: string, value: boolean): Token {
  return { type: 'option', key, value: value ? 'yes' : 'no', quoted: true };
}

/**
 * Reads the yes/no forms people type without a colon, for commands that take
 * no bare words of their own: a boolean option's name alone (`off`, `hands_on`)
 * means yes, or takes the on/off/yes/no word after it (`dm_failure_notice off`);
 * a lone on/off/yes/no word sets the command's toggle (`/deadline-reminders
 * listing:x off`). Option aliases become their option's name here too.
 */
export function readBareYesNo(command: Command, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'option') {
      const key = command.aliases?.[token.key] ?? token.key;
      out.push(key === token.key ? token : { ...token, key });
      continue;
    }
    if (command.bareWords || token.quoted) {
      out.push(token);
      continue;
    }
    const word = token.text.toLowerCase().replace(/-/g, '_');
    if (command.options[word]?.kind === 'boolean') {
      const next = tokens[i + 1];
      const value = next?.type === 'word' && !next.quoted ? bareYesNo(next.text) : undefined;
      if (value !== undefined) i++;
      out.push(yesNoToken(word, value ?? true));
      continue;
    }
    const yes = command.toggle ? bareYesNo(token.text) : undefined;
    if (command.toggle && yes !== undefined) {
      out.push(yesNoToken(command.toggle.option, yes === command.toggle.onIs));
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * Turns text tokens into raw options for one command. Bare words go where the
 * command says (`rest` joins them into one option, `parse` reads them as
 * filters); otherwise words after an unquoted `key:value` extend that value,
 * so `/remind when:in 2 weeks what:email Dr. Rivera` reads as users mean it.
 */
export function tokensToOptions(command: Command, given: readonly Token[]): Result<RawOptions> {
  const named: RawOptions = {};
  const bare: string[] = [];
  let extendable: string | undefined;
  for (const token of readBareYesNo(command, given)) {
    if (token.type === 'option') {
      if (!(token.key in command.options)) {
        if (command.bareWords) {
          bare.push(`${token.key}:${token.value}`);
          continue;
        }
        return unknownOption(command, token.key);
      }
      if (token.key in named) {
        return fail(
          'OPTION.DUPLICATE',
          `Option ${token.key}: is given twice in /${command.name}; keep one.`,
          {
            option: token.key,
          },
        );
      }
      named[token.key] = token.value;
      extendable = token.quoted || command.bareWords ? undefined : token.key;
      continue;
    }
    if (command.bareWords) {
      bare.push(token.text);
    } else if (extendable !== undefined) {
      named[extendable] = `${String(named[extendable])} ${token.text}`;
    } else {
      const example = command.examples[0] ?? `/${command.name}`;
      return fail(
        'OPTION.UNEXPECTED_TEXT',
        `/${command.name} did not expect ${quoteInput(token.text)}: write options as key:value. Example: ${example}`,
      );
    }
  }
  return mergeBareWords(command, named, bare);
}

function mergeBareWords(command: Command, named: RawOptions, bare: readonly string[]): Result<RawOptions> {
  const how = command.bareWords;
  if (!how || bare.length === 0) return ok(named);
  if (how.kind === 'rest') {
    if (how.option in named) {
      return fail(
        'OPTION.DUPLICATE',
        `Give ${how.option} either as ${how.option}:"..." or as plain words after /${command.name}, not both.`,
      );
    }
    return ok({ ...named, [how.option]: bare.join(' ') });
  }
  const parsed = how.parse(bare);
  if (!parsed.ok) return parsed;
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key === BARE_WORD_NOTE) {
      named[key] = value;
      continue;
    }
    if (!(key in command.options)) return unknownOption(command, key);
    // Explicit key:value wins over a guess from bare words.
    if (!(key in named)) named[key] = value;
  }
  return ok(named);
}
