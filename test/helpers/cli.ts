import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `bin/imgbot.mjs` lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * This process's environment without the variables that configure imgbot
 * (tokens, prefixes, Redis, zone): a developer's own settings must not leak
 * into a spawned run, which would then talk to a real platform or key space.
 */
export function cleanEnv(): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    (e): e is [string, string] =>
      e[1] !== undefined && !/^(DISCORD_|SLACK_|IMGBOT_|REDIS_URL|DEFAULT_TIMEZONE)/.test(e[0]),
  );
  // why: a developer's own .env in the checkout must not reach the spawned run either
  return { ...Object.fromEntries(kept), IMGBOT_ENV_FILE: 'none' };
}

/** What a finished run printed. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Written to stdin, which is then closed. */
  readonly input?: string;
  /** Killed after this long (keep it under the test's own timeout). */
  readonly killAfterMs?: number;
  /** Working folder of the run (default: the repository root). */
  readonly cwd?: string;
  /** Called with every complete stdout line as it arrives (for timing assertions). */
  readonly onLine?: (line: string, at: number) => void;
  /** Called with every chunk of stderr as it arrives (to act on a log line). */
  readonly onStderr?: (chunk: string) => void;
}

/** Runs `node bin/imgbot.mjs <args>` like a script would, with `env` over a clean environment. */
export function runImgbot(
  args: readonly string[],
  env: Record<string, string>,
  opts: CliOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/imgbot.mjs`, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...cleanEnv(), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (!opts.onLine) return;
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) opts.onLine(line, Date.now());
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      opts.onStderr?.(String(d));
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 25_000); // why: under the 30 s test timeout
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
