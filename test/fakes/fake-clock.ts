import type { Clock } from '../../src/core/ports/clock.port.ts';

/** A clock tests move by hand (no test reads the wall clock). */
export class FakeClock implements Clock {
  constructor(public current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
