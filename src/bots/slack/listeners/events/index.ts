import type { App } from '@slack/bolt';
import { runQuestion } from '../../../../core/commands/entry-points.ts';
import { publishHome } from '../../app-home.ts';
import { renderReply } from '../../render/blocks.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { invocationEnv, type SlackDeps } from '../../slack-deps.ts';
import { slackTextToPlain } from '../../slack-text.ts';

/** A member wrote to the app in its Messages tab. */
export interface DirectMessage {
  readonly who: SlackWho;
  /** The DM channel (`D…`), where the answer goes. */
  readonly channel: string;
  readonly text: string;
}

/**
 * A direct message is free text for the core (a question for the FAQ), like a
 * line without `/` in the shell (Slack itself intercepts lines starting with
 * `/` as slash commands).
 */
export async function handleDirectMessage(
  dm: DirectMessage,
  client: SlackApi,
  deps: SlackDeps,
): Promise<void> {
  const question = slackTextToPlain(dm.text);
  if (question === '') return;
  const env = await invocationEnv(deps, client, dm.who);
  const reply = await runQuestion(question, env);
  await client.chat.postMessage({ channel: dm.channel, ...renderReply(reply) });
}

/** Reads the DM fields out of a `message` event, skipping edits, joins and bots (including ourselves). */
function directMessage(event: unknown, teamId: string | undefined): DirectMessage | undefined {
  if (typeof event !== 'object' || event === null || !teamId) return undefined;
  const e = event as Record<string, unknown>;
  if (e.channel_type !== 'im' || e.subtype !== undefined || e.bot_id !== undefined) return undefined;
  if (typeof e.user !== 'string' || typeof e.channel !== 'string' || typeof e.text !== 'string')
    return undefined;
  return { who: { teamId, userId: e.user, channelId: e.channel }, channel: e.channel, text: e.text };
}

/**
 * Events. Bolt acknowledges events before listeners run, so slow work here
 * cannot time out; retries of the same event are dropped by the dedupe
 * middleware (slack-app.ts) before they reach these listeners.
 */
export function register(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    // why: the event also fires for the Messages tab, where there is nothing to publish
    if (event.tab !== 'home' || !context.teamId) return;
    try {
      await publishHome(client, { teamId: context.teamId, userId: event.user }, deps);
    } catch (err) {
      deps.logger.error({ err, user: event.user }, 'slack app home failed');
    }
  });

  app.event('message', async ({ event, client, context }) => {
    const dm = directMessage(event, context.teamId);
    if (!dm) return;
    try {
      await handleDirectMessage(dm, client, deps);
    } catch (err) {
      deps.logger.error({ err, user: dm.who.userId }, 'slack direct message failed');
    }
  });
}
