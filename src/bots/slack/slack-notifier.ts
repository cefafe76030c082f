import { type Logger, webApi } from '@slack/bolt';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { DeliveryOutcome, Notifier } from '../../core/ports/notifier.port.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReply } from './render/blocks.ts';
import { parseSlackAddress } from './slack-actor.ts';
import { slackErrorCode } from './slack-api.ts';

/** Finds the bot token of a workspace (one token, or the OAuth installation store). */
export type TokenLookup = (teamId: string) => Promise<string | undefined>;

/**
 * Slack errors after which retrying the same delivery cannot help: the member
 * or channel is gone, archived, deactivated, or the bot was removed. The core
 * marks the member undeliverable and stops retrying.
 */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'not_in_channel',
  'user_not_found',
  'account_inactive',
  'channel_not_found',
  'is_archived',
  'cannot_dm_bot',
  'user_disabled',
]);

const MS_PER_SECOND = 1000;

/**
 * Maps a failed Web API call to a delivery outcome. A 429 arrives as
 * WebAPIRateLimitedError (the client is built with `rejectRateLimitedCalls`)
 * carrying Slack's Retry-After in seconds; Slack can also answer 200 with
 * `error: ratelimited`. Network errors, 5xx and anything unknown are transient.
 */
export function deliveryOutcome(err: unknown): DeliveryOutcome {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return {
      ok: false,
      permanent: false,
      reason: 'ratelimited',
      retryAfterMs: err.retryAfter * MS_PER_SECOND,
    };
  }
  const code = slackErrorCode(err);
  if (code !== undefined) return { ok: false, permanent: PERMANENT_ERRORS.has(code), reason: code };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, permanent: false, reason: `network: ${message}` };
}

export interface SlackNotifierOptions {
  readonly tokenFor: TokenLookup;
  readonly logger: CoreLogger;
  /** Bolt-style logger for the WebClient's own messages. */
  readonly clientLogger?: Logger;
  readonly slackApiUrl?: string;
}

const CALL_TIMEOUT_MS = 10_000; // why: a stuck call must fail the job attempt, not hold a worker

/**
 * The core's notifier for `slack:` addresses: a DM is chat.postMessage with
 * the member's user id as channel (Slack posts into the app's DM with them,
 * no conversations.open and no im:write scope needed). Its own WebClient
 * rejects rate-limited calls at once and never retries, so the job system
 * does the waiting (honouring Retry-After) and keeps attempts in one place;
 * Bolt's listener clients keep Slack's default retries.
 */
export class SlackNotifier implements Notifier {
  private readonly client: webApi.WebClient;

  constructor(private readonly options: SlackNotifierOptions) {
    this.client = new webApi.WebClient(undefined, {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      ...(options.clientLogger ? { logger: options.clientLogger } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: CALL_TIMEOUT_MS,
    });
  }

  sendDirect(userId: string, message: Reply): Promise<DeliveryOutcome> {
    return this.post(userId, message);
  }

  sendToChannel(address: string, message: Reply): Promise<DeliveryOutcome> {
    return this.post(address, message);
  }

  private async post(address: string, message: Reply): Promise<DeliveryOutcome> {
    const target = parseSlackAddress(address);
    if (!target) return { ok: false, permanent: true, reason: `${address} is not a Slack address` };
    const token = await this.options.tokenFor(target.teamId);
    // why: not permanent: the workspace may be (re)installing; the job retries with backoff
    if (!token) return { ok: false, permanent: false, reason: `no bot token for workspace ${target.teamId}` };
    try {
      await this.client.chat.postMessage({ token, channel: target.id, ...renderReply(message) });
      return { ok: true };
    } catch (err) {
      const outcome = deliveryOutcome(err);
      this.options.logger.warn({ to: address, outcome }, 'slack delivery failed');
      return outcome;
    }
  }
}
