#!/usr/bin/env node
// Runs the compiled build (dist/) when it is up to date with src/, so start-up
// does not compile TypeScript. Without a fresh build (a developer editing src/),
// it runs the sources through tsx, a development dependency.
import { fileURLToPath } from 'node:url';
import { buildState } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (buildState(root) === 'fresh') {
  process.env.IMGBOT_RUNS_FROM = 'dist';
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'imgbot: no up-to-date build in dist/ and no tsx to run the sources. Run: npm run build\n',
    );
    process.exit(2);
  }
  register();
  process.env.IMGBOT_RUNS_FROM = 'sources';
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
