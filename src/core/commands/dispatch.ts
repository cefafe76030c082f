import type { CoreDeps } from '../deps.ts';
import { type Actor, platformOf } from '../identity.ts';
import { isModerator } from '../policy.ts';
import type { CommandOutcome } from '../ports/command-observer.port.ts';
import { errorReply, type Reply } from '../reply.ts';
import { type Failure, ok, type Result } from '../result.ts';
import {
  type ActionDef,
  BARE_WORD_NOTE,
  type Command,
  type CommandContext,
  type Permission,
} from './command.ts';
import { AUTOCOMPLETE_LIMITS, type AutocompleteChoice } from './options.ts';
import { parseCommandLine } from './parse-line.ts';
import { quoteInput } from './quote-input.ts';
import type { Registry } from './registry.ts';
import { type RawOptions, tokensToOptions } from './resolve-options.ts';
import { closest } from './suggest.ts';
import { validateOptions } from './validate-options.ts';

/** What every entry point needs: who is asking, the registry and the core's dependencies. */
export interface InvocationEnv {
  readonly actor: Actor;
  readonly deps: CoreDeps;
  readonly registry: Registry;
}

/** Turns an expected failure into an error reply. */
export function failureReply(failure: Failure): Reply {
  return errorReply(failure.code, failure.message);
}

/** Builds the handler context: moderator status from the core policy, the member's zone, the time. */
export async function buildContext(env: InvocationEnv): Promise<CommandContext> {
  const { actor, deps } = env;
  const [community, user] = await Promise.all([
    deps.userSettings.getCommunity(actor.communityId),
    deps.userSettings.getUser(actor.userId),
  ]);
  return {
    actor,
    deps,
    registry: env.registry,
    isModerator: isModerator(actor, community),
    zone: user.zone ?? deps.settings.defaultTimezone,
    now: deps.clock.now(),
  };
}

function refuse(what: string, permission: Permission, ctx: CommandContext): Reply | undefined {
  if (permission === 'moderator' && !ctx.isModerator) {
    return errorReply('PERMISSION.MODERATOR_ONLY', `Only moderators can use ${what}. Nothing was changed.`);
  }
  return undefined;
}

/**
 * Whether the member may run `command`: undefined when they may, else the
 * core's refusal, in the words running the command would give. Adapters ask
 * before they open a form, so nobody fills in a form they could never send.
 * Member commands answer at once, without reading the member's settings.
 */
export async function checkPermission(command: Command, env: InvocationEnv): Promise<Reply | undefined> {
  if (command.permission === 'member') return undefined;
  return refuse(`/${command.name}`, command.permission, await buildContext(env));
}

/** The error for a command name that does not exist, with the closest names. */
export function unknownCommandReply(name: string, registry: Registry): Reply {
  const guesses = closest(name, registry.topLevelNames());
  const hint = guesses.length > 0 ? ` Did you mean ${guesses.map((g) => `/${g}`).join(' or ')}?` : '';
  const shown = quoteInput(name).slice(1, -1); // why: a pasted wall of text is not repeated back
  return errorReply('COMMAND.UNKNOWN', `There is no command /${shown}.${hint} Type /help for the list.`);
}

/** The reply while the store cannot be reached: nothing was written, so trying again is safe. */
export function unavailableReply(what: string): Reply {
  return errorReply(
    'UNAVAILABLE',
    `${what} is temporarily unavailable: the bot cannot reach its database right now. Nothing was changed; please try again in a minute.`,
  );
}

/** A bounded name for metrics: a registered command or button id; anything typed by a member is `unknown`. */
function metricName(
  fields: { readonly cmd: string } | { readonly action: string },
  registry: Registry,
): string {
  if ('action' in fields) return `button ${fields.action}`;
  return registry.find(fields.cmd) ? fields.cmd : 'unknown';
}

function outcomeOf(result: Reply, unavailable: boolean, threw: boolean): CommandOutcome {
  if (unavailable) return 'unavailable';
  if (threw) return 'error';
  return result.error ? 'refused' : 'ok';
}

async function guarded(
  what: string,
  env: InvocationEnv,
  run: () => Promise<Reply>,
  fields: { readonly cmd: string } | { readonly action: string },
): Promise<Reply> {
  const started = performance.now();
  const observer = env.deps.observer;
  let result: Reply;
  let threw = false;
  let unavailable = false;
  try {
    result = await run();
  } catch (err) {
    threw = true;
    unavailable = observer?.isUnavailable(err) ?? false;
    // The observer logs outages itself (rate-limited): one line per failed command would flood the log.
    if (unavailable) result = unavailableReply(what);
    else result = internalErrorReply(what, err, env, fields);
  }
  const ms = Math.round((performance.now() - started) * 100) / 100;
  env.deps.logger.info(
    { ...fields, user: env.actor.userId, ms, ok: !result.error, code: result.code },
    'handled',
  );
  observer?.finished({
    command: metricName(fields, env.registry),
    platform: platformOf(env.actor.userId) ?? 'unknown',
    outcome: outcomeOf(result, unavailable, threw),
    ms,
  });
  return result;
}

function internalErrorReply(
  what: string,
  err: unknown,
  env: InvocationEnv,
  fields: Record<string, unknown>,
): Reply {
  const ref = Math.random().toString(36).slice(2, 8);
  env.deps.logger.error({ err, ref, ...fields }, `${what} failed`);
  return errorReply(
    'INTERNAL',
    `Something went wrong on our side while running ${what}. Please try again; if it keeps happening, tell a moderator (reference ${ref}).`,
  );
}

/**
 * Runs a command by name with raw option values (Discord hands typed values;
 * text adapters go through `runTextCommand`). Never throws: unexpected errors
 * are logged and become a short apology with a reference.
 */
export function runCommand(name: string, raw: RawOptions, env: InvocationEnv): Promise<Reply> {
  const command = env.registry.find(name);
  if (!command) {
    const top = name.split(' ')[0] ?? name;
    return guarded(`/${top}`, env, async () => unknownCommandReply(top, env.registry), { cmd: top });
  }
  return guarded(`/${command.name}`, env, () => execute(command, raw, env), { cmd: command.name });
}

/**
 * Permission first (a member typing a moderator command learns only that it
 * is for moderators), then options, then the handler. `raw` is computed after
 * the permission check so text parsing errors never leak a command's options.
 */
async function execute(
  command: Command,
  raw: RawOptions | (() => Result<RawOptions>),
  env: InvocationEnv,
): Promise<Reply> {
  const ctx = await buildContext(env);
  const refused = refuse(`/${command.name}`, command.permission, ctx);
  if (refused) return refused;
  const rawValues = typeof raw === 'function' ? raw() : ok(raw);
  if (!rawValues.ok) return failureReply(rawValues);
  const { [BARE_WORD_NOTE]: note, ...given } = rawValues.value;
  const values = validateOptions(command, given);
  if (!values.ok) return failureReply(values);
  const handled = await command.handler(values.value, ctx);
  // How bare words were read goes first, so a corrected typo is never a silent guess.
  const result =
    typeof note === 'string' && !handled.error ? { ...handled, text: `${note}\n${handled.text}` } : handled;
  return command.personal && !result.ephemeral ? { ...result, ephemeral: true } : result;
}

/** Finds the command a text line names, reading `/track add` as the subcommand `track add`. */
export function resolveTextCommand(
  name: string,
  tokens: readonly import('./parse-line.ts').Token[],
  registry: Registry,
): { command: Command; rest: typeof tokens } | { reply: Reply } {
  const subs = registry.subcommandsOf(name);
  if (subs.length > 0) {
    const first = tokens[0];
    const sub = first?.type === 'word' ? registry.find(`${name} ${first.text.toLowerCase()}`) : undefined;
    if (sub) return { command: sub, rest: tokens.slice(1) };
    const names = subs.map((s) => s.name.split(' ')[1]).join(', ');
    const given = first?.type === 'word' ? `${quoteInput(first.text)} is not one of them. ` : '';
    return {
      reply: errorReply(
        'COMMAND.SUBCOMMAND',
        `/${name} needs one of: ${names}. ${given}Example: ${subs[0]?.examples[0] ?? `/${name} ${names}`}`,
      ),
    };
  }
  const command = registry.find(name);
  return command ? { command, rest: tokens } : { reply: unknownCommandReply(name, registry) };
}

/** Runs a text command line (`/name key:value ...`) as typed in the shell or Slack. */
export async function runTextCommand(line: string, env: InvocationEnv): Promise<Reply> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return failureReply(parsed);
  const resolved = resolveTextCommand(parsed.value.name, parsed.value.tokens, env.registry);
  if ('reply' in resolved) {
    const early = resolved.reply;
    return guarded(`/${parsed.value.name}`, env, async () => early, { cmd: parsed.value.name });
  }
  const { command, rest } = resolved;
  return guarded(`/${command.name}`, env, () => execute(command, () => tokensToOptions(command, rest), env), {
    cmd: command.name,
  });
}

/** Runs a button's action. Unknown or stale buttons get a specific message, never a crash. */
export function runAction(actionId: string, payload: string, env: InvocationEnv): Promise<Reply> {
  const action: ActionDef | undefined = env.registry.action(actionId);
  if (!action) {
    return Promise.resolve(
      errorReply(
        'ACTION.UNKNOWN',
        'This button is no longer supported. Run the command again to get fresh buttons.',
      ),
    );
  }
  return guarded(
    `button ${action.id}`,
    env,
    async () => {
      const ctx = await buildContext(env);
      const refused = refuse('this button', action.permission, ctx);
      if (refused) return refused;
      const result = await action.handler(payload, ctx);
      return action.personal && !result.ephemeral ? { ...result, ephemeral: true } : result;
    },
    { action: action.id },
  );
}

/** Answers an autocomplete request; never throws (an empty list is a safe answer). */
export async function runAutocomplete(
  commandName: string,
  optionName: string,
  query: string,
  env: InvocationEnv,
): Promise<readonly AutocompleteChoice[]> {
  const source = env.registry.find(commandName)?.options[optionName]?.autocomplete;
  const complete = source ? env.registry.autocompleters[source] : undefined;
  if (!complete) return [];
  try {
    const ctx = await buildContext(env);
    return (await complete(query, ctx)).slice(0, AUTOCOMPLETE_LIMITS.choices);
  } catch (err) {
    env.deps.logger.warn({ err, commandName, optionName }, 'autocomplete failed');
    return [];
  }
}
