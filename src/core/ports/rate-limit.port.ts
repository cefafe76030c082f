/** Fixed-window counters, e.g. "at most 3 suggestions per member per day". */
export interface RateLimiter {
  /**
   * Counts one use of `key` in a window of `windowMs`; returns whether it is
   * within `limit` and when the window resets. A refused use is not counted.
   */
  consume(key: string, limit: number, windowMs: number): Promise<{ allowed: boolean; resetAt: number }>;
  /** Forgets every counter whose key contains `subject` (a member id, for `/mydata delete`); returns how many. */
  forgetSubject(subject: string): Promise<number>;
}
