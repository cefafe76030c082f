import type { Reply } from '../reply.ts';

/** How a delivery attempt ended. Expected failures are values, not exceptions. */
export type DeliveryOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** True when retrying cannot help (DMs closed, user gone, account inactive). */
      readonly permanent: boolean;
      /** Platform's own reason, e.g. `50007` or `user_not_found`. */
      readonly reason: string;
      /** The platform asked us to wait this long before trying again (429). */
      readonly retryAfterMs?: number;
    };

/** Per-message options of a send. */
export interface SendOptions {
  /**
   * The same key on every attempt at the same message (a reminder occurrence).
   * A notifier whose platform drops repeats of a key (see {@link Notifier.dedupes})
   * passes it on, e.g. as Discord's enforced message nonce.
   */
  readonly idempotencyKey?: string;
}

/** Sends messages the member did not just ask for: reminders, alerts, announcements. */
export interface Notifier {
  /** Sends a direct message to a platform-scoped user id. */
  sendDirect(userId: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome>;
  /** Posts in a channel, given a platform-scoped address (`discord:<channel>` ...). */
  sendToChannel(address: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome>;
  /**
   * True when a second send with the same idempotency key to this address is
   * dropped by the platform. Then a send cut short by a crash may be repeated
   * safely (no loss, no duplicate); otherwise the delivery side does not repeat
   * it (no duplicate). Absent means false.
   */
  dedupes?(address: string): boolean;
}
