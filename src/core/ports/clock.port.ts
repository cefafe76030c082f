/** Source of the current instant; tests fix it, production uses `Date.now`. */
export interface Clock {
  /** Current instant in UTC milliseconds. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
