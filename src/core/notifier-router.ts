import { type Platform, platformOf } from './identity.ts';
import type { DeliveryOutcome, Notifier, SendOptions } from './ports/notifier.port.ts';
import type { Reply } from './reply.ts';

/**
 * One notifier for the core that forwards to the adapter owning the address
 * (`discord:`, `slack:`, `shell:`), so reminders never know the platform.
 * Adapters register themselves when they start.
 */
export class NotifierRouter implements Notifier {
  private readonly byPlatform = new Map<Platform, Notifier>();

  register(platform: Platform, notifier: Notifier): void {
    this.byPlatform.set(platform, notifier);
  }

  private route(address: string): Notifier | DeliveryOutcome {
    const platform = platformOf(address);
    const notifier = platform ? this.byPlatform.get(platform) : undefined;
    if (notifier) return notifier;
    // why: not permanent — the platform's adapter may be starting, or run in another process
    return {
      ok: false,
      permanent: false,
      reason: `no ${platform ?? 'known'} adapter running for ${address}`,
    };
  }

  sendDirect(userId: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome> {
    const target = this.route(userId);
    return 'sendDirect' in target ? target.sendDirect(userId, message, opts) : Promise.resolve(target);
  }

  sendToChannel(address: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome> {
    const target = this.route(address);
    return 'sendToChannel' in target ? target.sendToChannel(address, message, opts) : Promise.resolve(target);
  }

  dedupes(address: string): boolean {
    const target = this.route(address);
    return 'sendDirect' in target && (target.dedupes?.(address) ?? false);
  }
}
