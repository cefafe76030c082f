import { buildHome } from '../../core/home/build-home.ts';
import { homeView } from './render/home.ts';
import type { SlackWho } from './slack-actor.ts';
import type { SlackApi } from './slack-api.ts';
import { invocationEnv, type SlackDeps } from './slack-deps.ts';

/**
 * Publishes the member's App Home tab: the core's overview (their reminders,
 * tracked applications and, for moderators, the review queue; commands to
 * try) rendered as Block Kit.
 */
export async function publishHome(api: SlackApi, who: SlackWho, deps: SlackDeps): Promise<void> {
  const env = await invocationEnv(deps, api, who);
  await api.views.publish({ user_id: who.userId, view: homeView(await buildHome(env)) });
}
