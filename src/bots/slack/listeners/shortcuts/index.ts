import type { App, MessageShortcut, RespondArguments } from '@slack/bolt';
import type { Command } from '../../../../core/commands/command.ts';
import type { MessageActionDef } from '../../../../core/commands/message-action.ts';
import type { SlackForm } from '../../forms.ts';
import { formModal } from '../../render/modal.ts';
import type { SlackApi } from '../../slack-api.ts';
import type { SlackDeps } from '../../slack-deps.ts';

export interface MessageShortcutArgs {
  readonly shortcut: {
    /** The shortcut's callback_id: the core message action's id. */
    readonly callbackId: string;
    readonly trigger_id: string;
    readonly channelId: string;
    readonly messageTs: string;
  };
  readonly ack: () => Promise<void>;
  readonly respond: (message: RespondArguments) => Promise<unknown>;
  readonly client: SlackApi;
}

/** The modal of a message action: its asked options, under its label. */
export function messageActionForm(action: MessageActionDef): SlackForm {
  return { title: action.label, inputs: action.ask, more: [] };
}

/**
 * A core message action ("Remind me about this") picked on a message: asks
 * the action's options in a modal; the submission (views listener) adds the
 * message's permalink and runs the action's command, so its answer links
 * back to the message. The modal opens right after the ack because the
 * trigger_id expires ~3 s after the click; permission is checked on submit.
 */
export async function handleMessageShortcut(args: MessageShortcutArgs, deps: SlackDeps): Promise<void> {
  const { shortcut, client } = args;
  await args.ack();
  const action = deps.core.registry.messageAction(shortcut.callbackId);
  const command: Command | undefined = action ? deps.core.registry.find(action.command) : undefined;
  if (!action || !command) {
    await args.respond({
      response_type: 'ephemeral',
      text: 'This shortcut is not available in this version of imgbot.',
    });
    return;
  }
  const meta = {
    cmd: command.name,
    act: action.id,
    msg: { ch: shortcut.channelId, ts: shortcut.messageTs },
  };
  const view = formModal(command, messageActionForm(action), meta);
  if (view) await client.views.open({ trigger_id: shortcut.trigger_id, view });
}

/** Routes every message shortcut; the callback_id names the core message action. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action' }, async ({ shortcut, ack, respond, client }) => {
    const args: MessageShortcutArgs = {
      shortcut: {
        callbackId: shortcut.callback_id,
        trigger_id: shortcut.trigger_id,
        channelId: shortcut.channel.id,
        messageTs: shortcut.message_ts,
      },
      ack: () => ack(),
      respond,
      client,
    };
    try {
      await handleMessageShortcut(args, deps);
    } catch (err) {
      deps.logger.error({ err, shortcut: shortcut.callback_id }, 'slack message shortcut failed');
    }
  });
}
