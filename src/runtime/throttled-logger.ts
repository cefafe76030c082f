import type { CoreLogger } from '../core/ports/logger.port.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

// why: while Redis is away every connection and worker reports every retry; one line per message
// every 10 s keeps the log readable (today's probe saw ~200 lines in 30 s)
export const THROTTLE_MS = 10_000;

/**
 * A logger that writes each distinct message at most once per `intervalMs`;
 * the next line of that message says how many were left out (`suppressed`).
 * For outage noise (connection errors, worker retries), never for records
 * an operator needs one by one.
 */
export function throttledLogger(
  logger: CoreLogger,
  intervalMs = THROTTLE_MS,
  now: () => number = Date.now,
): CoreLogger {
  const seen = new Map<string, { at: number; suppressed: number }>();
  const write =
    (level: Level) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      const key = `${level}:${msg ?? ''}`;
      const t = now();
      const last = seen.get(key);
      if (last && t - last.at < intervalMs) {
        last.suppressed += 1;
        return;
      }
      const suppressed = last?.suppressed ?? 0;
      seen.set(key, { at: t, suppressed: 0 });
      logger[level](suppressed > 0 ? { ...obj, suppressed } : obj, msg);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
