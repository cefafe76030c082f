import { defineMessageAction } from '../commands/message-action.ts';
import { remindCommand } from './remind.command.ts';

/**
 * "Remind me about this" on any message: asks when (and whether to repeat),
 * then sets a `/remind` whose text is the link to the message, so the
 * reminder DM leads straight back to it.
 */
export const remindAboutMessage = defineMessageAction({
  id: 'remind_message',
  label: 'Remind me about this',
  description: 'Pick a time; imgbot DMs you a link to this message then',
  command: remindCommand.name,
  linkOption: 'what',
  ask: ['when', 'repeat'],
});
