// Cold start: how long a newcomer waits for the first shell reply, and how long
// `imgbot worker` takes to be ready, against a bare `node -e`. Each run is a new
// process; the compiled build (dist/) is used when fresh (`npm run build` first),
// otherwise the sources run through tsx, and the line says which.
// Usage: npm run bench -- cold-start   (COLD_START_RUNS, default 7)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildState } from '../bin/build-state.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.COLD_START_RUNS ?? 7);
const PREFIX = `bench-cold-${randomBytes(4).toString('hex')}:`;

/** Milliseconds from spawn until `ready(line)` is true for a stdout or stderr line. */
function timeUntil(args: string[], ready: (line: string) => boolean, input?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, IMGBOT_PREFIX: PREFIX, IMGBOT_ENV_FILE: 'none', LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let done = false;
    const onData = (d: Buffer) => {
      if (done) return;
      if (d.toString().split('\n').some(ready)) {
        done = true;
        resolve(performance.now() - started);
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => {
      if (!done) reject(new Error(`${args.join(' ')} exited before it was ready`));
    });
    if (input !== undefined) child.stdin.write(input);
  });
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return `p50 ${at(0.5).toFixed(0)} ms  min ${s[0]?.toFixed(0)} ms  max ${s.at(-1)?.toFixed(0)} ms`;
}

const cases: [string, () => Promise<number>][] = [
  ['node -e (baseline)', () => timeUntil(['-e', 'console.log("ready")'], (l) => l === 'ready')],
  [
    'imgbot shell: first reply',
    () =>
      timeUntil(
        ['bin/imgbot.mjs', 'shell', '--json'],
        (l) => l.startsWith('{"ids"') || l.includes('"text"'),
        '/help\n',
      ),
  ],
  [
    'imgbot worker: ready',
    () => timeUntil(['bin/imgbot.mjs', 'worker'], (l) => l.includes('workers running')),
  ],
];

process.stdout.write(`build: ${buildState(ROOT)} (fresh = compiled dist/, else tsx)\n`);
const results = new Map<string, number[]>(cases.map(([n]) => [n, []]));
for (let i = 0; i < RUNS; i++) {
  // why interleaved: machine noise hits every case alike
  for (const [name, run] of cases) results.get(name)?.push(await run());
}
for (const [name, xs] of results) process.stdout.write(`${name.padEnd(28)} ${stats(xs)}\n`);
