import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { SECRET_VARS } from './config/env.ts';

/**
 * pino to standard error (standard output carries only replies, so scripts
 * can read the shell). JSON in production, human-readable when a person is
 * watching a terminal. Known secret fields are redacted wherever they appear.
 */
export function createLogger(level: string, opts: { pretty?: boolean } = {}): Logger {
  const usePretty = opts.pretty ?? Boolean(process.stderr.isTTY);
  const redact = {
    paths: [
      ...SECRET_VARS,
      ...SECRET_VARS.map((v) => `*.${v}`),
      'token',
      '*.token',
      'authorization',
      '*.authorization',
    ],
    censor: '[secret]',
  };
  if (usePretty) {
    return pino(
      { level, redact },
      pretty({
        destination: 2,
        colorize: true,
        translateTime: 'HH:MM:ss.l',
        ignore: 'pid,hostname',
        sync: true,
      }),
    );
  }
  return pino({ level, redact }, pino.destination({ dest: 2, sync: false }));
}
