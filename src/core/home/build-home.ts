import type { Command, CommandGroup } from '../commands/command.ts';
import { buildContext, type InvocationEnv, runCommand } from '../commands/dispatch.ts';
import { type Reply, reply } from '../reply.ts';

/** One section of the overview, filled with its command's reply. */
export interface HomeSection {
  readonly heading: string;
  readonly reply: Reply;
  /** What to show instead when the reply is an error. */
  readonly fallback: string;
}

/**
 * A member's overview: what Slack's App Home tab shows and the shell's
 * `/home` prints (their reminders, tracked applications, the review queue
 * for moderators) and a few commands to try.
 */
export interface HomeReply {
  readonly displayName: string;
  readonly sections: readonly HomeSection[];
  /** Commands this member may run, a few per group, everyday ones first. */
  readonly commandsToTry: readonly Command[];
}

const PER_GROUP = 2; // why: the first two of each group are its everyday commands (search, ask, remind, track)
const COMMANDS_SHOWN = 14; // why: two per group fits one screen; /help has the rest

/** The order groups are suggested in: finding listings first, moderation and general last. */
export const GROUP_ORDER: readonly CommandGroup[] = [
  'opportunities',
  'faq',
  'reminders',
  'tracker',
  'account',
  'moderation',
  'general',
];

/** A few commands to try: the first two of each group, searches first, in registry order within a group. */
export function commandsToTry(commands: readonly Command[]): Command[] {
  return GROUP_ORDER.flatMap((group) => commands.filter((c) => c.group === group).slice(0, PER_GROUP)).slice(
    0,
    COMMANDS_SHOWN,
  );
}

/**
 * Runs the registry's overview sections for the member (moderator-only ones
 * for moderators) from the core's own commands, so the overview always agrees
 * with what the commands say.
 */
export async function buildHome(env: InvocationEnv): Promise<HomeReply> {
  const ctx = await buildContext(env);
  const wanted = env.registry.homeSections.filter((s) => !s.moderatorsOnly || ctx.isModerator);
  const replies = await Promise.all(wanted.map((s) => runCommand(s.command, {}, env)));
  const sections = wanted.flatMap((s, i) => {
    const answer = replies[i];
    return answer ? [{ heading: s.heading, fallback: s.fallback, reply: answer }] : [];
  });
  const allowed = env.registry.list().filter((c) => c.permission === 'member' || ctx.isModerator);
  return { displayName: env.actor.displayName, sections, commandsToTry: commandsToTry(allowed) };
}

/**
 * The overview as plain replies, for adapters that show one reply after
 * another (the shell): each section under its heading (its fallback in place
 * of an error), then the commands to try.
 */
export function homeAsReplies(home: HomeReply): Reply[] {
  const sections = home.sections.map((s) =>
    s.reply.error
      ? reply({ title: s.heading, text: `${s.reply.text}\n${s.fallback}` })
      : { ...s.reply, title: s.heading },
  );
  const commands = reply({
    title: 'Commands to try',
    text: home.commandsToTry.map((c) => `/${c.name}: ${c.description}`).join('\n'),
    footer: '/help lists them all.',
  });
  return [...sections, commands];
}
