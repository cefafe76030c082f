// FAQ engine latency: answering every sample and paraphrase question many
// times, autocomplete on typed prefixes, and rebuilding the index (what a
// moderator edit costs each process once). Pure engine, no Redis: a real
// request adds one GET of the community's FAQ version.
// Usage: npx tsx bench/faq.bench.ts  (or npm run bench -- faq)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFaqFiles } from '../src/config/faq-files.ts';
import { FaqIndex } from '../src/core/faq/faq-index.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const ROUNDS = 200; // why: ~40k answers, enough for a stable p99 in a few seconds

function questions(): string[] {
  const doc = resolve(root, '../shared/docs/faq-questions.md');
  const samples = existsSync(doc)
    ? [...readFileSync(doc, 'utf8').matchAll(/^\|\s*(.+?)\s*\|\s*`[a-z0-9-]+`\s*\|\s*$/gm)].map(
        (m) => m[1] as string,
      )
    : (
        JSON.parse(readFileSync(resolve(root, 'test/fixtures/faq-samples.json'), 'utf8')).samples as {
          q: string;
        }[]
      ).map((s) => s.q);
  const paraphrases = JSON.parse(
    readFileSync(resolve(root, 'test/fixtures/faq-paraphrases.json'), 'utf8'),
  ) as {
    q: string;
  }[];
  return [...samples, ...paraphrases.map((p) => p.q)];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function measure(
  name: string,
  inputs: readonly string[],
  rounds: number,
  run: (input: string) => unknown,
): void {
  for (const input of inputs) run(input); // warm-up: JIT and caches
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      run(input);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const f = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(
    `${name.padEnd(22)} n=${String(times.length).padStart(6)}  p50 ${f(percentile(times, 50)).padStart(8)}  ` +
      `p99 ${f(percentile(times, 99)).padStart(8)}  max ${f(times[times.length - 1] ?? 0).padStart(9)}`,
  );
}

const loaded = await loadFaqFiles(resolve(root, 'config/faq'));
if (!loaded.ok) throw new Error(loaded.message);
const entries = loaded.value;
const index = new FaqIndex(entries);
const qs = questions();
const prefixes = qs.flatMap((q) => [q.slice(0, 3), q.slice(0, 8), q.slice(0, 15)]);

console.log(
  `FAQ engine: ${entries.length} entries, ${qs.length} questions, ${prefixes.length} autocomplete prefixes`,
);
measure('answer (question)', qs, ROUNDS, (q) => index.answer(q));
measure('autocomplete', prefixes, Math.ceil(ROUNDS / 3), (q) => index.complete(q, 25));
measure('rebuild index (edit)', ['x'], 30, () => new FaqIndex(entries)); // why 30: each build takes milliseconds
