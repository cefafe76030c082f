import { describe, expect, it } from 'vitest';
import { platformBackoff, smoothLimiter, TransientDeliveryError } from '../../src/jobs/reminder.worker.ts';

describe('smoothLimiter', () => {
  const cases: [number, { max: number; duration: number }][] = [
    [40, { max: 4, duration: 100 }],
    [25, { max: 5, duration: 200 }],
    [50, { max: 5, duration: 100 }],
    [6, { max: 3, duration: 500 }],
    [7, { max: 7, duration: 1_000 }],
  ];
  for (const [rate, expected] of cases) {
    it(`GIVEN ${rate}/s THEN ${expected.max} per ${expected.duration} ms (the same rate, no 2x edge burst)`, () => {
      const got = smoothLimiter(rate);
      expect(got).toEqual(expected);
      expect((got.max * 1_000) / got.duration).toBe(rate);
    });
  }
});

describe('platformBackoff', () => {
  it('GIVEN a 429 with retry-after THEN exactly that wait (at least 50 ms)', () => {
    expect(platformBackoff(1, 'platform', new TransientDeliveryError('429', 1_500))).toBe(1_500);
    expect(platformBackoff(3, 'platform', new TransientDeliveryError('429', 0))).toBe(50);
  });

  it('GIVEN plain transient errors THEN 1 s, 2 s, 4 s ... within ±20 %, capped at 5 minutes', () => {
    for (const [attempt, base] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [12, 300_000],
    ] as const) {
      const ms = platformBackoff(attempt, 'platform', new Error('503'));
      expect(ms).toBeGreaterThanOrEqual(base * 0.8);
      expect(ms).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
