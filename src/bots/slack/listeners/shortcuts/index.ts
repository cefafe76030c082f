import type { App, MessageShortcut, RespondArguments } from '@slack/bolt';
import { formFor, REMIND_COMMAND, REMIND_TEXT_OPTION } from '../../forms.ts';
import { formModal } from '../../render/modal.ts';
import type { SlackApi } from '../../slack-api.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/** callback_id of the message shortcut "Remind me about this" (also in the manifest). */
export const REMIND_MESSAGE_SHORTCUT = 'remind_message';

export interface MessageShortcutArgs {
  readonly shortcut: { readonly trigger_id: string; readonly channelId: string; readonly messageTs: string };
  readonly ack: () => Promise<void>;
  readonly respond: (message: RespondArguments) => Promise<unknown>;
  readonly client: SlackApi;
}

/**
 * "Remind me about this" on a message: asks when in a modal built from the
 * core `/remind` form without its text input; the submission (views
 * listener) fills that text with the message's permalink and runs `/remind`,
 * so the reminder DM links back to the message. The modal opens right after
 * the ack because the trigger_id expires ~3 s after the click.
 */
export async function handleRemindShortcut(args: MessageShortcutArgs, deps: SlackDeps): Promise<void> {
  const { shortcut, client } = args;
  await args.ack();
  const command = deps.core.registry.find(REMIND_COMMAND);
  const form = command ? formFor(command) : undefined;
  if (!command || !form || !command.options[REMIND_TEXT_OPTION]) {
    await args.respond({
      response_type: 'ephemeral',
      text: 'Reminders are not available in this version of imgbot.',
    });
    return;
  }
  const meta = { cmd: command.name, msg: { ch: shortcut.channelId, ts: shortcut.messageTs } };
  const view = formModal(command, { ...form, title: 'Remind me about this' }, meta, {
    exclude: [REMIND_TEXT_OPTION],
  });
  if (view) await client.views.open({ trigger_id: shortcut.trigger_id, view });
}

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(REMIND_MESSAGE_SHORTCUT, async ({ shortcut, ack, respond, client }) => {
    const args: MessageShortcutArgs = {
      shortcut: {
        trigger_id: shortcut.trigger_id,
        channelId: shortcut.channel.id,
        messageTs: shortcut.message_ts,
      },
      ack: () => ack(),
      respond,
      client,
    };
    try {
      await handleRemindShortcut(args, deps);
    } catch (err) {
      deps.logger.error({ err }, 'slack remind shortcut failed');
    }
  });
}
