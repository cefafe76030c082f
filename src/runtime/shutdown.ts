import type { Logger } from 'pino';

/**
 * Waits for SIGTERM/SIGINT, then runs `stop` once: stop taking new work,
 * let in-flight work finish, close everything. Exits 0 when `stop` finished
 * within `timeoutMs`; otherwise (or when `stop` failed) exits 1, and a job cut
 * off this way comes back to another worker after its lock expires. A second
 * signal exits at once. `process.exitCode` set earlier (e.g. by the process
 * guard) wins over 0.
 */
export function untilShutdown(logger: Logger, timeoutMs: number, stop: () => Promise<void>): Promise<never> {
  return new Promise<never>(() => {
    let stopping = false;
    const exit = (code: number) => {
      logger.flush?.();
      process.exit(code);
    };
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) exit(130);
      stopping = true;
      logger.info({ signal, timeoutMs }, 'shutting down: no new work; finishing what is in flight');
      const timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown did not finish in time (SHUTDOWN_TIMEOUT_MS); exiting anyway');
        exit(1);
      }, timeoutMs);
      stop().then(
        () => {
          clearTimeout(timer);
          logger.info('stopped cleanly');
          exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        },
        (err: unknown) => {
          clearTimeout(timer);
          logger.error({ err }, 'shutdown failed');
          exit(1);
        },
      );
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
