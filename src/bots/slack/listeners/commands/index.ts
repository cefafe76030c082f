import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import { checkPermission, runTextCommand } from '../../../../core/commands/dispatch.ts';
import type { Registry } from '../../../../core/commands/registry.ts';
import type { Reply } from '../../../../core/reply.ts';
import { formModal, noticeModal } from '../../render/modal.ts';
import type { SlackWho } from '../../slack-actor.ts';
import type { SlackApi } from '../../slack-api.ts';
import { apologyReply, invocationEnv, type SlackDeps, toResponse } from '../../slack-deps.ts';
import { SLACK_BUILTIN_COMMANDS, slackExample } from '../../slack-names.ts';
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
    const answer = await runTextCommand(route.line, env);
    await respond(toResponse(withSlackHints(route.line, answer, deps.core.registry)));
  } catch (err) {
    deps.logger.error({ err, command: command.command }, 'slack slash command failed');
    await respond(toResponse(apologyReply())).catch(() => undefined);
  }
}

/** How to reach a command whose name Slack keeps, shown with the core's own example of one. */
function helpHint(registry: Registry): string {
  const reserved = registry.list().find((c) => SLACK_BUILTIN_COMMANDS.has(c.name.split(' ')[0] ?? c.name));
  const example = reserved?.examples[0];
  if (!reserved || !example) return 'In Slack every command also works as /imgbot <command>.';
  return `In Slack every command also works as /imgbot <command>, e.g. ${slackExample(example)} (Slack keeps /${reserved.name} for itself).`;
}

/** `/help` in Slack says how to reach commands whose names Slack reserves. */
function withSlackHints(line: string, reply: Reply, registry: Registry): Reply {
  if (reply.error || !/^\/help\b/i.test(line)) return reply;
  const hint = helpHint(registry);
  return { ...reply, footer: reply.footer ? `${reply.footer} · ${hint}` : hint };
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
  // why: a member command is open to everyone, so the modal need not wait for the member's lookup
  if (command.permission === 'member') {
    await opening;
    return true;
  }
  const [opened, refusal] = await Promise.all([
    opening,
    invocationEnv(deps, api, who).then((env) => checkPermission(command, env)),
  ]);
  if (!refusal) return true;
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
