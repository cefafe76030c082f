import { createHash } from 'node:crypto';
import { type APIChannel, DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import type { CoreLogger } from '../../core/ports/logger.port.ts';
import type { DeliveryOutcome, Notifier, SendOptions } from '../../core/ports/notifier.port.ts';
import type { Reply } from '../../core/reply.ts';
import type { CustomIdCodec } from './custom-id.ts';
import { snowflakeOf } from './discord-actor.ts';
import { renderReply, restMessage } from './render/message.ts';

/** Discord JSON error codes that mean "this recipient cannot be reached; retrying will not help". */
const PERMANENT_CODES: Readonly<Record<number, string>> = {
  10003: 'unknown channel',
  10013: 'unknown user',
  50001: 'missing access',
  50007: 'cannot send messages to this user',
  50013: 'missing permissions',
};

const DM_CACHE_LIMIT = 10_000; // why: ~1 MB of ids; older entries are simply re-opened
const NONCE_CHARS = 25; // why: Discord's limit for a message nonce

/**
 * The message nonce for an idempotency key: with `enforce_nonce`, Discord
 * returns the earlier message of the same nonce (within a few minutes)
 * instead of posting again, so a retry after a crash mid-send shows once.
 */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, NONCE_CHARS);
}

/**
 * Maps what went wrong talking to Discord to a delivery outcome: DMs closed or
 * the user/channel gone are permanent (the core marks the member
 * undeliverable); 429, 5xx, network trouble and a bad token are transient, so
 * the job system retries with backoff (honouring Discord's `retry-after`).
 */
export function deliveryOutcome(err: unknown): DeliveryOutcome {
  if (err instanceof RateLimitError) {
    return {
      ok: false,
      permanent: false,
      reason: `rate limited on ${err.route}`,
      retryAfterMs: err.retryAfter,
    };
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : 0;
    const known = PERMANENT_CODES[code];
    if (known) return { ok: false, permanent: true, reason: `${code} ${known}` };
    if (err.status === 401 || err.status === 408 || err.status === 429 || err.status >= 500) {
      return { ok: false, permanent: false, reason: `${err.status} ${err.message}` };
    }
    // Any other 4xx (e.g. 50035 invalid form body): the same request will fail again.
    return { ok: false, permanent: true, reason: `${err.status}/${code} ${err.message}` };
  }
  if (err instanceof HTTPError)
    return { ok: false, permanent: false, reason: `${err.status} ${err.message}` };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, permanent: false, reason: `network: ${message}` };
}

/**
 * The core's notifier for `discord:` addresses, over plain REST (no gateway
 * needed, so `imgbot worker` can deliver too). The REST instance it gets is
 * built with `retries: 0` and `rejectOnRateLimit`: a 429 comes back at once as
 * a transient failure with `retryAfterMs`, and the job system (not a sleeping
 * discord.js queue) waits and retries, keeping attempts and backoff in one place.
 */
export class DiscordNotifier implements Notifier {
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly rest: REST,
    private readonly codec: CustomIdCodec,
    private readonly logger: CoreLogger,
  ) {}

  /** Discord drops a repeated nonce, so the core may resend a send a crash cut off. */
  dedupes(): boolean {
    return true;
  }

  async sendDirect(userId: string, message: Reply, opts: SendOptions = {}): Promise<DeliveryOutcome> {
    const id = snowflakeOf(userId);
    if (!id) return { ok: false, permanent: true, reason: `${userId} is not a Discord user id` };
    let channelId: string | undefined;
    try {
      channelId = await this.dmChannel(id);
      await this.post(channelId, message, opts.idempotencyKey);
      return { ok: true };
    } catch (err) {
      // A cached DM channel that vanished: forget it; the retry opens a fresh one.
      if (err instanceof DiscordAPIError && err.code === 10003 && channelId) {
        this.dmChannels.delete(id);
        return { ok: false, permanent: false, reason: '10003 DM channel gone; reopening' };
      }
      return this.failed(err, userId);
    }
  }

  async sendToChannel(address: string, message: Reply, opts: SendOptions = {}): Promise<DeliveryOutcome> {
    const id = snowflakeOf(address);
    if (!id) return { ok: false, permanent: true, reason: `${address} is not a Discord channel address` };
    try {
      await this.post(id, message, opts.idempotencyKey);
      return { ok: true };
    } catch (err) {
      return this.failed(err, address);
    }
  }

  private failed(err: unknown, to: string): DeliveryOutcome {
    const outcome = deliveryOutcome(err);
    this.logger.warn({ to, outcome }, 'discord delivery failed');
    return outcome;
  }

  private async dmChannel(userId: string): Promise<string> {
    const cached = this.dmChannels.get(userId);
    if (cached) return cached;
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as APIChannel;
    if (this.dmChannels.size >= DM_CACHE_LIMIT) {
      const oldest = this.dmChannels.keys().next().value;
      if (oldest !== undefined) this.dmChannels.delete(oldest);
    }
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }

  private async post(channelId: string, message: Reply, idempotencyKey?: string): Promise<void> {
    const rendered = renderReply(message, { codec: this.codec, share: false });
    const { body, files } = restMessage(rendered);
    const withNonce =
      idempotencyKey !== undefined ? { ...body, nonce: nonceFor(idempotencyKey), enforce_nonce: true } : body;
    await this.rest.post(Routes.channelMessages(channelId), { body: withNonce, ...(files ? { files } : {}) });
  }
}
