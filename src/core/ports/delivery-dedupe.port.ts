/**
 * Remembers which platform deliveries were already handled, so a delivery a
 * platform retries (Slack resends an event it thinks failed) runs once.
 * Shared by every process of a scaled-out bot.
 */
export interface DeliveryDedupe {
  /** True for the first delivery of `id`, false for any repeat within the window. */
  first(id: string): Promise<boolean>;
}
