/**
 * Restarts lose nothing: a real `imgbot worker` process (Slack deliveries to
 * the fake Slack, which takes a while to answer each) gets SIGTERM in the
 * middle of a burst of due reminders. It stops taking jobs, lets the
 * deliveries in flight finish, and exits 0 within SHUTDOWN_TIMEOUT_MS; a new
 * worker then delivers the rest. Every reminder reaches Slack exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { freePort } from '../helpers/private-redis-server.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import { type RoleProcess, startRole } from '../helpers/role-process.ts';
import { eventually } from '../integration/reminder-harness.ts';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, FAKE_TEAM_ID, FakeSlack } from './fake-slack/index.ts';

// why: enough that the burst takes several seconds at the default 40 messages/s, so SIGTERM lands mid-burst
const N = 300;

let app: TestApp | undefined;
let fake: FakeSlack | undefined;
const roles: RoleProcess[] = [];
afterEach(async () => {
  for (const r of roles.splice(0)) await r.stop('SIGKILL');
  await app?.reminderScheduler.queue.obliterate({ force: true }).catch(() => undefined);
  await app?.dispose();
  await fake?.close();
  app = fake = undefined;
});

function worker(a: TestApp, f: FakeSlack, healthPort: number): RoleProcess {
  const r = startRole(['worker'], {
    REDIS_URL: TEST_REDIS_URL,
    IMGBOT_PREFIX: a.keys.prefix,
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
    SLACK_API_URL: f.apiUrl,
    HEALTH_PORT: String(healthPort),
    SHUTDOWN_TIMEOUT_MS: '20000',
    LOG_LEVEL: 'info',
  });
  roles.push(r);
  return r;
}

const marker = (i: number) => `burst-${i}-end`;

async function seed(a: TestApp): Promise<Reminder[]> {
  const due = Date.now() + 1_000;
  const out: Reminder[] = [];
  for (let i = 0; i < N; i++) {
    const r: Reminder = {
      id: `rterm${String(i).padStart(4, '0')}`,
      userId: `slack:${FAKE_TEAM_ID}:U0MEMBER${i % 20}`,
      communityId: `slack:${FAKE_TEAM_ID}`,
      kind: 'custom',
      text: marker(i),
      status: 'pending',
      dueAt: due,
      fireAt: due,
      createdAt: Date.now(),
    };
    await a.deps.reminders.store.save(r);
    await a.deps.reminders.scheduler.schedule(r.id, r.fireAt);
    out.push(r);
  }
  return out;
}

/** How many times each reminder's text reached Slack. */
function deliveredCounts(f: FakeSlack): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of f.callsTo('chat.postMessage')) {
    const found = /burst-(\d+)-end/.exec(JSON.stringify(call.body));
    if (!found) continue;
    const i = Number(found[1]);
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return counts;
}

describe('SIGTERM during a burst of due reminders', () => {
  it('GIVEN a worker stopped mid-burst and restarted THEN 0 reminders lost and 0 doubled', async () => {
    fake = await FakeSlack.start();
    fake.respondAlways('chat.postMessage', { delayMs: 150 }); // why: deliveries are in flight when SIGTERM lands
    app = createTestApp();
    const port = await freePort();
    const first = worker(app, fake, port);
    await first.waitForLog('workers running', 90_000);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { redis: true, workers: true } });

    const rs = await seed(app);
    const f = fake;
    await eventually(() => expect(f.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(40), 60_000);
    const code = await first.stop('SIGTERM');
    const atStop = deliveredCounts(f);
    expect(code).toBe(0); // finished in-flight work within SHUTDOWN_TIMEOUT_MS
    expect(first.stderr()).toContain('stopped cleanly');
    expect(atStop.size).toBeLessThan(N); // it really stopped mid-burst

    const second = worker(app, f, port);
    await second.waitForLog('workers running', 90_000);
    const a = app;
    await eventually(async () => {
      const stored = await a.deps.reminders.store.getMany(rs.map((r) => r.id));
      expect(stored.filter((r) => r?.status !== 'delivered').length).toBe(0);
    }, 90_000);

    const counts = deliveredCounts(f);
    const lost = rs.filter((_, i) => !counts.has(i)).length;
    const doubled = [...counts.values()].filter((n) => n > 1).length;
    process.stdout.write(
      `SIGTERM after ${atStop.size} of ${N} delivered; after restart: ${counts.size} delivered, ${lost} lost, ${doubled} doubled\n`,
    );
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 240_000);
});
