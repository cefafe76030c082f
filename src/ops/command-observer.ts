import type { CommandFinished, CommandObserver } from '../core/ports/command-observer.port.ts';
import type { CoreLogger } from '../core/ports/logger.port.ts';
import { throttledLogger } from '../runtime/throttled-logger.ts';
import { isRedisUnavailable } from '../store/redis-connection.ts';

/** Where finished commands are counted (the Prometheus metrics, when this process serves them). */
export interface CommandSink {
  commandFinished(event: CommandFinished): void;
}

/**
 * The core's command observer for this process: Redis connection failures
 * count as "unavailable" (logged at most once per 10 s with how many were
 * left out), and every finished command goes to the metrics sink if any.
 */
export function createCommandObserver(logger: CoreLogger, sink?: CommandSink): CommandObserver {
  const quiet = throttledLogger(logger);
  return {
    isUnavailable(err) {
      if (!isRedisUnavailable(err)) return false;
      quiet.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'a command was answered "temporarily unavailable": Redis cannot be reached',
      );
      return true;
    },
    finished(event) {
      sink?.commandFinished(event);
    },
  };
}
