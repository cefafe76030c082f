/** The subset of a structured logger (pino's shape) the core writes to. */
export interface CoreLogger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** A logger that drops everything (unit tests). */
export const silentLogger: CoreLogger = { debug() {}, info() {}, warn() {}, error() {} };
