import type { Logger } from 'pino';

/** Counts of what the guard caught, by kind (exported to /metrics). */
export type GuardedKind = 'unhandled_rejection' | 'uncaught_exception';

export interface ProcessGuardOptions {
  readonly logger: Logger;
  /** Called for every caught failure (metrics). */
  readonly onCaught?: (kind: GuardedKind) => void;
  /** Called once when failures come too fast to keep serving (start a clean shutdown, exit 1). */
  readonly onOverwhelmed?: () => void;
}

// why: one bad request or a stray library promise is survivable; dozens a minute mean the process is broken
const MAX_UNCAUGHT_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/**
 * The last line of defence of a long-running role: a promise rejection or an
 * exception nobody handled is logged at `error` and the process keeps
 * serving, because one request (or one flaky library callback) must not stop
 * Discord, Slack and the workers together. Exceptions that keep coming (more
 * than 20 a minute) mean the state is broken: `onOverwhelmed` then stops the
 * process so its supervisor restarts it. Returns a function that removes the guard.
 */
export function installProcessGuard(opts: ProcessGuardOptions): () => void {
  let recent: number[] = [];
  let overwhelmed = false;
  const caught = (kind: GuardedKind, err: unknown) => {
    opts.logger.error({ err, kind }, `${kind.replace('_', ' ')} caught; still serving`);
    opts.onCaught?.(kind);
    const now = Date.now();
    recent = recent.filter((t) => now - t < MINUTE_MS);
    recent.push(now);
    if (!overwhelmed && recent.length > MAX_UNCAUGHT_PER_MINUTE) {
      overwhelmed = true;
      opts.logger.fatal({ perMinute: recent.length }, 'too many unhandled errors; stopping');
      opts.onOverwhelmed?.();
    }
  };
  const onRejection = (reason: unknown) => caught('unhandled_rejection', reason);
  const onException = (err: unknown) => caught('uncaught_exception', err);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
