import { type Logger, LogLevel } from '@slack/bolt';
import type { CoreLogger } from '../../core/ports/logger.port.ts';

function text(parts: readonly unknown[]): string {
  return parts
    .map((p) =>
      p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : JSON.stringify(p),
    )
    .join(' ');
}

/**
 * Bolt's (and the WebClient's) logger interface over our pino logger, so
 * Slack's own messages (rate limits, retries, unacknowledged requests) land
 * in the same structured log. pino does the level filtering.
 */
export function boltLogger(log: CoreLogger, component = 'slack'): Logger {
  let level = LogLevel.INFO;
  let name = component;
  return {
    debug: (...msg: unknown[]) => log.debug({ component: name }, text(msg)),
    info: (...msg: unknown[]) => log.info({ component: name }, text(msg)),
    warn: (...msg: unknown[]) => log.warn({ component: name }, text(msg)),
    error: (...msg: unknown[]) => log.error({ component: name }, text(msg)),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName(next: string) {
      name = next;
    },
  };
}
