import type { types, ViewStateValue } from '@slack/bolt';
import type { Command, FormSpec } from '../../../core/commands/command.ts';
import type { AnyOptionDef } from '../../../core/commands/options.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
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
  /** For "Remind me about this": the message the reminder is about. */
  readonly msg?: { readonly ch: string; readonly ts: string };
}

export function encodeMeta(meta: FormMeta): string {
  return JSON.stringify(meta).slice(0, L.privateMetadata);
}

/** Reads private_metadata back; anything unexpected (a stale or foreign view) is undefined. */
export function decodeMeta(raw: string): FormMeta | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { cmd, ch, msg } = parsed as Record<string, unknown>;
    if (typeof cmd !== 'string') return undefined;
    const m = msg as { ch?: unknown; ts?: unknown } | undefined;
    const message =
      typeof m?.ch === 'string' && typeof m.ts === 'string' ? { ch: m.ch, ts: m.ts } : undefined;
    return { cmd, ...(typeof ch === 'string' ? { ch } : {}), ...(message ? { msg: message } : {}) };
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

/** The input element for one core option, from its kind, choices and bounds. */
function element(name: string, def: AnyOptionDef): types.InputBlockElement {
  const placeholder = plain(`e.g. ${def.example}`, L.placeholder);
  if (def.choices) {
    return {
      type: 'static_select',
      action_id: name,
      placeholder,
      options: def.choices.slice(0, L.selectOptions).map(option),
    };
  }
  if (def.kind === 'boolean') {
    return {
      type: 'static_select',
      action_id: name,
      placeholder: plain('Yes or no', L.placeholder),
      options: [option('yes'), option('no')],
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
    };
  }
  if (def.kind === 'channel') {
    // Slack hands back the channel id, which the core's channel option accepts as is.
    return {
      type: 'conversations_select',
      action_id: name,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    };
  }
  const maxLength = Math.min(def.maxLength ?? L.sectionText, L.sectionText);
  return {
    type: 'plain_text_input',
    action_id: name,
    placeholder,
    multiline: maxLength > 200, // why: longer texts (descriptions, notes) read better in a text area
    max_length: maxLength,
  };
}

/**
 * A modal for a command's form: one input per form option, block_id and
 * action_id both the option name (so `response_action: errors` can point at
 * the option the core's failure names), optional where the option is.
 */
export function formModal(
  command: Command,
  form: FormSpec,
  meta: FormMeta,
  exclude: readonly string[] = [],
): types.ModalView {
  const inputs: types.KnownBlock[] = [];
  for (const name of form.inputs) {
    const def = command.options[name];
    if (!def || exclude.includes(name)) continue;
    inputs.push({
      type: 'input',
      block_id: name,
      label: plain(label(name), L.inputLabel),
      hint: plain(def.description, L.inputLabel),
      optional: !def.required,
      element: element(name, def),
    });
  }
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: encodeMeta(meta),
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

/** The submitted inputs of a form as raw core options (empty inputs left out). */
export function readFormValues(
  form: FormSpec,
  values: Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>,
): RawOptions {
  const raw: RawOptions = {};
  for (const name of form.inputs) {
    const value = stateValue(values[name]?.[name]);
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}
