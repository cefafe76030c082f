// `npm run build`: compiles src/ to dist/ with tsc, then writes the stamp that
// tells bin/imgbot.mjs the build is current (written last, so a failed build
// never looks fresh).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP } from '../bin/build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(join(root, STAMP), { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
