import type { DeliveryOutcome, Notifier, SendOptions } from '../../src/core/ports/notifier.port.ts';
import type { Reply } from '../../src/core/reply.ts';

/** One message a notifier was asked to send. */
export interface SentMessage {
  readonly kind: 'direct' | 'channel';
  /** The member (direct) or the channel address. */
  readonly to: string;
  readonly message: Reply;
  readonly opts?: SendOptions;
}

/**
 * A notifier that keeps every message instead of sending it. `refuse` makes
 * sends to an address fail as a platform would (e.g. DMs closed: permanent).
 */
export class RecordingNotifier implements Notifier {
  readonly sent: SentMessage[] = [];
  private readonly refusals = new Map<string, Exclude<DeliveryOutcome, { ok: true }>>();

  /** From now on, sends to `to` fail with this outcome. */
  refuse(to: string, outcome: { permanent: boolean; reason: string }): void {
    this.refusals.set(to, { ok: false, ...outcome });
  }

  private send(kind: SentMessage['kind'], to: string, message: Reply, opts?: SendOptions): DeliveryOutcome {
    const refused = this.refusals.get(to);
    if (refused) return refused;
    this.sent.push({ kind, to, message, ...(opts ? { opts } : {}) });
    return { ok: true };
  }

  async sendDirect(userId: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome> {
    return this.send('direct', userId, message, opts);
  }

  async sendToChannel(address: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome> {
    return this.send('channel', address, message, opts);
  }

  /** The direct messages a member got, in order. */
  directTo(userId: string): Reply[] {
    return this.sent.filter((m) => m.kind === 'direct' && m.to === userId).map((m) => m.message);
  }
}
