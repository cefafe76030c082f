import { expect, it } from 'vitest';
import type { RateLimiter } from '../../src/core/ports/rate-limit.port.ts';
import { eachTest, type Factory } from './harness.ts';

/** What every {@link RateLimiter} does; registers its tests in the caller's describe block. */
export function rateLimiterContract(make: Factory<RateLimiter>): void {
  const limiter = eachTest(make);
  const DAY = 86_400_000;

  it('allows `limit` uses in a window, refuses the next without counting it, and keeps keys apart', async () => {
    const uses = [];
    for (let i = 0; i < 4; i++) uses.push(await limiter().consume('report:shell:amina', 3, DAY));
    expect(uses.map((u) => u.allowed)).toEqual([true, true, true, false]);
    expect((await limiter().consume('report:shell:omar', 3, DAY)).allowed).toBe(true);
    expect((await limiter().consume('suggest:shell:amina', 1, DAY)).allowed).toBe(true);
  });

  it('says when the window resets: within the window from the first use', async () => {
    const first = await limiter().consume('k', 2, DAY);
    await limiter().consume('k', 2, DAY);
    const refused = await limiter().consume('k', 2, DAY);
    expect(refused.allowed).toBe(false);
    expect(Math.abs(refused.resetAt - first.resetAt)).toBeLessThan(60_000);
  });
}
