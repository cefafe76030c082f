#!/usr/bin/env node
// House checks run before the tests (npm pretest):
// 1. src/core imports no platform, queue or Redis library (architecture rule 1);
// 2. src/bots imports neither src/store nor src/app.ts (architecture rule 9);
// 3. no import cycles anywhere in src (madge).
import { join } from 'node:path';
import madge from 'madge';
import { findForbiddenImports, findForbiddenPathImports } from './architecture-rules.mjs';

const root = new URL('..', import.meta.url).pathname;

const problems = [
  ...findForbiddenImports(join(root, 'src/core'), { root }),
  ...findForbiddenPathImports(join(root, 'src/bots'), { src: join(root, 'src'), root }),
];

const graph = await madge(join(root, 'src'), {
  fileExtensions: ['ts'],
  tsConfig: join(root, 'tsconfig.json'),
  detectiveOptions: { ts: { skipTypeImports: true } },
});
for (const cycle of graph.circular()) problems.push(`import cycle: ${cycle.join(' -> ')}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `check-imports: src/core is platform-free; src/bots imports no store; no import cycles (${Object.keys(graph.obj()).length} files)`,
);
