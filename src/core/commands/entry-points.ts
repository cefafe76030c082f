import { errorReply, type Reply } from '../reply.ts';
import { type InvocationEnv, runCommand } from './dispatch.ts';
import type { MessageActionDef } from './message-action.ts';
import type { RawOptions } from './resolve-options.ts';

/**
 * Free text (a shell line without `/`, a direct message to the Slack app)
 * runs the registry's question command with the text as its option. Every
 * text adapter calls this, so they share one answer when there is none.
 */
export function runQuestion(text: string, env: InvocationEnv): Promise<Reply> {
  const entry = env.registry.question;
  if (!entry || !env.registry.find(entry.command)) {
    return Promise.resolve(
      errorReply('FAQ.UNAVAILABLE', 'Questions are not available yet. Type /help for the commands.'),
    );
  }
  return runCommand(entry.command, { [entry.option]: text }, env);
}

/**
 * The options a message action runs its command with: the answers to what
 * its form asked (anything else is ignored) and the link to the message.
 */
export function messageActionOptions(
  action: MessageActionDef,
  answers: RawOptions,
  messageLink: string,
): RawOptions {
  const raw: RawOptions = {};
  for (const name of action.ask) {
    const value = answers[name];
    if (value !== undefined) raw[name] = value;
  }
  raw[action.linkOption] = messageLink;
  return raw;
}

/** Runs a message action's command on the message at `messageLink`. */
export function runMessageAction(
  action: MessageActionDef,
  answers: RawOptions,
  messageLink: string,
  env: InvocationEnv,
): Promise<Reply> {
  return runCommand(action.command, messageActionOptions(action, answers, messageLink), env);
}
