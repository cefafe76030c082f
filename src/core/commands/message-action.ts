import type { Command } from './command.ts';

/**
 * An action members run on a message ("Remind me about this"): Discord shows
 * it as a message context-menu command, Slack as a message shortcut. The
 * adapter asks the `ask` options in a form, fills `linkOption` with a link to
 * the message, and runs `command` with them, so the adapters never name the
 * command or its options.
 */
export interface MessageActionDef {
  /** Stable id: Slack's shortcut `callback_id` and the key of Discord's form. Lowercase, `_` allowed. */
  readonly id: string;
  /** What members see in the message menu (Discord allows 1-32 characters). */
  readonly label: string;
  /** One line for Slack's list of shortcuts. */
  readonly description: string;
  /** The core command it runs. */
  readonly command: string;
  /** The command's option that receives the link to the message. */
  readonly linkOption: string;
  /** The command's options asked in the form, in order (the link option excluded). */
  readonly ask: readonly string[];
}

/** Declares a message action; the registry checks it against its command. */
export function defineMessageAction(def: MessageActionDef): MessageActionDef {
  return def;
}

const ID = /^[a-z][a-z0-9_]{0,39}$/; // why: fits Slack's callback_id and leaves room in Discord's 100-character custom id
const MAX_LABEL = 32; // why: Discord's limit for a context-menu command name
const MAX_DESCRIPTION = 100;
const MAX_ASK = 5; // why: a Discord modal holds at most 5 inputs

/**
 * Throws when a message action cannot work: a bad id or label, or a command
 * or option the command does not have.
 */
export function assertValidMessageAction(action: MessageActionDef, command: Command | undefined): void {
  const where = `Message action ${action.id}`;
  if (!ID.test(action.id)) throw new Error(`${where}: id must match ${ID} (e.g. remind_message)`);
  if (action.label.length === 0 || action.label.length > MAX_LABEL) {
    throw new Error(`${where}: label must be 1-${MAX_LABEL} characters`);
  }
  if (action.description.length === 0 || action.description.length > MAX_DESCRIPTION) {
    throw new Error(`${where}: description must be 1-${MAX_DESCRIPTION} characters`);
  }
  if (action.ask.length > MAX_ASK) throw new Error(`${where}: a form asks at most ${MAX_ASK} options`);
  if (!command) throw new Error(`${where}: runs /${action.command}, which is not registered`);
  if (!command.options[action.linkOption]) {
    throw new Error(`${where}: /${command.name} has no option ${action.linkOption} for the link`);
  }
  for (const name of action.ask) {
    if (!command.options[name] || name === action.linkOption) {
      throw new Error(`${where}: cannot ask ${name} (not an option of /${command.name}, or the link option)`);
    }
  }
  const missing = Object.entries(command.options).find(
    ([name, def]) => def.required && name !== action.linkOption && !action.ask.includes(name),
  );
  if (missing) throw new Error(`${where}: must ask ${missing[0]}, which /${command.name} requires`);
}
