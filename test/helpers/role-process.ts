import { type ChildProcess, spawn } from 'node:child_process';
import { cleanEnv, ROOT } from './cli.ts';

/** A long-running `imgbot <role>` child process a test drives and stops. */
export interface RoleProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stderr (its logs) so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr contains `text` (rejects if the process exits first or after `timeoutMs`). */
  waitForLog(text: string, timeoutMs?: number): Promise<void>;
  /** Sends a signal and resolves with the exit code (or signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
  readonly exited: Promise<number | string | null>;
}

/** Starts `node bin/imgbot.mjs <args>` (signals reach the process itself, not a wrapper). */
export function startRole(args: readonly string[], env: Record<string, string>): RoleProcess {
  const child = spawn(process.execPath, [`${ROOT}bin/imgbot.mjs`, ...args], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  const listeners = new Set<() => void>();
  child.stderr?.on('data', (d: Buffer) => {
    err += d;
    for (const l of listeners) l();
  });
  child.stdout?.on('data', (d: Buffer) => {
    out += d;
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitForLog(text, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!err.includes(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no "${text}" in the logs within ${timeoutMs} ms:\n${err.slice(-3000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((code) => {
          if (!listeners.has(check)) return;
          cleanup();
          reject(new Error(`process exited (${code}) before logging "${text}":\n${err.slice(-3000)}`));
        });
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
