// `npm run build`: compiles src/ to dist/ with tsc, copies the data files that
// live beside the code (src/**/*.yaml, e.g. the moderators' red-flag rules), then
// writes the stamp that tells bin/imgbot.mjs the build is current (written last,
// so a failed build never looks fresh).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP } from '../bin/build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(join(root, STAMP), { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(join(root, 'dist'), { recursive: true });
// tsc copies only what it compiles; data read at run time beside a module must follow it.
for (const file of readdirSync(join(root, 'src'), { recursive: true })) {
  if (!String(file).endsWith('.yaml')) continue;
  mkdirSync(dirname(join(root, 'dist', String(file))), { recursive: true });
  cpSync(join(root, 'src', String(file)), join(root, 'dist', String(file)));
}
writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
