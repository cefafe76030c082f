import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReply } from './render/blocks.ts';
import type { SlackWho } from './slack-actor.ts';
import { type SlackApi, slackErrorCode } from './slack-api.ts';

/**
 * Answers where there is no response_url (modal submissions, App Home
 * buttons): in the channel the member came from (privately when the reply is
 * ephemeral), else in the app's DM with them. If the bot may not post in that
 * channel (`not_in_channel`, a DM with someone else) the answer goes to the DM.
 */
export async function deliverReply(
  api: SlackApi,
  who: SlackWho,
  reply: Reply,
  logger: CoreLogger,
): Promise<void> {
  const message = renderReply(reply);
  const channel = who.channelId;
  // why: C/G are channels; a D id is some DM, where only the app's own DM (by user id) is sure to work
  if (channel && /^[CG]/.test(channel)) {
    try {
      if (reply.ephemeral) await api.chat.postEphemeral({ channel, user: who.userId, ...message });
      else await api.chat.postMessage({ channel, ...message });
      return;
    } catch (err) {
      logger.info(
        { err: slackErrorCode(err) ?? String(err), channel },
        'slack channel answer failed; sending a DM',
      );
    }
  }
  await api.chat.postMessage({ channel: who.userId, ...message });
}
