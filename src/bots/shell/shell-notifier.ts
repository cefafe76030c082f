import type { DeliveryOutcome, Notifier } from '../../core/ports/notifier.port.ts';
import type { Reply } from '../../core/reply.ts';

/** Where a message printed by the notifier was going: a member's DM, or a channel post. */
export interface ShellDelivery {
  readonly to: string;
  readonly channel?: boolean;
}

/** Where the shell prints: one line (or block) per message. */
export type ShellPrinter = (reply: Reply, dm?: ShellDelivery) => void;

/**
 * The shell's notifier: a direct message to any `shell:` user is printed on
 * this terminal, marked as a DM with its recipient. With no shell attached
 * (e.g. `imgbot worker` alone) a shell DM cannot be shown, which is permanent.
 */
export class ShellNotifier implements Notifier {
  private printer: ShellPrinter | undefined;
  private delivered = 0;

  attach(printer: ShellPrinter): void {
    this.printer = printer;
  }

  detach(): void {
    this.printer = undefined;
  }

  /** How many messages were printed (the shell waits on this at exit). */
  get deliveredCount(): number {
    return this.delivered;
  }

  async sendDirect(userId: string, message: Reply): Promise<DeliveryOutcome> {
    return this.print(message, { to: userId });
  }

  async sendToChannel(address: string, message: Reply): Promise<DeliveryOutcome> {
    return this.print(message, { to: address, channel: true });
  }

  private print(message: Reply, dm: ShellDelivery): DeliveryOutcome {
    if (!this.printer) return { ok: false, permanent: true, reason: 'no shell is attached' };
    this.printer(message, dm);
    this.delivered++;
    return { ok: true };
  }
}
