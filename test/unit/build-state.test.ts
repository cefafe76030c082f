import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, STAMP } from '../../bin/build-state.mjs';

// bin/imgbot.mjs runs dist/ only when this says 'fresh': a stale build would
// silently run yesterday's code, so each case is pinned.
describe('buildState', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  function tree(opts: { src: boolean; stampAt?: number; sourceAt?: number }): string {
    const root = mkdtempSync(join(tmpdir(), 'imgbot-build-'));
    roots.push(root);
    if (opts.src) {
      mkdirSync(join(root, 'src', 'core'), { recursive: true });
      const file = join(root, 'src', 'core', 'a.ts');
      writeFileSync(file, 'export const a = 1;\n');
      const t = (opts.sourceAt ?? 1_000_000) / 1000;
      utimesSync(file, t, t);
    }
    if (opts.stampAt !== undefined) {
      mkdirSync(join(root, 'dist'), { recursive: true });
      writeFileSync(join(root, STAMP), 'built\n');
      utimesSync(join(root, STAMP), opts.stampAt / 1000, opts.stampAt / 1000);
    }
    return root;
  }

  it('GIVEN no build THEN missing', () => {
    expect(buildState(tree({ src: true }))).toBe('missing');
  });
  it('GIVEN a build newer than every source THEN fresh', () => {
    expect(buildState(tree({ src: true, sourceAt: 1_000_000, stampAt: 2_000_000 }))).toBe('fresh');
  });
  it('GIVEN a source edited after the build (in a nested folder) THEN stale', () => {
    expect(buildState(tree({ src: true, sourceAt: 3_000_000, stampAt: 2_000_000 }))).toBe('stale');
  });
  it('GIVEN a production image with dist/ and no src/ THEN fresh', () => {
    expect(buildState(tree({ src: false, stampAt: 2_000_000 }))).toBe('fresh');
  });
});
