// FAQ latency: the engine alone (answering every sample and paraphrase
// question many times, autocomplete on typed prefixes, rebuilding the index,
// which a moderator edit costs each process once), then the whole `/faq`
// command and the Discord autocomplete through the core against the real
// Redis at REDIS_URL (under a key prefix of its own, removed afterwards).
// Usage: npx tsx bench/faq.bench.ts  (or npm run bench -- faq)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { loadFaqFiles } from '../src/config/faq-files.ts';
import { settingsFileSchema } from '../src/config/settings-file.ts';
import { runAutocomplete, runCommand } from '../src/core/commands/dispatch.ts';
import { FaqIndex } from '../src/core/faq/faq-index.ts';
import { deleteByPattern } from '../src/store/redis-connection.ts';

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

async function measure(
  name: string,
  inputs: readonly string[],
  rounds: number,
  run: (input: string) => unknown,
): Promise<void> {
  for (const input of inputs) await run(input); // warm-up: JIT and caches
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      await run(input);
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
await measure('answer (question)', qs, ROUNDS, (q) => index.answer(q));
await measure('autocomplete', prefixes, Math.ceil(ROUNDS / 3), (q) => index.complete(q, 25));
await measure('rebuild index (edit)', ['x'], 30, () => new FaqIndex(entries)); // why 30: each build takes milliseconds

// Through the core: option validation, the community's FAQ version read from Redis, the reply.
const prefix = `imgbot-bench-faq-${process.pid}:`;
const app = createApp({
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  prefix,
  settings: settingsFileSchema.parse({}),
  logger: pino({ level: 'silent' }),
  faqEntries: entries,
});
const env = {
  actor: {
    userId: 'shell:bench',
    communityId: 'shell:local',
    displayName: 'bench',
    platformAdmin: false,
    roleIds: [],
  },
  deps: app.deps,
  registry: app.registry,
};
console.log('through the core, Redis at REDIS_URL:');
try {
  const CORE_ROUNDS = 20; // why: each call is a Redis round trip; ~4k calls give a stable p99
  await measure('/faq question:…', qs, CORE_ROUNDS, (q) => runCommand('faq', { question: q }, env));
  await measure('autocomplete (core)', prefixes, Math.ceil(CORE_ROUNDS / 3), (q) =>
    runAutocomplete('faq', 'question', q, env),
  );
} finally {
  await deleteByPattern(app.redis, `${prefix}*`);
  await app.close();
}
