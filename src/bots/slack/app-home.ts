import { buildContext, type InvocationEnv, runCommand } from '../../core/commands/dispatch.ts';
import type { Reply } from '../../core/reply.ts';
import { type HomePart, homeView } from './render/home.ts';
import type { SlackWho } from './slack-actor.ts';
import type { SlackApi } from './slack-api.ts';
import { invocationEnv, type SlackDeps } from './slack-deps.ts';

/** A Home part comes from a core command; absent commands (not in this version) are skipped. */
interface PartSpec {
  readonly command: string;
  readonly heading: string;
  readonly fallback: string;
  readonly moderatorsOnly?: boolean;
}

const PARTS: readonly PartSpec[] = [
  {
    command: 'reminders',
    heading: 'Your next reminders',
    fallback: 'No reminders yet. Try /imgbot remind, or "Remind me about this" on any message.',
  },
  {
    command: 'track list',
    heading: 'Your applications',
    fallback: 'Nothing tracked yet. Try /imgbot track add.',
  },
  {
    command: 'review',
    heading: 'Review queue',
    fallback: 'Nothing is waiting for review.',
    moderatorsOnly: true,
  },
];

async function run(command: string, env: InvocationEnv): Promise<Reply | undefined> {
  return env.registry.find(command) ? runCommand(command, {}, env) : undefined;
}

/**
 * Publishes the member's App Home tab from the core's own replies (their
 * reminders, tracked applications and, for moderators, the review queue),
 * so the tab always agrees with what the commands say.
 */
export async function publishHome(api: SlackApi, who: SlackWho, deps: SlackDeps): Promise<void> {
  const env = await invocationEnv(deps, api, who);
  const ctx = await buildContext(env);
  const wanted = PARTS.filter((p) => (!p.moderatorsOnly || ctx.isModerator) && env.registry.find(p.command));
  const replies = await Promise.all(wanted.map((p) => run(p.command, env)));
  const parts: HomePart[] = wanted.map((p, i) => ({
    heading: p.heading,
    fallback: p.fallback,
    reply: replies[i],
  }));
  const commands = env.registry.list().filter((c) => c.permission === 'member' || ctx.isModerator);
  await api.views.publish({
    user_id: who.userId,
    view: homeView({ displayName: env.actor.displayName, parts, commands }),
  });
}
