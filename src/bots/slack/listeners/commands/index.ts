import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import { buildContext, runCommand, runTextCommand } from '../../../../core/commands/dispatch.ts';
import type { Reply } from '../../../../core/reply.ts';
import { formModal, noticeModal } from '../../render/modal.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { apologyReply, invocationEnv, type SlackDeps, toResponse } from '../../slack-deps.ts';
import { routeSlashCommand, type SlashRoute } from '../../slack-text.ts';

/** What the slash command handler needs from Bolt's listener arguments. */
export interface SlashCommandArgs {
  readonly command: Pick<
    SlashCommand,
    'command' | 'text' | 'trigger_id' | 'team_id' | 'user_id' | 'user_name' | 'channel_id'
  >;
  readonly ack: () => Promise<void>;
  readonly respond: (message: RespondArguments) => Promise<unknown>;
  readonly client: SlackApi;
}

/**
 * Every slash command: acknowledge at once (Slack shows the member
 * "operation_timeout" unless the HTTP answer comes within 3 s), then do the
 * work and answer through response_url, which stays valid for 30 minutes.
 * The text is parsed by the core (`key:value` options and bare words), so a
 * new core command needs nothing here.
 */
export async function handleSlashCommand(args: SlashCommandArgs, deps: SlackDeps): Promise<void> {
  const { command, respond, client } = args;
  await args.ack();
  // why: a trigger_id is unique per invocation; a replayed request must not run twice
  if (!(await deps.dedupe.first(`trigger:${command.trigger_id}`))) return;
  const who: SlackWho = {
    teamId: command.team_id,
    userId: command.user_id,
    channelId: command.channel_id,
    userName: command.user_name,
  };
  try {
    const route = routeSlashCommand(command.command, command.text, deps.core.registry);
    if (route.kind === 'form' && (await openForm(client, command.trigger_id, route, who, deps))) return;
    const env = await invocationEnv(deps, client, who);
    await respond(toResponse(withSlackHints(route.line, await runTextCommand(route.line, env))));
  } catch (err) {
    deps.logger.error({ err, command: command.command }, 'slack slash command failed');
    await respond(toResponse(apologyReply())).catch(() => undefined);
  }
}

const HELP_HINT =
  'In Slack every command also works as /imgbot <command>, e.g. /imgbot remind when:"tomorrow 9am" what:"email Dr. Rivera" (Slack keeps /remind for itself).';

/** `/help` in Slack says how to reach commands whose names Slack reserves. */
function withSlackHints(line: string, reply: Reply): Reply {
  if (reply.error || !/^\/help\b/i.test(line)) return reply;
  return { ...reply, footer: reply.footer ? `${reply.footer} · ${HELP_HINT}` : HELP_HINT };
}

/**
 * Opens a command's form; false when it cannot (what was typed does not fit
 * in a modal), and the command then runs as typed. The trigger_id expires ~3 s
 * after the command, so the modal opens first; for moderator commands the
 * core policy is asked in parallel and a refused member sees the core's
 * refusal in place of the form.
 */
async function openForm(
  api: SlackApi,
  triggerId: string,
  route: Extract<SlashRoute, { kind: 'form' }>,
  who: SlackWho,
  deps: SlackDeps,
): Promise<boolean> {
  const { command, form, given } = route;
  const view = formModal(
    command,
    form,
    { cmd: command.name, ...(who.channelId ? { ch: who.channelId } : {}) },
    { given },
  );
  if (!view) return false;
  const opening = api.views.open({ trigger_id: triggerId, view });
  if (command.permission !== 'moderator') {
    await opening;
    return true;
  }
  const [opened, env] = await Promise.all([opening, invocationEnv(deps, api, who)]);
  if ((await buildContext(env)).isModerator) return true;
  // The core refuses before it validates, so an empty run yields its refusal, in its words.
  const refusal = await runCommand(command.name, {}, env);
  const viewId = opened.view?.id;
  if (viewId) await api.views.update({ view_id: viewId, view: noticeModal(form.title, refusal.text) });
  return true;
}

/** Routes every slash command (any name, plus the `/imgbot` umbrella) to the core. */
export function register(app: App, deps: SlackDeps): void {
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await handleSlashCommand({ command, ack: () => ack(), respond, client }, deps);
  });
}
