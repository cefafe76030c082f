import type { App, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { Command } from '../../../../core/commands/command.ts';
import { checkPermission, runCommand } from '../../../../core/commands/dispatch.ts';
import { messageActionOptions } from '../../../../core/commands/entry-points.ts';
import type { MessageActionDef } from '../../../../core/commands/message-action.ts';
import type { RawOptions } from '../../../../core/commands/resolve-options.ts';
import type { Reply } from '../../../../core/reply.ts';
import { deliverReply } from '../../deliver.ts';
import { errorsAction, fieldOf, type ModalInputs, optionErrors } from '../../form-errors.ts';
import { formFor, MORE_INPUT, readMore, type SlackForm } from '../../forms.ts';
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
import { messageActionForm } from '../shortcuts/index.ts';

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
  /** Set when the form is a message action's: its options get the message link. */
  readonly action?: MessageActionDef;
  /** Inputs shown in the modal (the only block ids `errors` may name). */
  readonly modal: ModalInputs;
}

/** The message action a form was opened for (forms from before `act` existed: the one running its command). */
function actionOf(meta: FormMeta, deps: SlackDeps): MessageActionDef | undefined {
  if (!meta.msg) return undefined;
  const registry = deps.core.registry;
  return meta.act
    ? registry.messageAction(meta.act)
    : registry.messageActions().find((a) => a.command === meta.cmd);
}

function submittedForm(view: ViewSubmissionArgs['view'], deps: SlackDeps): Submitted | undefined {
  const meta = decodeMeta(view.private_metadata);
  const command = meta ? deps.core.registry.find(meta.cmd) : undefined;
  if (!meta || !command) return undefined;
  if (meta.msg) {
    const action = actionOf(meta, deps);
    if (!action || action.command !== command.name) return undefined;
    const form = messageActionForm(action);
    return { command, form, meta, action, modal: { inputs: form.inputs, more: form.more } };
  }
  const form = formFor(command);
  if (!form) return undefined;
  return { command, form, meta, modal: { inputs: form.inputs, more: form.more } };
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
  const refusal = await checkPermission(form.command, env);
  if (refusal) {
    await args.ack(errorsAction({ [first]: refusal.text }));
    return;
  }
  const more = readMore(form.command, readMoreText(view.state.values));
  if (!more.ok) {
    await args.ack(errorsAction({ [MORE_INPUT]: more.message }));
    return;
  }
  let raw: RawOptions = { ...more.value, ...readFormValues(form.form, view.state.values) };
  if (form.meta.msg && form.action) {
    const link = await permalinkOf(client, form.meta.msg).catch(() => undefined);
    if (!link) {
      await args.ack(
        errorsAction({
          [first]: 'I could not get a link to that message (was it deleted?). Please try again.',
        }),
      );
      return;
    }
    raw = messageActionOptions(form.action, raw, link);
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
