import type { types, ViewStateValue } from '@slack/bolt';
import type { Command } from '../../../core/commands/command.ts';
import type { AnyOptionDef } from '../../../core/commands/options.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import { MORE_INPUT, type SlackForm } from '../forms.ts';
import { mrkdwn, plain } from './blocks.ts';
import { mrkdwnText } from './escape.ts';
import { SLACK_LIMITS as L } from './limits.ts';

/** callback_id of every command form; the command travels in private_metadata. */
export const FORM_CALLBACK = 'imgbot_form';

/** What a form remembers between `views.open` and `view_submission` (Slack keeps it for us). */
export interface FormMeta {
  /** Core command name (`post`, `track add`). */
  readonly cmd: string;
  /** Channel the command was typed in, where the answer goes. */
  readonly ch?: string;
  /** For a message action ("Remind me about this"): the message it is about. */
  readonly msg?: { readonly ch: string; readonly ts: string };
  /** For a message action: its id (the shortcut's callback_id). */
  readonly act?: string;
}

/** The metadata as Slack stores it, or undefined when it would not fit (Slack keeps 3,000 characters). */
export function encodeMeta(meta: FormMeta): string | undefined {
  const json = JSON.stringify(meta);
  return json.length <= L.privateMetadata ? json : undefined;
}

/** Reads private_metadata back; anything unexpected (a stale or foreign view) is undefined. */
export function decodeMeta(raw: string): FormMeta | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { cmd, ch, msg, act } = parsed as Record<string, unknown>;
    if (typeof cmd !== 'string') return undefined;
    const m = msg as { ch?: unknown; ts?: unknown } | undefined;
    const message =
      typeof m?.ch === 'string' && typeof m.ts === 'string' ? { ch: m.ch, ts: m.ts } : undefined;
    return {
      cmd,
      ...(typeof ch === 'string' ? { ch } : {}),
      ...(message ? { msg: message } : {}),
      ...(typeof act === 'string' ? { act } : {}),
    };
  } catch {
    return undefined;
  }
}

function label(name: string): string {
  const words = name.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function option(value: string): types.PlainTextOption {
  return { text: plain(value, L.optionText), value: value.slice(0, L.optionValue) };
}

const YES = new Set(['true', 'yes', 'y', '1', 'on']);
const NO = new Set(['false', 'no', 'n', '0', 'off']);

/** A select's initial option: only one of its own options, or Slack rejects the whole view. */
function initialOption(options: readonly types.PlainTextOption[], given: string | undefined) {
  const hit = given ? options.find((o) => o.value?.toLowerCase() === given.trim().toLowerCase()) : undefined;
  return hit ? { initial_option: hit } : {};
}

/** The input element for one core option, from its kind, choices and bounds, prefilled with `given`. */
function element(name: string, def: AnyOptionDef, given?: string): types.InputBlockElement {
  const placeholder = plain(`e.g. ${def.example}`, L.placeholder);
  if (def.choices) {
    const options = def.choices.slice(0, L.selectOptions).map(option);
    return { type: 'static_select', action_id: name, placeholder, options, ...initialOption(options, given) };
  }
  if (def.kind === 'boolean') {
    const options = [option('yes'), option('no')];
    const word = given?.trim().toLowerCase() ?? '';
    const yesNo = YES.has(word) ? 'yes' : NO.has(word) ? 'no' : undefined;
    return {
      type: 'static_select',
      action_id: name,
      placeholder: plain('Yes or no', L.placeholder),
      options,
      ...initialOption(options, yesNo),
    };
  }
  if (def.kind === 'integer') {
    return {
      type: 'number_input',
      action_id: name,
      is_decimal_allowed: false,
      placeholder,
      ...(def.min !== undefined ? { min_value: String(def.min) } : {}),
      ...(def.max !== undefined ? { max_value: String(def.max) } : {}),
      ...(given && /^-?\d+$/.test(given.trim()) ? { initial_value: given.trim() } : {}),
    };
  }
  if (def.kind === 'channel') {
    // Slack hands back the channel id, which the core's channel option accepts as is.
    return {
      type: 'conversations_select',
      action_id: name,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(given && /^[CG][A-Z0-9]{2,30}$/.test(given) ? { initial_conversation: given } : {}),
    };
  }
  const maxLength = Math.min(def.maxLength ?? L.sectionText, L.sectionText);
  return {
    type: 'plain_text_input',
    action_id: name,
    placeholder,
    multiline: maxLength > 200, // why: longer texts (descriptions, notes) read better in a text area
    max_length: maxLength,
    ...(given ? { initial_value: given.slice(0, maxLength) } : {}),
  };
}

export interface FormModalOptions {
  /** Options typed with the command: prefilled in their inputs, the rest in "More options". */
  readonly given?: Readonly<Record<string, string>>;
}

function asOptionText(key: string, value: string): string {
  return /[\s"]/.test(value) ? `${key}:"${value.replace(/"/g, "'")}"` : `${key}:${value}`;
}

/** The "More options" box: every option without an input, typed as `key:value`. */
function moreInput(command: Command, form: SlackForm, given: Readonly<Record<string, string>>) {
  const typed = form.more
    .filter((name) => given[name] !== undefined)
    .map((name) => asOptionText(name, given[name] ?? ''))
    .join(' ');
  const example = form.more
    .slice(0, 2)
    .map((name) => asOptionText(name, command.options[name]?.example ?? ''))
    .join(' ');
  const block: types.InputBlock = {
    type: 'input',
    block_id: MORE_INPUT,
    label: plain('More options', L.inputLabel),
    hint: plain(`Type key:value pairs. Options: ${form.more.join(', ')}`, L.inputLabel),
    optional: true,
    element: {
      type: 'plain_text_input',
      action_id: MORE_INPUT,
      multiline: true,
      placeholder: plain(`e.g. ${example}`, L.placeholder),
      ...(typed ? { initial_value: typed.slice(0, L.sectionText) } : {}),
    },
  };
  return block;
}

/**
 * A modal for a command's form: one input per form option, block_id and
 * action_id both the option name (so `response_action: errors` can point at
 * the option the core's failure names), optional where the option is; then
 * "More options" for the rest. Undefined when it would not fit Slack's limits.
 */
export function formModal(
  command: Command,
  form: SlackForm,
  meta: FormMeta,
  opts: FormModalOptions = {},
): types.ModalView | undefined {
  const given = opts.given ?? {};
  const inputs: types.KnownBlock[] = [];
  for (const name of form.inputs) {
    const def = command.options[name];
    if (!def) continue;
    inputs.push({
      type: 'input',
      block_id: name,
      label: plain(label(name), L.inputLabel),
      hint: plain(def.description, L.inputLabel),
      optional: !def.required,
      element: element(name, def, given[name]),
    });
  }
  if (form.more.length > 0) inputs.push(moreInput(command, form, given));
  const privateMetadata = encodeMeta(meta);
  if (privateMetadata === undefined) return undefined;
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: privateMetadata,
    title: plain(form.title, L.modalTitle),
    submit: plain('Submit', L.modalTitle),
    close: plain('Cancel', L.modalTitle),
    blocks: [
      { type: 'context', elements: [mrkdwn(mrkdwnText(command.description, L.contextText))] },
      ...inputs,
    ],
  };
}

/** A modal that only says something (e.g. the core's refusal), replacing a form. */
export function noticeModal(title: string, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(title, L.modalTitle),
    close: plain('Close', L.modalTitle),
    blocks: [{ type: 'section', text: mrkdwn(mrkdwnText(text, L.sectionText)) }],
  };
}

function stateValue(value: ViewStateValue | undefined): string | undefined {
  if (!value) return undefined;
  const raw =
    value.value ??
    value.selected_option?.value ??
    value.selected_conversation ??
    value.selected_channel ??
    value.selected_date;
  return typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
}

type StateValues = Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>;

/** The submitted inputs of a form as raw core options (empty inputs left out). */
export function readFormValues(form: SlackForm, values: StateValues): RawOptions {
  const raw: RawOptions = {};
  for (const name of form.inputs) {
    const value = stateValue(values[name]?.[name]);
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}

/** What was typed in "More options", if anything. */
export function readMoreText(values: StateValues): string | undefined {
  return stateValue(values[MORE_INPUT]?.[MORE_INPUT]);
}
