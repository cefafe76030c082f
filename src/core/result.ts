/**
 * Expected failures are values, not exceptions (see docs: style). A failure
 * carries a stable code (e.g. `REMINDER.PAST_TIME`) that adapters and tests can
 * key on, plus a specific human message: what was wrong, where, and an example.
 */
export interface Failure {
  readonly ok: false;
  /** Stable, dot-separated code such as `OPTION.INVALID` or `LISTING.NOT_FOUND`. */
  readonly code: string;
  /** A complete sentence for the member: which field, what was wrong, an example. */
  readonly message: string;
  /** Optional extra detail, e.g. the field name or suggestions. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Failure;

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** Builds an expected failure with a stable code and a specific message. */
export function fail(code: string, message: string, details?: Record<string, unknown>): Failure {
  return details ? { ok: false, code, message, details } : { ok: false, code, message };
}
