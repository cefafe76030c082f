// Architecture rules as reusable checks, used by scripts/check-imports.mjs (npm
// pretest) and by test/unit/architecture.test.ts, which proves each catches a
// violation:
// - rule 1: src/core imports no platform, queue or Redis library;
// - rule 9: adapters (src/bots) import neither the stores (src/store) nor the
//   composition root (src/app.ts): they are handed what they need.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Packages the core must never import (also any of their subpaths, e.g. `ioredis/built/...`). */
export const FORBIDDEN_IN_CORE = ['discord.js', '@discordjs', '@slack', 'bullmq', 'ioredis'];

// Module specifiers in every import form: `from '...'` (import/export), bare `import '...'`,
// dynamic `import('...')` and `require('...')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** True when a module specifier names a forbidden package or one of its subpaths. */
export function isForbidden(specifier, forbidden = FORBIDDEN_IN_CORE) {
  return forbidden.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(c|m)?[jt]sx?$/.test(name) ? [path] : [];
  });
}

/**
 * Scans every source file under `dir` and returns one line per forbidden
 * import: `<file relative to root>:<line>: src/core must not import <module>`.
 */
export function findForbiddenImports(dir, { root = dir, forbidden = FORBIDDEN_IN_CORE } = {}) {
  const problems = [];
  for (const file of walk(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const match of line.matchAll(SPECIFIER)) {
        const specifier = match[2];
        if (isForbidden(specifier, forbidden)) {
          problems.push(`${relative(root, file)}:${i + 1}: src/core must not import ${specifier}`);
        }
      }
    });
  }
  return problems;
}

/**
 * Paths adapters must not import, relative to `src`: the stores and the
 * composition root. A directory forbids everything under it.
 */
export const FORBIDDEN_IN_BOTS = ['store/', 'app.ts'];

/**
 * Scans every source file under `dir` (src/bots) and returns one line per
 * relative import that reaches a forbidden path of `src`:
 * `<file relative to root>:<line>: src/bots must not import <path in src>`.
 */
export function findForbiddenPathImports(dir, { src, root = dir, forbidden = FORBIDDEN_IN_BOTS } = {}) {
  const problems = [];
  for (const file of walk(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const match of line.matchAll(SPECIFIER)) {
        const specifier = match[2];
        if (!specifier.startsWith('.')) continue;
        const target = relative(src, resolve(dirname(file), specifier))
          .split('\\')
          .join('/');
        const hit = forbidden.some((f) => (f.endsWith('/') ? target.startsWith(f) : target === f));
        if (hit) problems.push(`${relative(root, file)}:${i + 1}: src/bots must not import src/${target}`);
      }
    });
  }
  return problems;
}
