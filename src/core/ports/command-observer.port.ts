/**
 * How a command, action or autocomplete ended, in words with a bounded set of
 * values (they become metric labels): `ok`; `refused` (an expected failure
 * with a code: bad input, not allowed, not found); `unavailable` (the store
 * could not be reached); `error` (anything unexpected).
 */
export type CommandOutcome = 'ok' | 'refused' | 'unavailable' | 'error';

/** One finished invocation, as the observer sees it. */
export interface CommandFinished {
  /** The command's registered name (or `unknown`), never user text. */
  readonly command: string;
  /** The platform of the actor (`discord`, `slack`, `shell`, ...). */
  readonly platform: string;
  readonly outcome: CommandOutcome;
  readonly ms: number;
}

/**
 * An optional port for operations: the composition root counts and times
 * every dispatch through it, and tells the core which thrown errors mean
 * "the store is unreachable" (so the member hears "temporarily unavailable,
 * nothing was changed" instead of an apology with a reference).
 */
export interface CommandObserver {
  /** True when `err` means a dependency (Redis) is unreachable right now. */
  isUnavailable(err: unknown): boolean;
  /** Called once per invocation, after its reply is built. */
  finished(event: CommandFinished): void;
}
