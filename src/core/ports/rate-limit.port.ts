/**
 * Fixed-window counters, e.g. "at most 3 suggestions per member per day".
 * Implementations keep counters under a one-way hash of the key, so a counter
 * never names a member and survives `/mydata delete` until its window ends.
 */
export interface RateLimiter {
  /**
   * Counts one use of `key` in a window of `windowMs`; returns whether it is
   * within `limit` and when the window resets. A refused use is not counted.
   */
  consume(key: string, limit: number, windowMs: number): Promise<{ allowed: boolean; resetAt: number }>;
}
