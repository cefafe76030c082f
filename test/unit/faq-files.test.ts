import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFaqFiles, parseFaqFile } from '../../src/config/faq-files.ts';
import { MAX_ANSWER_CHARS } from '../../src/core/faq/faq-entry.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

interface Front {
  id: string;
  title?: string;
  related?: string[];
  tags?: string[];
  extra?: string;
}

function entry(f: Front, body = 'A short answer.\n'): string {
  const lines = ['---', `id: ${f.id}`];
  if (f.title !== undefined) lines.push(`title: ${f.title}`);
  lines.push('aliases:', '  - another way to ask');
  lines.push(`tags: [${(f.tags ?? ['planning']).join(', ')}]`);
  lines.push('keywords: [word]');
  lines.push(`related: [${(f.related ?? []).join(', ')}]`);
  lines.push('last_verified: 2026-11-01');
  if (f.extra) lines.push(f.extra);
  lines.push('---', body);
  return lines.join('\n');
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imgbot-faq-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

async function problems(): Promise<string> {
  const r = await loadFaqFiles(dir);
  if (r.ok) throw new Error('expected the load to fail');
  return r.message;
}

describe('loadFaqFiles', () => {
  it('GIVEN the shipped config/faq THEN all 33 entries load, sorted by id', async () => {
    const r = await loadFaqFiles(resolve(repoRoot, 'config/faq'));
    if (!r.ok) throw new Error(r.message);
    // the 30 topics of the domain digest plus what-counts-as-usce, observership-duration, observership-letters
    expect(r.value).toHaveLength(33);
    expect(r.value.map((e) => e.id)).toEqual([...r.value.map((e) => e.id)].sort());
    expect(r.value.find((e) => e.id === 'visa-constraints')?.body).toContain('B1/B2');
  });

  it('GIVEN two valid linked entries THEN both load', async () => {
    await write({
      'a-topic.md': entry({ id: 'a-topic', title: 'A?', related: ['b-topic'] }),
      'b-topic.md': entry({ id: 'b-topic', title: 'B?', related: ['a-topic'] }),
    });
    const r = await loadFaqFiles(dir);
    expect(r.ok && r.value.map((e) => e.id)).toEqual(['a-topic', 'b-topic']);
  });

  it('GIVEN two files with the same id THEN it fails naming the duplicate file and the first one', async () => {
    await write({
      'a-topic.md': entry({ id: 'a-topic', title: 'A?' }),
      'b-topic.md': entry({ id: 'a-topic', title: 'A again?' }),
    });
    expect(await problems()).toContain('b-topic.md: duplicate id a-topic (already used by a-topic.md)');
  });

  it('GIVEN a related link to a missing entry THEN it fails naming the file and the link', async () => {
    await write({ 'a-topic.md': entry({ id: 'a-topic', title: 'A?', related: ['no-such-topic'] }) });
    expect(await problems()).toContain('a-topic.md: related: broken link to no-such-topic');
  });

  it('GIVEN an answer over the limit THEN it fails naming the file and the limit', async () => {
    await write({ 'a-topic.md': entry({ id: 'a-topic', title: 'A?' }, 'x'.repeat(MAX_ANSWER_CHARS + 1)) });
    expect(await problems()).toContain(
      `a-topic.md: the answer is too long (at most ${MAX_ANSWER_CHARS} characters)`,
    );
  });

  it('GIVEN an answer of exactly the limit THEN it loads', async () => {
    await write({ 'a-topic.md': entry({ id: 'a-topic', title: 'A?' }, 'x'.repeat(MAX_ANSWER_CHARS)) });
    expect((await loadFaqFiles(dir)).ok).toBe(true);
  });

  it('GIVEN a missing title THEN it fails naming the file and the field', async () => {
    await write({ 'a-topic.md': entry({ id: 'a-topic' }) });
    expect(await problems()).toContain('a-topic.md: title: is missing');
  });

  it('GIVEN an id that differs from the file name THEN it fails naming both', async () => {
    await write({ 'a-topic.md': entry({ id: 'other-topic', title: 'A?' }) });
    expect(await problems()).toContain(
      'a-topic.md: id other-topic must match the file name (expected a-topic)',
    );
  });

  it('GIVEN several broken files THEN every problem is reported at once', async () => {
    await write({
      'a-topic.md': entry({ id: 'a-topic', title: 'A?', related: ['gone'] }),
      'b-topic.md': entry({ id: 'b-topic' }),
    });
    const message = await problems();
    expect(message).toContain('a-topic.md: related: broken link to gone');
    expect(message).toContain('b-topic.md: title: is missing');
  });

  it('GIVEN an empty folder THEN it fails saying there are no entries', async () => {
    expect(await problems()).toContain('has no FAQ entries');
  });
});

describe('parseFaqFile', () => {
  it.each([
    ['no front matter', 'Just text', 'must start with a front matter block'],
    ['broken YAML', '---\nid: [a\n---\nbody', 'front matter is not valid YAML'],
    ['an unknown field', entry({ id: 'a', title: 'A?', extra: 'alias: typo' }), 'unknown field alias'],
    [
      'a bad date',
      entry({ id: 'a', title: 'A?' }).replace('2026-11-01', '1 Nov 2026'),
      'last_verified: must be a date',
    ],
    ['no tags', entry({ id: 'a', title: 'A?', tags: [] }), 'tags:'],
    ['an empty answer', entry({ id: 'a', title: 'A?' }, '   '), 'the answer must not be empty'],
  ])('GIVEN %s THEN the message names the file and says %s', (_what, text, expected) => {
    const r = parseFaqFile('/x/a.md', text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.startsWith('a.md: ')).toBe(true);
      expect(r.message).toContain(expected);
    }
  });
});
