/**
 * Health and metrics: with real Redis and the real worker, an operator's
 * scrape of /metrics after a few commands and reminders shows the commands
 * by name, platform and outcome with their latency, the reminders' lateness,
 * deliveries by outcome (sent, retried, given up, DMs closed, with the given-up
 * one logged at error with its reminder id), queue counts, the Redis round
 * trip and process metrics, and no member id anywhere. /readyz follows the
 * workers.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { settingsFileSchema } from '../../src/config/settings-file.ts';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { createCommandObserver } from '../../src/ops/command-observer.ts';
import { type HealthServer, startHealthServer } from '../../src/ops/health-server.ts';
import { ImgbotMetrics } from '../../src/ops/metrics.ts';
import { loadBootConfig } from '../../src/runtime/boot.ts';
import { type Services, startServices } from '../../src/runtime/services.ts';
import { SHIPPED_FAQ } from '../helpers/app.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix } from '../helpers/redis.ts';
import { DMS_CLOSED, eventually, OUTAGE, RecordingNotifier } from './reminder-harness.ts';

let app: App | undefined;
let services: Services | undefined;
let health: HealthServer | undefined;
afterEach(async () => {
  await health?.close();
  await services?.close();
  if (app) {
    await app.reminderScheduler.queue.obliterate({ force: true }).catch(() => undefined);
    await cleanupPrefix(app.redis, app.keys.prefix);
    await app.close();
  }
  app = services = health = undefined;
});

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** The value of one sample line of the exposition text (undefined when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function reminderFor(a: App, member: string, due: number): Promise<Reminder> {
  const r: Reminder = {
    id: `rmet${randomBytes(3).toString('hex')}`,
    userId: `shell:${member}`,
    communityId: 'shell:local',
    kind: 'custom',
    text: `a reminder for ${member}`,
    status: 'pending',
    dueAt: due,
    fireAt: due,
    createdAt: Date.now(),
  };
  await a.deps.reminders.store.save(r);
  await a.deps.reminders.scheduler.schedule(r.id, r.fireAt);
  return r;
}

describe('/metrics, /readyz and /healthz', () => {
  it('GIVEN commands and reminders ran THEN one scrape shows them with bounded labels', async () => {
    const metrics = new ImgbotMetrics();
    const logs = captureLogs();
    const prefix = testPrefix();
    const a = createApp({
      redisUrl: TEST_REDIS_URL,
      prefix,
      settings: settingsFileSchema.parse({ delivery: { concurrency: 2, maxPerSecond: 0, attempts: 2 } }),
      logger: logs.logger,
      faqEntries: SHIPPED_FAQ,
      observer: createCommandObserver(logs.logger, metrics),
    });
    app = a;
    const notifier = new RecordingNotifier();
    a.notifier.register('shell', notifier);
    const boot = await loadBootConfig({
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    services = await startServices(a, boot, { metrics, lockDurationMs: 5_000, stalledIntervalMs: 2_000 });
    metrics.measureRedisWith(async () => {
      const t = performance.now();
      await a.redis.ping();
      return (performance.now() - t) / 1000;
    });
    const s = services;
    health = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      metrics,
      checks: [
        { name: 'redis', check: async () => (await a.redis.ping()) === 'PONG' },
        { name: 'workers', check: () => s.running() },
      ],
    });
    const base = `http://127.0.0.1:${health.port}`;
    const env = {
      actor: {
        userId: 'shell:amina',
        communityId: 'shell:local',
        displayName: 'amina',
        platformAdmin: false,
        roleIds: [],
      },
      deps: a.deps,
      registry: a.registry,
    };

    // Commands: two that work, one that does not exist, one with a bad option.
    expect((await runTextCommand('/help', env)).error).toBeFalsy();
    expect((await runTextCommand('/help', env)).error).toBeFalsy();
    expect((await runTextCommand('/nonsense-amina', env)).error).toBeTruthy();
    expect((await runTextCommand('/remind when:"someday maybe" what:"x"', env)).error).toBeTruthy();

    // Reminders: one delivered, one to a member whose DMs are closed, one that fails until given up.
    const due = Date.now() + 500;
    notifier.failNext(DMS_CLOSED);
    const closed = await reminderFor(a, 'zainab', due);
    await eventually(
      async () => expect((await a.deps.reminders.store.get(closed.id))?.status).not.toBe('pending'),
      20_000,
    );
    const sent = await reminderFor(a, 'amina', Date.now() + 500);
    await eventually(() => expect(notifier.to('shell:amina')).toHaveLength(1), 20_000);
    notifier.failAlways(OUTAGE);
    const doomed = await reminderFor(a, 'farida', Date.now() + 200);
    await eventually(
      () => expect(logs.lines.some((l) => l.msg === 'reminder delivery given up')).toBe(true),
      30_000,
    );
    notifier.failAlways(undefined);

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();

    expect(sample(text, 'imgbot_commands_total', { command: 'help', platform: 'shell', outcome: 'ok' })).toBe(
      2,
    );
    expect(sample(text, 'imgbot_commands_total', { command: 'unknown', outcome: 'refused' })).toBe(1);
    expect(sample(text, 'imgbot_commands_total', { command: 'remind', outcome: 'refused' })).toBe(1);
    expect(
      sample(text, 'imgbot_command_duration_seconds_count', { command: 'help', platform: 'shell' }),
    ).toBe(2);
    expect(sample(text, 'imgbot_deliveries_total', { outcome: 'sent' })).toBe(1);
    expect(sample(text, 'imgbot_deliveries_total', { outcome: 'dms_closed' })).toBe(1);
    expect(sample(text, 'imgbot_deliveries_total', { outcome: 'retried' })).toBe(1);
    expect(sample(text, 'imgbot_deliveries_total', { outcome: 'given_up' })).toBe(1);
    expect(sample(text, 'imgbot_reminder_lateness_seconds_count')).toBe(1);
    expect(sample(text, 'imgbot_queue_jobs', { queue: 'reminders', state: 'failed' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'imgbot_queue_jobs', { queue: 'maintenance', state: 'delayed' })).toBeDefined();
    expect(sample(text, 'imgbot_redis_round_trip_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeDefined();
    // Bounded labels: no member, reminder or typed command name anywhere.
    for (const id of ['amina', 'zainab', 'farida', sent.id, doomed.id, 'nonsense'])
      expect(text).not.toContain(id);

    // The given-up delivery is logged at error with its reminder id.
    const gaveUp = logs.lines.find((l) => l.msg === 'reminder delivery given up');
    expect(gaveUp).toMatchObject({ level: 50, reminder: doomed.id });

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      stopping: false,
      checks: { redis: true, workers: true },
    });

    // Workers stopped: not ready any more (still alive).
    await services.close();
    services = undefined;
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, checks: { redis: true, workers: false } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 60_000);
});
