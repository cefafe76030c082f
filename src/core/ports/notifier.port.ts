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

/** Sends messages the member did not just ask for: reminders, alerts, announcements. */
export interface Notifier {
  /** Sends a direct message to a platform-scoped user id. */
  sendDirect(userId: string, message: Reply): Promise<DeliveryOutcome>;
  /** Posts in a channel, given a platform-scoped address (`discord:<channel>` ...). */
  sendToChannel(address: string, message: Reply): Promise<DeliveryOutcome>;
}
