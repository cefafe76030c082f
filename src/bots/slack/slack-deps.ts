import type { RespondArguments } from '@slack/bolt';
import type { InvocationEnv } from '../../core/commands/dispatch.ts';
import type { Registry } from '../../core/commands/registry.ts';
import type { CoreDeps } from '../../core/deps.ts';
import type { DeliveryDedupe } from '../../core/ports/delivery-dedupe.port.ts';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import { errorReply, type Reply } from '../../core/reply.ts';

import { renderReply } from './render/blocks.ts';
import type { SlackActorResolver, SlackWho } from './slack-actor.ts';
import type { SlackApi } from './slack-api.ts';

/** The part of the wired app the Slack adapter uses. */
export interface SlackCore {
  readonly deps: CoreDeps;
  readonly registry: Registry;
}

/** What every listener gets (`register(app, deps)`). */
export interface SlackDeps {
  readonly core: SlackCore;
  readonly actors: SlackActorResolver;
  readonly dedupe: DeliveryDedupe;
  readonly logger: CoreLogger;
  /**
   * How long a view submission may work before it must answer. Slack waits
   * 3 s for the HTTP response; within this budget core errors can still be
   * shown inside the modal, after it the modal closes and the answer follows.
   */
  readonly submitBudgetMs: number;
}

/** The core's invocation env for a Slack member (resolves their rights). */
export async function invocationEnv(deps: SlackDeps, api: SlackApi, who: SlackWho): Promise<InvocationEnv> {
  const actor = await deps.actors.resolve(api, who);
  return { actor, deps: deps.core.deps, registry: deps.core.registry };
}

/**
 * A reply as a response_url message. Ephemeral replies (personal data,
 * errors) are seen by the member alone; `replace_original` swaps the message
 * the button was on (paging) and keeps that message's visibility.
 */
export function toResponse(reply: Reply, replaceOriginal = false): RespondArguments {
  return {
    response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
    replace_original: replaceOriginal,
    ...renderReply(reply),
  };
}

/** What the member sees when something unexpected broke outside the core's own guard. */
export function apologyReply(): Reply {
  return errorReply('SLACK.INTERNAL', 'Something went wrong on our side while answering. Please try again.');
}
