import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the variables came from, for the one start-up log line (never their values). */
export type EnvFileResult =
  | { readonly loaded: true; readonly path: string }
  | { readonly loaded: false; readonly reason: 'absent' | 'disabled' };

/** Thrown when `IMGBOT_ENV_FILE` names a file that does not exist. */
export class EnvFileError extends Error {}

/**
 * Reads `.env` (or the file `IMGBOT_ENV_FILE` names; `none` turns it off)
 * into `env` with Node's own parser, as `.env.example` promises. Variables
 * already set in the environment win over the file, so a deployment's real
 * environment and the tests' own settings are never overridden by a stray
 * file. A missing default `.env` is fine; a missing named file is an error.
 */
export function loadEnvFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
  load: (path: string) => void = (path) => process.loadEnvFile(path),
): EnvFileResult {
  const named = env.IMGBOT_ENV_FILE?.trim();
  if (named === 'none') return { loaded: false, reason: 'disabled' };
  const path = resolve(cwd, named || '.env');
  if (!existsSync(path)) {
    if (named) {
      throw new EnvFileError(
        `Configuration error: IMGBOT_ENV_FILE names ${path}, which does not exist. Example: IMGBOT_ENV_FILE=.env (or none)`,
      );
    }
    return { loaded: false, reason: 'absent' };
  }
  load(path);
  return { loaded: true, path };
}
