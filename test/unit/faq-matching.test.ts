import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFaqFiles } from '../../src/config/faq-files.ts';
import { FaqIndex } from '../../src/core/faq/faq-index.ts';
import { analyze } from '../../src/core/faq/faq-text.ts';
import {
  decide,
  MIN_COVERAGE,
  MIN_COVERAGE_SHARED,
  MIN_KNOWN_COVERAGE,
  MIN_KNOWN_COVERAGE_SHARED,
  MIN_KNOWN_SCORE,
  MIN_SCORE,
  type RankedHit,
  WHOLE_COVERAGE,
  WHOLE_SCORE,
} from '../../src/core/faq/faq-threshold.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

interface Sample {
  readonly q: string;
  readonly id: string | null;
}

/** The sample table of the shared docs (CI has it), else the committed copy. */
function loadSamples(): { samples: Sample[]; outOfDomain: string[] } {
  const doc = resolve(repoRoot, '../shared/docs/faq-questions.md');
  if (existsSync(doc)) {
    const md = readFileSync(doc, 'utf8');
    const samples = [...md.matchAll(/^\|\s*(.+?)\s*\|\s*`([a-z0-9-]+)`\s*\|\s*$/gm)].map((m) => ({
      q: m[1] as string,
      id: m[2] as string,
    }));
    const quoted = /\("([^"]+)",\s*"([^"]+)"\)/.exec(md);
    return { samples, outOfDomain: quoted ? [quoted[1] as string, quoted[2] as string] : [] };
  }
  return JSON.parse(readFileSync(resolve(repoRoot, 'test/fixtures/faq-samples.json'), 'utf8'));
}

const { samples, outOfDomain } = loadSamples();

let index: FaqIndex;
beforeAll(async () => {
  const loaded = await loadFaqFiles(resolve(repoRoot, 'config/faq'));
  if (!loaded.ok) throw new Error(loaded.message);
  index = new FaqIndex(loaded.value);
});

/** The top-1 topic: the answer, or the first of two close topics offered as a choice; null when refused. */
function answerId(q: string): string | null {
  const a = index.answer(q);
  return a.kind === 'answer' ? a.entry.id : a.kind === 'choice' ? a.entries[0].id : null;
}

describe('FAQ matching: sample questions of the shared docs', () => {
  it('has the sample table (one question per topic)', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(samples.map((s) => [s.q, s.id] as const))('GIVEN "%s" THEN the answer is %s', (q, id) => {
    expect(answerId(q)).toBe(id);
  });

  it.each([...new Set([...outOfDomain, "what's the weather in Boston", 'recommend a laptop'])])(
    'GIVEN the off-topic "%s" THEN there is no answer',
    (q) => {
      expect(answerId(q)).toBeNull();
    },
  );
});

/**
 * Two sets of member-style questions: `faq-paraphrases.json` (written while
 * the entries were written) and `faq-paraphrases-blind.json` (written by
 * people who had not read the entries, from the topic list alone: long
 * rambling questions, typos, chat shorthand, near-miss chit-chat).
 */
describe.each([
  ['faq-paraphrases.json', 0.95],
  // why 0.97: issue 13's target for phrasings written from the topic list alone (95.9% before)
  ['faq-paraphrases-blind.json', 0.97],
] as const)('FAQ matching: held-out paraphrases in %s', (file, minAccuracy) => {
  const set: Sample[] = JSON.parse(readFileSync(resolve(repoRoot, 'test/fixtures', file), 'utf8'));

  it('never answers an out-of-domain question', () => {
    const offTopic = set.filter((p) => p.id === null);
    expect(offTopic.length).toBeGreaterThanOrEqual(15);
    const wrong = offTopic.filter((p) => answerId(p.q) !== null);
    expect(wrong.map((p) => `${p.q} -> ${answerId(p.q)}`)).toEqual([]);
  });

  it(`answers at least ${minAccuracy * 100}% of the in-domain questions with the right topic`, () => {
    const inDomain = set.filter((p) => p.id !== null);
    const misses = inDomain
      .map((p) => ({ ...p, got: answerId(p.q) }))
      .filter((p) => p.got !== p.id)
      .map((p) => `  "${p.q}": expected ${p.id}, got ${p.got ?? 'no answer'}`);
    const accuracy = (inDomain.length - misses.length) / inDomain.length;
    console.log(
      `FAQ ${file}: ${inDomain.length - misses.length}/${inDomain.length} in-domain correct ` +
        `(${(accuracy * 100).toFixed(1)}%)${misses.length > 0 ? `; misses:\n${misses.join('\n')}` : ''}`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(minAccuracy);
  });
});

describe('FAQ matching: topics beyond the domain digest', () => {
  it.each([
    ['what is USCE', 'what-counts-as-usce'],
    ['what counts as USCE?', 'what-counts-as-usce'],
    ['does experience in my home country count as USCE', 'what-counts-as-usce'],
    ['what does USCE mean', 'what-counts-as-usce'],
    ['how long is an observership', 'observership-duration'],
    ['how many weeks do observerships usually run', 'observership-duration'],
    ['can I get a letter from an observership', 'observership-letters'],
    ['will my observership attending write me a LoR', 'observership-letters'],
    // the neighbours keep their own questions
    ['how many weeks is a typical externship', 'externship-duration'],
    ['when should I ask my attending for a LOR', 'letters-of-recommendation'],
  ])('GIVEN "%s" THEN the answer is %s', (q, id) => {
    expect(answerId(q)).toBe(id);
  });

  it('GIVEN an entry whose title has no word of the field THEN its own title still finds it', () => {
    const loadedEntries = index.entries;
    const own = new FaqIndex([
      ...loadedEntries,
      {
        id: 'server-rules',
        title: 'Rules of this server',
        aliases: [],
        tags: ['general'],
        keywords: [],
        related: [],
        last_verified: '2026-12-01',
        body: 'Ask in the community channel and a moderator will help you with this.',
      },
    ]);
    const a = own.answer('rules of this server?');
    expect(a.kind === 'answer' && a.entry.id).toBe('server-rules');
  });
});

describe('FAQ text analysis: synonyms and abbreviations', () => {
  const has = (text: string, term: string) => analyze(text).includes(term);

  it.each([
    ['USCE', 'us clinical experience'],
    ['LoR', 'letter of recommendation'],
    ['LOR', 'rec letter'],
    ['IM', 'internal medicine'],
    ['FM', 'family medicine'],
    ['psych', 'psychiatry'],
    ['obs', 'observership'],
    ['extern', 'externship'],
    ['sub-I', 'sub-internship'],
    ['sub-I', 'acting internship'],
    ['Step 2 CK', 'step 2'],
    ['B1/B2', 'tourist visa'],
    ['PD', 'program director'],
    ['IMG', 'international medical graduate'],
    ['ECFMG', 'Educational Commission for Foreign Medical Graduates'],
    ['attending', 'preceptor'],
    ['rotations', 'rotating'],
    ['CV', 'resume'],
    ['YOG', 'year of graduation'],
    ['prereqs', 'requirements'],
    ['certs', 'certification'],
  ])('GIVEN "%s" and "%s" THEN both share the concept term', (short, long) => {
    const a = new Set(analyze(short));
    const shared = analyze(long).filter((t) => a.has(t));
    expect(shared.length).toBeGreaterThan(0);
  });

  it.each([
    ["I'm on a B1/B2 visa", 'b1b2'],
    ['this program charges $4000', 'fee'],
    ['I graduated in 2015', 'year'],
    ['U.S. clinical experience', 'usc'],
    ['Observership in IM at a U.S. hospital', 'specialti'],
  ])('GIVEN "%s" THEN the terms include %s', (text, term) => {
    expect(has(text, term)).toBe(true);
  });

  it.each([
    ["I'm still a student", 'specialti'], // lowercase "im" is "I'm", never internal medicine
    ['what is the weather', 'what'],
    ['how do I do it', 'how'],
  ])('GIVEN "%s" THEN the terms do not include %s', (text, term) => {
    expect(has(text, term)).toBe(false);
  });

  it('GIVEN a typo in a topic word THEN the engine still finds the topic', () => {
    expect(answerId('whats the usual lenght of an externshp')).toBe('externship-duration');
  });
});

describe('FAQ confidence threshold', () => {
  const hit = (over: Partial<RankedHit> = {}): RankedHit => ({
    id: 'visa-constraints',
    score: MIN_SCORE * 4,
    matchedTerms: ['visa'],
    queryTerms: ['visa'],
    coverage: 1,
    knownCoverage: 1,
    ...over,
  });

  it.each([
    ['a field word and a strong match', ['visa', 'b1b2'], [hit()], 'answer'],
    ['no terms at all', [], [hit()], 'empty'],
    ['no entry matched', ['visa'], [], 'empty'],
    [
      'no field word (chit-chat)',
      ['weather', 'boston'],
      [hit({ queryTerms: ['weather'], coverage: 0.5 })],
      'off-topic',
    ],
    [
      'no field word, yet one entry matches nearly all of it',
      ['keep', 'case', 'log'],
      [hit({ coverage: WHOLE_COVERAGE, score: WHOLE_SCORE })],
      'answer',
    ],
    [
      'no field word and most of it matched, but weakly',
      ['keep', 'case', 'log'],
      [hit({ coverage: WHOLE_COVERAGE, score: WHOLE_SCORE - 1 })],
      'off-topic',
    ],
    [
      'a long question whose personal context no entry knows, known words well covered',
      ['observership', 'ohio', 'friend', 'wast', 'hold'],
      [hit({ coverage: 0.2, knownCoverage: MIN_KNOWN_COVERAGE, score: MIN_KNOWN_SCORE })],
      'answer',
    ],
    [
      'a long question with known words covered but a weak score',
      ['observership', 'ohio', 'friend', 'wast', 'hold'],
      [hit({ coverage: 0.2, knownCoverage: MIN_KNOWN_COVERAGE, score: MIN_KNOWN_SCORE - 1 })],
      'weak-match',
    ],
    ['a score under the minimum', ['visa'], [hit({ score: MIN_SCORE - 1 })], 'low-score'],
    [
      'a field word but little of the question covered',
      ['visa', 'famili', 'trip'],
      [hit({ coverage: MIN_COVERAGE - 0.01, knownCoverage: MIN_KNOWN_COVERAGE - 0.01 })],
      'weak-match',
    ],
    [
      'only an everyday field word, half covered',
      ['hospit', 'cafeteria'],
      [hit({ coverage: MIN_COVERAGE_SHARED - 0.01, knownCoverage: MIN_KNOWN_COVERAGE_SHARED - 0.01 })],
      'weak-match',
    ],
    ['only an everyday field word, fully covered', ['hospit', 'document'], [hit({ coverage: 1 })], 'answer'],
    [
      'two everyday field words, a third covered',
      ['hospit', 'program', 'x'],
      [hit({ coverage: MIN_COVERAGE })],
      'answer',
    ],
  ] as const)('GIVEN %s THEN %s', (_what, terms, hits, reason) => {
    const c = decide(terms, hits);
    expect(c.reason).toBe(reason);
    expect(c.answerId !== undefined).toBe(reason === 'answer');
  });

  it('GIVEN an off-topic question THEN the closest topics are still offered', () => {
    const a = index.answer('recommend a laptop for studying');
    expect(a.kind).toBe('none');
  });
});
