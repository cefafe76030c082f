// `npm start` runs this first: it compiles src/ to dist/ only when the build is
// missing or older than a source file, so the newcomer's two commands still do
// all the set-up and a second start costs nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildState } from '../bin/build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const state = buildState(root);
if (state !== 'fresh') {
  process.stderr.write(`imgbot: building (${state === 'missing' ? 'first run' : 'sources changed'})...\n`);
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
