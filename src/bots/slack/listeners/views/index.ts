import type { App, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { Command, FormSpec } from '../../../../core/commands/command.ts';
import { runCommand } from '../../../../core/commands/dispatch.ts';
import type { RawOptions } from '../../../../core/commands/resolve-options.ts';
import { validateOptions } from '../../../../core/commands/validate-options.ts';
import type { Reply } from '../../../../core/reply.ts';
import { deliverReply } from '../../deliver.ts';
import { SLACK_LIMITS as L } from '../../render/limits.ts';
import { decodeMeta, FORM_CALLBACK, type FormMeta, readFormValues } from '../../render/modal.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { apologyReply, invocationEnv, type SlackDeps } from '../../slack-deps.ts';
import { formFor, REMIND_TEXT_OPTION } from '../../slack-text.ts';

export interface ViewSubmissionArgs {
  readonly view: Pick<ViewOutput, 'private_metadata' | 'state'>;
  readonly who: SlackWho;
  readonly ack: (response?: ViewResponseAction) => Promise<void>;
  readonly client: SlackApi;
}

interface Submitted {
  readonly command: Command;
  readonly form: FormSpec;
  readonly meta: FormMeta;
  /** Inputs shown in the modal (the only block ids `errors` may name). */
  readonly inputs: readonly string[];
}

function submittedForm(view: ViewSubmissionArgs['view'], deps: SlackDeps): Submitted | undefined {
  const meta = decodeMeta(view.private_metadata);
  const command = meta ? deps.core.registry.find(meta.cmd) : undefined;
  const form = command ? formFor(command) : undefined;
  if (!meta || !command || !form) return undefined;
  const inputs = form.inputs.filter((name) => !(meta.msg && name === REMIND_TEXT_OPTION));
  return { command, form, meta, inputs };
}

/** The input a core message is about: the one it names, else the first. */
function fieldOf(message: string, option: unknown, inputs: readonly string[]): string | undefined {
  if (typeof option === 'string' && inputs.includes(option)) return option;
  return inputs.find((name) => new RegExp(`\\b${name}\\b`, 'i').test(message)) ?? inputs[0];
}

function errors(field: string, message: string): ViewResponseAction {
  return { response_action: 'errors', errors: { [field]: message.slice(0, L.inputLabel) } };
}

/** chat.getPermalink needs no scope and works for any message the member could see. */
async function permalinkOf(api: SlackApi, msg: NonNullable<FormMeta['msg']>): Promise<string | undefined> {
  return (await api.chat.getPermalink({ channel: msg.ch, message_ts: msg.ts })).permalink;
}

function sleep(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/**
 * A form submission. The core validates first (pure, instant), and a bad
 * value goes back inside the modal under its input (`response_action:
 * errors`, keyed by the option the failure names). Otherwise the command runs;
 * if it answers within the budget, a core error is also shown in the modal,
 * and success closes it and posts the reply where the command was typed.
 * After the budget the modal closes and the reply follows when ready.
 */
export async function handleViewSubmission(args: ViewSubmissionArgs, deps: SlackDeps): Promise<void> {
  const started = Date.now();
  const { view, who, client } = args;
  const form = submittedForm(view, deps);
  if (!form) {
    await args.ack(); // why: a stale modal (command renamed or removed): just close it
    return;
  }
  const raw: RawOptions = readFormValues(form.form, view.state.values);
  if (form.meta.msg) {
    const link = await permalinkOf(client, form.meta.msg).catch(() => undefined);
    const first = form.inputs[0];
    if (!link && first) {
      await args.ack(
        errors(first, 'I could not get a link to that message (was it deleted?). Please try again.'),
      );
      return;
    }
    raw[REMIND_TEXT_OPTION] = link;
  }
  const checked = validateOptions(form.command, raw);
  const field = checked.ok ? undefined : fieldOf(checked.message, checked.details?.option, form.inputs);
  if (!checked.ok && field) {
    await args.ack(errors(field, checked.message));
    return;
  }
  const answerTo: SlackWho = { ...who, ...(form.meta.ch ? { channelId: form.meta.ch } : {}) };
  const running = invocationEnv(deps, client, answerTo).then((env) =>
    runCommand(form.command.name, raw, env),
  );
  running.catch(() => undefined); // why: awaited below; this only keeps an early rejection from being "unhandled"
  const early = await Promise.race([
    running,
    sleep(Math.max(0, deps.submitBudgetMs - (Date.now() - started))),
  ]).catch(() => apologyReply());
  const inline = early?.error ? fieldOf(early.text, undefined, form.inputs) : undefined;
  if (early?.error && inline) {
    await args.ack(errors(inline, early.text));
    return;
  }
  await args.ack();
  const reply: Reply = early ?? (await running.catch(() => apologyReply()));
  await deliverReply(client, answerTo, reply, deps.logger);
}

/** Routes submissions of every command form (one callback id; the command is in private_metadata). */
export function register(app: App, deps: SlackDeps): void {
  app.view(FORM_CALLBACK, async ({ ack, view, body, client }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    const who: SlackWho = { teamId, userId: body.user.id, userName: body.user.name };
    try {
      await handleViewSubmission({ view, who, ack: (r) => ack(r), client }, deps);
    } catch (err) {
      deps.logger.error({ err }, 'slack form submission failed');
      await ack().catch(() => undefined); // why: closes the modal if nothing answered yet (a second ack throws)
    }
  });
}
