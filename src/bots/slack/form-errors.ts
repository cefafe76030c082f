import type { ViewResponseAction } from '@slack/bolt';
import type { Command } from '../../core/commands/command.ts';
import type { RawOptions } from '../../core/commands/resolve-options.ts';
import { validateOptions } from '../../core/commands/validate-options.ts';
import { MORE_INPUT } from './forms.ts';
import { SLACK_LIMITS as L } from './render/limits.ts';

/** The inputs of one open modal: its own option inputs, and whether it has "More options". */
export interface ModalInputs {
  readonly inputs: readonly string[];
  /** Options typed in "More options" (empty when the modal has none). */
  readonly more: readonly string[];
}

const mentions = (message: string, name: string) => new RegExp(`\\b${name}\\b`, 'i').test(message);

/**
 * The input a core message belongs under: the option it names (its own input,
 * or "More options" when it was typed there), else an input the text
 * mentions, else the first input. Slack only accepts block ids of the view.
 */
export function fieldOf(message: string, option: unknown, modal: ModalInputs): string | undefined {
  const hasMore = modal.more.length > 0;
  if (typeof option === 'string') {
    if (modal.inputs.includes(option)) return option;
    if (hasMore && modal.more.includes(option)) return MORE_INPUT;
  }
  const named = modal.inputs.find((name) => mentions(message, name));
  if (named) return named;
  if (hasMore && modal.more.some((name) => mentions(message, name))) return MORE_INPUT;
  return modal.inputs[0] ?? (hasMore ? MORE_INPUT : undefined);
}

/** `response_action: errors`, each message clipped to what Slack shows. */
export function errorsAction(byField: Readonly<Record<string, string>>): ViewResponseAction {
  const clipped = Object.fromEntries(
    Object.entries(byField).map(([field, message]) => [field, message.slice(0, L.inputLabel)]),
  );
  return { response_action: 'errors', errors: clipped };
}

/**
 * Every option problem of a submission, in the core's words, keyed by the
 * modal input it is about. The core reports one problem at a time, so each
 * reported option is swapped for its own example (a valid value) and the
 * rest checked again: the member sees all their mistakes at once.
 */
export function optionErrors(
  command: Command,
  raw: RawOptions,
  modal: ModalInputs,
): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  const probe: RawOptions = { ...raw };
  for (let round = 0; round <= Object.keys(command.options).length; round++) {
    const checked = validateOptions(command, probe);
    if (checked.ok) break;
    const option = checked.details?.option;
    const field = fieldOf(checked.message, option, modal);
    if (field && found[field] === undefined) found[field] = checked.message;
    const def = typeof option === 'string' ? command.options[option] : undefined;
    if (!def || typeof option !== 'string' || probe[option] === def.example) break;
    probe[option] = def.example;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}
