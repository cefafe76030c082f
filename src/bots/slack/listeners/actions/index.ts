import type { App, BlockAction, RespondArguments } from '@slack/bolt';
import { runAction } from '../../../../core/commands/dispatch.ts';
import { publishHome } from '../../app-home.ts';
import { deliverReply } from '../../deliver.ts';
import { coreActionId } from '../../render/blocks.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { apologyReply, invocationEnv, type SlackDeps, toResponse } from '../../slack-deps.ts';

/** A pressed button, as the handler needs it. */
export interface ButtonPress {
  readonly actionId: string;
  readonly value: string;
  readonly triggerId: string;
  readonly who: SlackWho;
  /** Set for buttons on messages; Home-tab and modal buttons have none. */
  readonly responseUrl?: string;
  /** The button sits on the App Home tab, which is refreshed afterwards. */
  readonly onHome: boolean;
}

export interface ButtonArgs {
  readonly press: ButtonPress;
  readonly ack: () => Promise<void>;
  readonly respond: (message: RespondArguments) => Promise<unknown>;
  readonly client: SlackApi;
}

/**
 * A button: acknowledge, run the core action named by its action_id (minus
 * the `|n` suffix the renderer adds to repeats) with its value as payload,
 * then answer. Actions declared `replacesMessage` (paging) replace the
 * message the button was on via response_url; an error never replaces it.
 */
export async function handleButton(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  const { press, respond, client } = args;
  await args.ack();
  if (!(await deps.dedupe.first(`trigger:${press.triggerId}`))) return;
  const id = coreActionId(press.actionId);
  try {
    const env = await invocationEnv(deps, client, press.who);
    const reply = await runAction(id, press.value, env);
    const replace = Boolean(deps.core.registry.action(id)?.replacesMessage) && !reply.error;
    if (press.responseUrl) await respond(toResponse(reply, replace));
    else await deliverReply(client, press.who, reply, deps.logger);
    if (press.onHome) await publishHome(client, press.who, deps);
  } catch (err) {
    deps.logger.error({ err, action: id }, 'slack button failed');
    if (press.responseUrl) await respond(toResponse(apologyReply())).catch(() => undefined);
  }
}

function pressOf(body: BlockAction): ButtonPress | undefined {
  const action = body.actions[0];
  if (action?.type !== 'button') return undefined;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!teamId) return undefined;
  return {
    actionId: action.action_id,
    value: action.value ?? '',
    triggerId: body.trigger_id,
    who: {
      teamId,
      userId: body.user.id,
      userName: body.user.username,
      ...(body.channel ? { channelId: body.channel.id } : {}),
    },
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
    onHome: body.view?.type === 'home',
  };
}

/** Routes every button press to the core's action handlers. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ body, ack, respond, client }) => {
    const press = pressOf(body);
    if (!press) {
      await ack(); // why: inputs inside modals may dispatch actions we do not handle; Slack still wants an answer
      return;
    }
    await handleButton({ press, ack: () => ack(), respond, client }, deps);
  });
}
