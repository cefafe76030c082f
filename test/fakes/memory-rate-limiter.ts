import type { RateLimiter } from '../../src/core/ports/rate-limit.port.ts';

/** Fixed-window counters in memory, on the given clock; a refused use is not counted. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async consume(
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<{ allowed: boolean; resetAt: number }> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) w = { used: 0, resetAt: now + windowMs };
    if (w.used >= limit) return { allowed: false, resetAt: w.resetAt };
    this.windows.set(key, { ...w, used: w.used + 1 });
    return { allowed: true, resetAt: w.resetAt };
  }
}
