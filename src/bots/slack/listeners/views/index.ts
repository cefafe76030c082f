import type { App, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { Command } from '../../../../core/commands/command.ts';
import { buildContext, runCommand } from '../../../../core/commands/dispatch.ts';
import type { RawOptions } from '../../../../core/commands/resolve-options.ts';
import type { Reply } from '../../../../core/reply.ts';
import { deliverReply } from '../../deliver.ts';
import { errorsAction, fieldOf, type ModalInputs, optionErrors } from '../../form-errors.ts';
import { formFor, MORE_INPUT, REMIND_TEXT_OPTION, readMore, type SlackForm } from '../../forms.ts';
import {
  decodeMeta,
  FORM_CALLBACK,
  type FormMeta,
  readFormValues,
  readMoreText,
} from '../../render/modal.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { apologyReply, invocationEnv, type SlackDeps } from '../../slack-deps.ts';

export interface ViewSubmissionArgs {
  readonly view: Pick<ViewOutput, 'private_metadata' | 'state'>;
  readonly who: SlackWho;
  readonly ack: (response?: ViewResponseAction) => Promise<void>;
  readonly client: SlackApi;
}

interface Submitted {
  readonly command: Command;
  readonly form: SlackForm;
  readonly meta: FormMeta;
  /** Inputs shown in the modal (the only block ids `errors` may name). */
  readonly modal: ModalInputs;
}

function submittedForm(view: ViewSubmissionArgs['view'], deps: SlackDeps): Submitted | undefined {
  const meta = decodeMeta(view.private_metadata);
  const command = meta ? deps.core.registry.find(meta.cmd) : undefined;
  const form = command ? formFor(command) : undefined;
  if (!meta || !command || !form) return undefined;
  const inputs = form.inputs.filter((name) => !(meta.msg && name === REMIND_TEXT_OPTION));
  return { command, form, meta, modal: { inputs, more: form.more } };
}

/** chat.getPermalink needs no scope and works for any message the member could see. */
async function permalinkOf(api: SlackApi, msg: NonNullable<FormMeta['msg']>): Promise<string | undefined> {
  return (await api.chat.getPermalink({ channel: msg.ch, message_ts: msg.ts })).permalink;
}

/** Resolves with undefined after `ms`; `cancel` clears the timer once the race is decided. */
function timeout(ms: number): { promise: Promise<undefined>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * A form submission. Permission first, as the core does (a member who forged
 * a moderator form learns only that it is for moderators); then every option
 * is checked (pure, instant) and bad values go back inside the modal under
 * their inputs (`response_action: errors`, in the core's words). Otherwise
 * the command runs; if it answers within the budget, a core error is also
 * shown in the modal, and success closes it and posts the reply where the
 * command was typed. After the budget the modal closes and the reply follows.
 */
export async function handleViewSubmission(args: ViewSubmissionArgs, deps: SlackDeps): Promise<void> {
  const started = Date.now();
  const { view, who, client } = args;
  const form = submittedForm(view, deps);
  const first = form?.modal.inputs[0];
  if (!form || !first) {
    await args.ack(); // why: a stale modal (command renamed or removed): just close it
    return;
  }
  // why: the answer goes where the member was: the channel of the command, or of the message they chose
  const channel = form.meta.ch ?? form.meta.msg?.ch;
  const answerTo: SlackWho = { ...who, ...(channel ? { channelId: channel } : {}) };
  const env = await invocationEnv(deps, client, answerTo);
  if (form.command.permission === 'moderator' && !(await buildContext(env)).isModerator) {
    const refusal = await runCommand(form.command.name, {}, env);
    await args.ack(errorsAction({ [first]: refusal.text }));
    return;
  }
  const more = readMore(form.command, readMoreText(view.state.values));
  if (!more.ok) {
    await args.ack(errorsAction({ [MORE_INPUT]: more.message }));
    return;
  }
  const raw: RawOptions = { ...more.value, ...readFormValues(form.form, view.state.values) };
  if (form.meta.msg) {
    const link = await permalinkOf(client, form.meta.msg).catch(() => undefined);
    if (!link) {
      await args.ack(
        errorsAction({
          [first]: 'I could not get a link to that message (was it deleted?). Please try again.',
        }),
      );
      return;
    }
    raw[REMIND_TEXT_OPTION] = link;
  }
  const invalid = optionErrors(form.command, raw, form.modal);
  if (invalid) {
    await args.ack(errorsAction(invalid));
    return;
  }
  const running = runCommand(form.command.name, raw, env);
  const budget = timeout(Math.max(0, deps.submitBudgetMs - (Date.now() - started)));
  const early = await Promise.race([running, budget.promise]);
  budget.cancel();
  const inline = early?.error ? fieldOf(early.text, undefined, form.modal) : undefined;
  if (early?.error && inline) {
    await args.ack(errorsAction({ [inline]: early.text }));
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
