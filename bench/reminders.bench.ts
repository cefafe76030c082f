// Reminder delivery on real Redis + BullMQ: 10,000 one-off reminders due
// spread over one minute, delivered by the production worker wiring
// (startServices) to a notifier that records when it was called. Prints the
// lateness (due instant -> notifier call) p50/p99/max with the queue's rate
// limit off, then on (settings.json delivery.maxPerSecond), and the Redis
// memory one pending reminder costs (record, indexes, delayed job).
// Usage: npm run bench -- reminders
//   REMINDER_BENCH_N (default 10000), REMINDER_BENCH_LIMIT (default: settings), REMINDER_BENCH_SPREAD_S (60)
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { type App, createApp } from '../src/app.ts';
import { loadSettingsFile } from '../src/config/settings-file.ts';
import type { DeliveryOutcome, Notifier, SendOptions } from '../src/core/ports/notifier.port.ts';
import type { Reminder } from '../src/core/reminders/reminder.ts';
import { queuePrefix, REMINDER_QUEUE, reminderJobId } from '../src/jobs/queue-prefix.ts';
import { loadBootConfig } from '../src/runtime/boot.ts';
import { startServices } from '../src/runtime/services.ts';
import { deleteByPattern } from '../src/store/redis-connection.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const N = Number(process.env.REMINDER_BENCH_N ?? 10_000);
const SPREAD_MS = Number(process.env.REMINDER_BENCH_SPREAD_S ?? 60) * 1000;
const MEMBERS = Math.max(1, Math.round(N / 10)); // why: ten pending reminders per member, a busy cycle
const LEAD_MS = 20_000; // why: time to seed 10k reminders and start the worker before the first is due

const fileSettings = await loadSettingsFile('config');
if (!fileSettings.ok) throw new Error(fileSettings.message);
const SETTINGS = fileSettings.value;
const LIMIT = Number(process.env.REMINDER_BENCH_LIMIT ?? SETTINGS.delivery.maxPerSecond);

/** Records the lateness of each call: the idempotency key is `<reminder>-<due instant>`. */
class LatenessNotifier implements Notifier {
  readonly lateness: number[] = [];
  readonly callTimes: number[] = [];
  async sendDirect(_to: string, _m: unknown, opts?: SendOptions): Promise<DeliveryOutcome> {
    const now = Date.now();
    const due = Number(opts?.idempotencyKey?.split('-').pop());
    this.lateness.push(now - due);
    this.callTimes.push(now);
    return { ok: true };
  }
  async sendToChannel(): Promise<DeliveryOutcome> {
    return { ok: true };
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function seed(app: App, first: number): Promise<Reminder[]> {
  const rs: Reminder[] = [];
  for (let i = 0; i < N; i++) {
    const due = first + Math.floor((i / N) * SPREAD_MS);
    rs.push({
      id: `rb${i.toString(36).padStart(6, '0')}`,
      userId: `shell:member${i % MEMBERS}`,
      communityId: 'shell:local',
      kind: 'custom',
      text: `bench reminder ${i}: email Dr. Rivera about the letter`,
      status: 'pending',
      dueAt: due,
      fireAt: due,
      zone: 'America/New_York',
      createdAt: Date.now(),
    });
  }
  const PAGE = 500; // why: one pipeline / addBulk per 500 keeps seeding fast without huge requests
  for (let i = 0; i < rs.length; i += PAGE) {
    const page = rs.slice(i, i + PAGE);
    await Promise.all(page.map((r) => app.deps.reminders.store.save(r)));
    await app.reminderScheduler.scheduleMany(page);
  }
  return rs;
}

/** Memory of one pending reminder: its own keys by MEMORY USAGE, plus its share of the sorted sets. */
async function perReminderBytes(
  app: App,
  rs: readonly Reminder[],
): Promise<{ keys: number; shared: number; events: number }> {
  const { redis, keys } = app;
  const sample = rs.slice(0, 200);
  let own = 0;
  for (const r of sample) {
    own += (await redis.memory('USAGE', keys.k('reminder', r.id))) ?? 0;
    own +=
      (await redis.memory(
        'USAGE',
        `${queuePrefix(keys.prefix)}:${REMINDER_QUEUE}:${reminderJobId(r.id, r.fireAt)}`,
      )) ?? 0;
  }
  const sets = [
    keys.k('reminders', 'pending'),
    `${queuePrefix(keys.prefix)}:${REMINDER_QUEUE}:delayed`,
    ...Array.from({ length: Math.min(MEMBERS, 50) }, (_, i) =>
      keys.k('user', `shell:member${i}`, 'reminders'),
    ),
  ];
  const [pending, delayed, ...users] = await Promise.all(sets.map((k) => redis.memory('USAGE', k)));
  const userShare = users.reduce((a: number, b) => a + (b ?? 0), 0) / Math.max(1, users.length) / 10;
  const events = (await redis.memory('USAGE', `${queuePrefix(keys.prefix)}:${REMINDER_QUEUE}:events`)) ?? 0;
  return {
    keys: own / sample.length,
    shared: ((pending ?? 0) + (delayed ?? 0)) / rs.length + userShare,
    events: events / rs.length,
  };
}

async function run(label: string, maxPerSecond: number, measureMemory: boolean): Promise<void> {
  const prefix = `imgbot-bench-${randomBytes(4).toString('hex')}:`;
  const settings = { ...SETTINGS, delivery: { ...SETTINGS.delivery, maxPerSecond } };
  const app = createApp({
    redisUrl: REDIS_URL,
    prefix,
    settings,
    logger: pino({ level: 'silent' }),
    faqEntries: [],
  });
  const notifier = new LatenessNotifier();
  app.notifier.register('shell', notifier);
  try {
    const before = await usedMemory(app.redis);
    const first = Date.now() + LEAD_MS;
    const t0 = Date.now();
    const rs = await seed(app, first);
    const seededMs = Date.now() - t0;
    if (measureMemory) {
      const delta = (await usedMemory(app.redis)) - before;
      const m = await perReminderBytes(app, rs);
      console.log(
        `memory per pending reminder: ${(delta / N).toFixed(0)} B (INFO used_memory delta / ${N}); ` +
          `${m.keys.toFixed(0)} B own keys (record + job hash, MEMORY USAGE) + ${m.shared.toFixed(0)} B share of sorted sets ` +
          `= ${(m.keys + m.shared).toFixed(0)} B; BullMQ's event log adds ${m.events.toFixed(0)} B each here (capped at 10,000 events). ` +
          'INFO counts every client of this Redis, so it is the noisier number.',
      );
    }
    if (Date.now() > first - 2_000)
      console.log(`warning: seeding took ${seededMs} ms, close to the first due time`);
    const boot = await loadBootConfig({ REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' });
    const services = await startServices(app, boot);
    const deadline =
      first + SPREAD_MS + Math.max(120_000, maxPerSecond > 0 ? (2 * N * 1000) / maxPerSecond : 0);
    while (notifier.lateness.length < N && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    await services.close();
    const sorted = [...notifier.lateness].sort((a, b) => a - b);
    const span = (Math.max(...notifier.callTimes) - Math.min(...notifier.callTimes)) / 1000;
    const perSecond = new Map<number, number>();
    for (const t of notifier.callTimes)
      perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    console.log(
      `${label.padEnd(26)} n=${sorted.length}/${N}  p50 ${percentile(sorted, 50)} ms  p99 ${percentile(sorted, 99)} ms  ` +
        `max ${sorted[sorted.length - 1]} ms  drained in ${span.toFixed(1)} s  peak ${Math.max(...perSecond.values())}/s  ` +
        `(seeded in ${seededMs} ms)`,
    );
  } finally {
    await deleteByPattern(app.redis, `${prefix}*`);
    await deleteByPattern(app.redis, `${queuePrefix(prefix)}*`);
    await app.close();
  }
}

console.log(
  `Reminders: ${N} due over ${SPREAD_MS / 1000} s for ${MEMBERS} members, concurrency ${SETTINGS.delivery.concurrency}`,
);
await run('rate limit off', 0, true);
if (LIMIT > 0) await run(`rate limit ${LIMIT}/s`, LIMIT, false);
process.exit(0);
