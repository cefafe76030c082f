import type { MessageActionDef } from './commands/message-action.ts';
import { remindAboutMessage } from './reminders/remind-message.action.ts';

/**
 * Every message action, in menu order. A new one is one declaration file
 * (like reminders/remind-message.action.ts) plus one line here; Discord's
 * context menu, Slack's shortcut and its manifest entry follow from it.
 */
export const MESSAGE_ACTIONS: readonly MessageActionDef[] = [remindAboutMessage];
