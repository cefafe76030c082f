import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFaqFiles } from '../../src/config/faq-files.ts';
import { SYNONYMS, SYNONYMS_FILE } from '../../src/core/faq/faq-synonyms.file.ts';
import { parseSynonyms } from '../../src/core/faq/faq-synonyms.ts';

describe('the FAQ synonyms file (config/faq/synonyms.yaml)', () => {
  it('is shipped beside the FAQ entries, checks out, and leaves the entry loader alone', async () => {
    expect(SYNONYMS_FILE).toMatch(/config\/faq\/synonyms\.yaml$/);
    expect(parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8')).ok).toBe(true);
    expect(SYNONYMS.find((r) => r.to.includes('lor'))).toMatchObject({ keepWords: true });
    expect(SYNONYMS.find((r) => r.to.includes('lor'))?.variants).toContain('rec letter');
    const entries = await loadFaqFiles(new URL('../../config/faq', import.meta.url).pathname);
    expect(entries.ok).toBe(true);
  });

  it('GIVEN a good row THEN it is read with its keep_words', () => {
    const parsed = parseSynonyms(
      'synonyms:\n  - to: [lor]\n    keep_words: true\n    variants: [rec letter, hands-on]\n',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [{ to: ['lor'], variants: ['rec letter', 'hands-on'], keepWords: true }],
    });
  });

  it.each([
    ['not YAML', 'synonyms: [', /^synonyms\.yaml: not valid YAML/],
    ['no list', 'rows: []', /synonyms\.yaml: needs a "synonyms:" list with at least one row/],
    [
      'a capitalised variant',
      'synonyms:\n  - to: [lor]\n    variants: [rec letter, Rec Letter]',
      /^synonyms\.yaml: row 1 \(to: lor\), field variants\[1\]: must be lowercase words separated by spaces, e.g. "rec letter"$/,
    ],
    [
      'a term of two words',
      'synonyms:\n  - to: [lor]\n    variants: [lor]\n  - to: [rec letter]\n    variants: [rec]',
      /^synonyms\.yaml: row 2 \(to: rec letter\), field to\[0\]: must be one lowercase word, e.g. lor$/,
    ],
    [
      'no variants',
      'synonyms:\n  - to: [visa]\n    variants: []',
      /^synonyms\.yaml: row 1 \(to: visa\), field variants: needs at least one variant/,
    ],
    [
      'a misspelt field',
      'synonyms:\n  - to: [lor]\n    variants: [rec]\n    keepwords: true',
      /^synonyms\.yaml: row 1 \(to: lor\), field keepwords: is not a field a row can have \(to, variants, keep_words\)$/,
    ],
    [
      'a variant in two rows',
      'synonyms:\n  - to: [visa]\n    variants: [j1]\n  - to: [waiver]\n    variants: [j1 waiver, j1]',
      /^synonyms\.yaml: row 2 \(to: waiver\), field variants\[1\]: "j1" is already a variant of row 1 \(to: visa\)$/,
    ],
  ])('GIVEN %s THEN it is refused, naming the file, row and field', (_name, text, message) => {
    const parsed = parseSynonyms(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe('CONFIG.FAQ_SYNONYMS');
      expect(parsed.message).toMatch(message);
    }
  });

  it('GIVEN several mistakes THEN all are listed at once', () => {
    const parsed = parseSynonyms('synonyms:\n  - to: [A]\n    variants: [x]\n  - to: [b]\n    variants: [Y]');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.split('\n')).toHaveLength(2);
  });
});
