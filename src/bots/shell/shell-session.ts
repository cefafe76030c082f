import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type InvocationEnv, runAction, runTextCommand } from '../../core/commands/dispatch.ts';
import { runQuestion } from '../../core/commands/entry-points.ts';
import { buildHome, homeAsReplies } from '../../core/home/build-home.ts';
import type { Actor } from '../../core/identity.ts';
import { SHELL_COMMUNITY } from '../../core/identity.ts';
import { errorReply, type Reply, type ReplyAction } from '../../core/reply.ts';
import { renderJson, renderText } from './render-text.ts';
import type { ShellDelivery, ShellNotifier } from './shell-notifier.ts';

export interface ShellOptions {
  readonly user: string;
  readonly moderator: boolean;
  /** Local roles the user holds (names, as `/setup mod_role:@Moderators` sets them). */
  readonly roles?: readonly string[];
  readonly json: boolean;
  readonly input: Readable;
  readonly output: Writable;
  /** A person at a terminal: show a prompt and keep history. */
  readonly interactive: boolean;
}

export interface ShellWiring {
  readonly env: Omit<InvocationEnv, 'actor'>;
  readonly notifier: ShellNotifier;
  /** Waits (bounded) for deliveries due soon to this user, so piped sessions see their DMs. */
  readonly awaitPendingDeliveries?: (userId: string) => Promise<void>;
}

/** The actor a shell session acts as; its roles are local names (`Moderators`). */
export function shellActor(name: string, moderator: boolean, roles: readonly string[] = []): Actor {
  return {
    userId: `shell:${name}`,
    communityId: SHELL_COMMUNITY,
    displayName: name,
    platformAdmin: moderator,
    roleIds: roles,
    channel: SHELL_COMMUNITY,
  };
}

/**
 * Reads one command per line, answers each in order, prints DMs as they
 * arrive, and returns once input has ended and pending deliveries are done.
 * A line without a leading `/` is a question for the FAQ.
 */
export async function runShellSession(wiring: ShellWiring, opts: ShellOptions): Promise<void> {
  const actor = shellActor(opts.user, opts.moderator, opts.roles);
  const env: InvocationEnv = { ...wiring.env, actor };
  let lastActions: readonly ReplyAction[] = [];

  const print = (reply: Reply, dm?: ShellDelivery): void => {
    if (reply.actions.length > 0) lastActions = reply.actions;
    const text = opts.json
      ? renderJson(reply, dm)
      : dm
        ? `${dm.channel ? `[in #${dm.to.replace(/^shell:/, '')}]` : `[DM to ${dm.to}]`}\n${renderText(reply)}`
        : renderText(reply);
    opts.output.write(`${text}\n${opts.json ? '' : '\n'}`);
  };
  wiring.notifier.attach(print);

  const rl = createInterface({
    input: opts.input,
    output: opts.interactive ? opts.output : undefined,
    terminal: opts.interactive,
    historySize: 200,
    prompt: 'imgbot> ',
  });
  if (opts.interactive) {
    opts.output.write(
      'imgbot shell. Type /help for commands, /home for your overview, a question to ask the FAQ, /quit to leave.\n',
    );
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') for (const reply of await answer(line, env, lastActions)) print(reply);
    if (opts.interactive) rl.prompt();
  }
  rl.close();
  await wiring.awaitPendingDeliveries?.(actor.userId);
  wiring.notifier.detach();
}

/**
 * The replies to one line: `/press N` presses a button of the last reply,
 * `/home` shows the member's overview (one reply per section), any other
 * `/command` runs it, and anything else is free text for the core.
 */
async function answer(
  line: string,
  env: InvocationEnv,
  lastActions: readonly ReplyAction[],
): Promise<readonly Reply[]> {
  const press = /^\/press\s+(\d+)$/i.exec(line);
  if (press) {
    const action = lastActions[Number(press[1]) - 1];
    if (!action) {
      return [
        errorReply(
          'SHELL.NO_SUCH_BUTTON',
          `There is no button ${press[1]} on the last message. Example: /press 1`,
        ),
      ];
    }
    return [await runAction(action.action, action.payload, env)];
  }
  if (/^\/home$/i.test(line)) return homeAsReplies(await buildHome(env));
  if (line.startsWith('/')) return [await runTextCommand(line, env)];
  return [await runQuestion(line, env)];
}
